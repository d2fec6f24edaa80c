"""The numbers in the prose of docs/training-in-pytorch.md, computed by the page's code."""

import contextlib
import inspect
import io

with contextlib.redirect_stdout(io.StringIO()):  # what the page's blocks print
    import training_in_pytorch as tp  # the page's code, run once for its numbers


def sci(value, digits=2):
    """TeX scientific notation as the page's tables print it:
    1.2e-03 -> 1.2 \\times 10^{-3}."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def values():
    product_steps = inspect.signature(tp.descend_product).parameters["steps"]
    return {
        "n": str(len(tp.x)),
        # The training loop: the counts of the previous page, again.
        "steps_plain": str(tp.steps_plain),
        "steps_momentum": str(tp.steps_momentum),
        # Mini-batches.
        "n_batches": str(len(tp.batches)),
        "lr": f"{tp.lr:g}",
        "epochs": str(tp.EPOCHS),
        "last": str(tp.LAST),
        "full_after": sci(tp.runs[15][-1]),
        "jitter_single": sci(tp.jitter(tp.runs[1])),
        "independent_single": sci(tp.independent_jitter(1, tp.lr)),
        "jitter_mini": sci(tp.jitter(tp.runs[5])),
        "independent_mini": sci(tp.independent_jitter(5, tp.lr)),
        "shrink_ratio": f"{tp.jitter(tp.runs[1]) / tp.jitter(tp.shrinking):.0f}",
        # Non-convexity.
        "loss_valley": f"{tp.L(tp.p1, tp.p2):.4f}",
        "loss_origin": f"{tp.L(0, 0):.4f}",
        "product_steps": str(product_steps.default),
        "start_c": f"{tp.starts['w1 = -w2'][0]:g}",
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
