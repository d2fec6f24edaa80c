"""The numbers in the prose of docs/beyond-the-post.md, computed by the page's code."""

import contextlib
import inspect
import io
import math

import numpy as np

with contextlib.redirect_stdout(io.StringIO()):  # what the page's blocks print
    import beyond_the_post as bp  # the page's code, run once for its numbers


def power_of_ten(value):
    """TeX for an exact power of ten, 1e-06 -> 10^{-6}."""
    exponent = round(math.log10(value))
    if value != 10.0**exponent:
        raise ValueError(f"{value!r} is not a power of ten")
    return f"10^{{{exponent}}}"


def sci(value, digits=2):
    """TeX scientific notation as the page's tables print it:
    1.2e-03 -> 1.2 \\times 10^{-3}."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def kappa_and_steps(design):
    """The condition number of a design and the steps at its best rate."""
    low, high = np.linalg.eigvalsh(design.T @ design)
    return high / low, bp.descend(design, bp.best_rate(design)[0])[0]


def values():
    tol = inspect.signature(bp.descend).parameters["tol"].default
    centred = kappa_and_steps(bp.designs["centred x - m"])
    standardised = kappa_and_steps(bp.designs["standardised (x - m)/s"])
    loss_steps, loss_error = bp.fired["loss change", tol]
    half_error = bp.fired_half["gradient", tol][1]
    return {
        "n": str(len(bp.x)),
        "tol": power_of_ten(tol),
        # Conditioning and feature scaling.
        "kappa": f"{bp.kappa:.2f}",
        "cosine": f"{bp.cosine:.4f}",
        "steps_raw": str(bp.steps_raw),
        "mean_x": f"{bp.m:.4f}",
        "std_x": f"{bp.s:.4f}",
        "kappa_centred": f"{centred[0]:.2f}",
        "steps_centred": str(centred[1]),
        "steps_standardised": str(standardised[1]),
        "a_star": f"{bp.theta_star[0]:.6f}",
        "b_star": f"{bp.theta_star[1]:.6f}",
        # Momentum.
        "steps_momentum": str(bp.steps_momentum),
        "momentum_speedup": f"{bp.steps_raw / bp.steps_momentum:.0f}",
        "momentum_peak": f"{max(bp.errors_momentum):.1f}",
        # Stopping rules, at the threshold equal to the tolerance above.
        "loss_rule_steps": str(loss_steps),
        "loss_rule_error": sci(loss_error),
        # Exercise 4: the true error over the threshold, at 1/(2 lam_max).
        "half_rate_factor": f"{round(half_error / tol, -1):.0f}",
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
