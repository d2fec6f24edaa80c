"""Relative error against the step for the line with an intercept: raw x,
raw x with momentum, centred x and standardised x."""

import contextlib
import io

import numpy as np
from matplotlib.figure import Figure

with contextlib.redirect_stdout(io.StringIO()):  # what the page's blocks print
    import beyond_the_post as bp  # the page's code, run once for the figure

FLOOR = 1e-7  # below the tolerance of 1e-6; errors under it are drawn at it


def draw():
    runs = [("raw $x$", bp.errors_raw, "-"),
            ("raw $x$, momentum", bp.errors_momentum, "--")]
    for name in ("centred x - m", "standardised (x - m)/s"):
        eta, _ = bp.best_rate(bp.designs[name])
        label = ("centred $x$" if name.startswith("centred")
                 else "standardised $x$")
        runs.append((label, bp.descend(bp.designs[name], eta)[1], "-"))
    fig = Figure(figsize=(4.5, 4.2), layout="constrained")
    ax = fig.subplots()
    for label, errors, style in runs:
        errors = np.maximum(np.array(errors), FLOOR)
        steps = len(errors) - 1
        ax.plot(np.arange(len(errors)), errors, style,
                label=f"{label}: {steps} step{'s' if steps > 1 else ''}")
    ax.axhline(1e-6, color="C6", linewidth=0.8, linestyle=":")
    ax.set_xscale("symlog", linthresh=1, linscale=0.5)
    ax.set_yscale("log")
    ax.set_xlim(0, 4000)
    ax.set_ylim(FLOOR / 2, 5)
    ax.set_xlabel("step $t$")
    ax.set_ylabel(r"$\|\theta_t - \theta^*\| \,/\, \|\theta^*\|$")
    fig.legend(loc="outside lower center", ncols=2, fontsize=10)
    return fig
