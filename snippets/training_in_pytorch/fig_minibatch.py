"""The error of w in each epoch (root mean square over that epoch's
updates), for full-batch, mini-batch and single-sample descent at one
learning rate, and for single-sample descent with a shrinking rate."""

import contextlib
import io

import numpy as np
from matplotlib.figure import Figure

with contextlib.redirect_stdout(io.StringIO()):  # what the page's blocks print
    import training_in_pytorch as tp  # the page's code, run once for the figure

FLOOR = 1e-6  # the full-batch run goes on falling below it


def per_epoch_rms(errors):
    """One value per epoch: the RMS of the errors after its updates."""
    return np.sqrt(np.mean(errors.reshape(tp.EPOCHS, -1) ** 2, axis=1))


def draw():
    full, mini, single = sorted(tp.runs, reverse=True)  # the page's batch sizes
    runs = [(f"full batch ({full})", tp.runs[full], "o-"),
            (f"mini-batch ({mini})", tp.runs[mini], "s-"),
            (f"single sample ({single})", tp.runs[single], "^-"),
            ("single sample,\nshrinking rate", tp.shrinking, "v--")]
    fig = Figure(figsize=(4.5, 4.2), layout="constrained")
    ax = fig.subplots()
    epochs = np.arange(1, tp.EPOCHS + 1)
    for label, errors, style in runs:
        ax.plot(epochs, per_epoch_rms(errors), style, markersize=3,
                markevery=4, label=label)
    ax.set_yscale("log")
    ax.set_ylim(FLOOR, 2)
    ax.set_xlim(0, tp.EPOCHS)
    ax.set_xlabel("epoch")
    ax.set_ylabel("RMS of $|w - w^*| \\,/\\, w^*$ in the epoch")
    fig.legend(loc="outside lower center", ncols=2, fontsize=10)
    return fig
