"""The backward graph of the post's `tensor1 * tensor2`, read from autograd itself.

Nothing here is drawn by hand: the nodes and edges come from walking
`grad_fn.next_functions` from the product back to the leaves, and the saved
tensors from the nodes' `_saved_*` attributes. The narrow layout
(`narrow=True`), for phones, is a smaller drawing with larger text.
"""

import matplotlib.pyplot as plt
import post_walkthrough as post  # the page's own tensors, not a copy of them
import torch
from matplotlib.figure import Figure


def name_of(t: torch.Tensor, names: dict[str, torch.Tensor]) -> str:
    """The post's name for a tensor, matched by the memory it uses."""
    return next(n for n, v in names.items() if v.data_ptr() == t.data_ptr())


def walk(output: torch.Tensor, names: dict[str, torch.Tensor]):
    """Nodes {key: (label, kind, depth)} in the order found, and edges (from key, to key)."""
    nodes = {"output": ("output_tensor", "tensor", 0)}
    edges = [("output", id(output.grad_fn))]
    nodes[id(output.grad_fn)] = (None, "function", 1)  # label filled in when visited
    todo = [output.grad_fn]
    while todo:
        fn = todo.pop(0)
        depth = nodes[id(fn)][2]
        saved = [f"\nsaved {a.removeprefix('_saved_')} = {name_of(getattr(fn, a), names)}"
                 for a in dir(fn) if a.startswith("_saved_") and isinstance(getattr(fn, a), torch.Tensor)]
        nodes[id(fn)] = (fn.name().removeprefix("torch::autograd::") + "".join(saved), "function", depth)
        if hasattr(fn, "variable"):  # AccumulateGrad adds into a leaf's .grad
            leaf = name_of(fn.variable, names)
            nodes[leaf] = (f"{leaf}.grad", "tensor", depth + 1)
            edges.append((id(fn), leaf))
        for slot, (child, _) in enumerate(fn.next_functions):
            if child is None:  # an input that needs no gradient: nothing flows there
                key = (id(fn), slot)
                nodes[key] = ("None\n(needs no grad)", "none", depth + 1)
            else:
                key = id(child)
                nodes[key] = (None, "function", depth + 1)
                todo.append(child)
            edges.append((id(fn), key))
    return nodes, edges


def draw(narrow=False) -> Figure:
    names = {"tensor1": post.tensor1, "tensor2": post.tensor2}
    output = post.tensor1 * post.tensor2  # a fresh graph: the page's were freed by backward()
    nodes, edges = walk(output, names)

    depths = max(depth for *_, depth in nodes.values()) + 1
    rows: dict[int, list] = {}
    for key, (*_, depth) in nodes.items():
        rows.setdefault(depth, []).append(key)
    # Narrow (phones): the whole width, nodes of a row spread to its edges.
    def x(i, n):
        return (i + 0.5) / n if narrow else (i + 1) / (n + 1)

    where = {key: (x(i, len(keys)), 1 - (depth + 0.5) / depths)
             for depth, keys in rows.items() for i, key in enumerate(keys)}

    fig, ax = plt.subplots(figsize=(4, 3.8) if narrow else (6.4, 3.8))
    box_size = 10 if narrow else 9.5
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.12 if narrow else 1)
    if narrow:
        fig.subplots_adjust(left=0, right=1, bottom=0, top=1)
    colour = {"tensor": "C0", "function": "C1", "none": "C6"}
    for key, (label, kind, _) in nodes.items():
        ax.text(*where[key], label, ha="center", va="center", fontsize=box_size, family="monospace",
                bbox={"boxstyle": "round,pad=0.45", "facecolor": plt.rcParams["axes.facecolor"],
                      "edgecolor": colour[kind], "linewidth": 1.6,
                      "linestyle": "--" if kind == "none" else "-"})
    for start, end in edges:
        ax.annotate("", xy=where[end], xytext=where[start],
                    arrowprops={"arrowstyle": "-|>", "color": plt.rcParams["axes.edgecolor"],
                                "shrinkA": 20, "shrinkB": 20, "linewidth": 1.2})
    if narrow:  # one line above the graph
        ax.text(0.5, 1.11, "backward() runs from top to bottom", ha="center",
                va="top", fontsize=10)
    else:
        ax.text(0.0, 1.0, "backward() runs\nfrom top to bottom", ha="left",
                va="top", fontsize=9)
    return fig
