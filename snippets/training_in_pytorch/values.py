"""The numbers in the prose of docs/training-in-pytorch.md, computed by the page's code."""

import contextlib
import inspect
import io

with contextlib.redirect_stdout(io.StringIO()):  # what the page's blocks print
    import minibatch as mb  # the page's code, run once for its numbers
    import nonconvex as nc
    import pytorch_loop as pl


def sci(value, digits=2):
    """TeX scientific notation as the page's tables print it:
    1.2e-03 -> 1.2 \\times 10^{-3}."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def values():
    product_steps = inspect.signature(nc.descend_product).parameters["steps"]
    return {
        "n": str(len(pl.x)),
        # The training loop: the counts of the previous page, again.
        "steps_plain": str(pl.steps_plain),
        "steps_momentum": str(pl.steps_momentum),
        # Mini-batches.
        "n_batches": str(len(mb.batches)),
        "lr": f"{mb.lr:g}",
        "epochs": str(mb.EPOCHS),
        "last": str(mb.LAST),
        "full_after": sci(mb.runs[15][-1]),
        "jitter_single": sci(mb.jitter(mb.runs[1])),
        "independent_single": sci(mb.independent_jitter(1, mb.lr)),
        "jitter_mini": sci(mb.jitter(mb.runs[5])),
        "independent_mini": sci(mb.independent_jitter(5, mb.lr)),
        "shrink_ratio": f"{mb.jitter(mb.runs[1]) / mb.jitter(mb.shrinking):.0f}",
        # Non-convexity.
        "loss_valley": f"{nc.L(nc.p1, nc.p2):.4f}",
        "loss_origin": f"{nc.L(0, 0):.4f}",
        "product_steps": str(product_steps.default),
        "start_c": f"{nc.starts['w1 = -w2'][0]:g}",
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
