"""J(w) with the first gradient-descent steps drawn on it, for three learning rates.

Three panels side by side; stacked one above the other in the narrow layout
that phones get (`narrow=True`), so that the text keeps its size there.
"""

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure

import gradient_descent as gd  # the page's code; scripts/figures.py swallows what it prints

STEPS = 6


def draw(narrow=False):
    shape = (len(gd.rates), 1) if narrow else (1, len(gd.rates))
    fig = Figure(figsize=(4, 8) if narrow else (9, 3.4), layout="constrained")
    axes = fig.subplots(*shape).ravel()
    for i, (ax, (name, eta)) in enumerate(zip(axes, gd.rates.items(), strict=True)):
        colour = f"C{i}"
        ws = np.array(gd.descend(0.0, eta, STEPS))
        # The curve spans the steps with a margin, and always both sides of w*.
        span = max(np.abs(ws - gd.w_star).max(), 0.1) * 1.15
        grid = np.linspace(gd.w_star - span, gd.w_star + span, 400)
        ax.plot(grid, [gd.cost(w) for w in grid], color=mpl.rcParams["text.color"],
                linewidth=1, alpha=0.6, label="$J(w)$")
        costs = [gd.cost(w) for w in ws]
        ax.plot(ws, costs, "o", color=colour, markersize=4, label="$w^{(t)}$")
        for t in range(STEPS):
            ax.annotate("", xy=(ws[t + 1], costs[t + 1]), xytext=(ws[t], costs[t]),
                        arrowprops={"arrowstyle": "->", "color": colour, "linewidth": 1})
        ax.plot(ws[:1], costs[:1], "s", color=colour, markersize=8, fillstyle="none",
                label="start $w^{(0)}$")
        ax.axvline(gd.w_star, linestyle=":", linewidth=1, color=mpl.rcParams["text.color"],
                   label="$w^*$")
        ax.set_title(f"{name}: $\\eta = {eta / gd.eta_max:g}\\,\\eta_{{\\max}}$")
        ax.set_xlabel("$w$")
        if narrow or i == 0:
            ax.set_ylabel("cost $J(w)$")
    # One legend for all panels, below them, where it covers no steps.
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2 if narrow else len(labels))
    return fig
