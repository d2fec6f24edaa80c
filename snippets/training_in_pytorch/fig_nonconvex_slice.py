"""The two-weight loss along the lines w1 = w2 and w1 = -w2 through the
origin, with the chord between the two valley points p and -p."""

import contextlib
import io

import numpy as np
from matplotlib.figure import Figure

with contextlib.redirect_stdout(io.StringIO()):  # what the page's blocks print
    import training_in_pytorch as tp  # the page's code, run once for the figure


def draw():
    t = np.linspace(-1.25, 1.25, 501)
    fig = Figure(figsize=(4.5, 4.2), layout="constrained")
    ax = fig.subplots()
    ax.plot(t, [tp.L(v, v) for v in t], label="along $w_1 = w_2$")
    ax.plot(t, [tp.L(v, -v) for v in t], label="along $w_1 = -w_2$")
    ends = [-tp.p1, tp.p1]
    ax.plot(ends, [tp.L(v, v) for v in ends], "o--", color="C2",
            label="chord from $-p$ to $p$")
    ax.plot([0], [tp.L(0, 0)], "X", color="C3", markersize=8,
            label="saddle at the origin")
    ax.set_ylim(0, 250)
    ax.set_xlabel("$t$, the point $(t, t)$ or $(t, -t)$")
    ax.set_ylabel("loss $L$")
    fig.legend(loc="outside lower center", ncols=2, fontsize=10)
    return fig
