"""How far the cost is above its minimum, against the iteration, for three learning rates.

The narrow layout (`narrow=True`), for phones, is the same plot, smaller, so
that its text is larger on a small screen.
"""

import numpy as np
from matplotlib.figure import Figure

import gradient_descent as gd  # the page's code; scripts/figures.py swallows what it prints

STEPS = 15


def draw(narrow=False):
    fig = Figure(figsize=(4, 3.6) if narrow else (6.4, 4), layout="constrained")
    ax = fig.subplots()
    t = np.arange(STEPS + 1)
    for name, eta in gd.rates.items():
        ws = np.array(gd.descend(0.0, eta, STEPS))
        # J(w) - J(w*) = sum x^2 * (w - w*)^2 exactly for this cost; computing it this
        # way keeps the digits that the subtraction of two costs near 4.09 would lose.
        excess = gd.sum_xx * (ws - gd.w_star) ** 2
        ax.semilogy(t, excess, "o-", markersize=4,
                    label=f"{name}: $\\eta = {eta / gd.eta_max:g}\\,\\eta_{{\\max}}$")
    ax.set_xlabel("iteration $t$")
    ax.set_ylabel("$J(w^{(t)}) - J(w^*)$ (log scale)")
    ax.legend()
    return fig

