"""The numbers in the prose of docs/gradient-descent.md, computed by the page's code."""

import inspect
import json
import math

import numpy as np

import gradient_descent as gd  # the page's code; scripts/figures.py swallows what it prints


def power_of_ten(value):
    """TeX for an exact power of ten, 1e-06 -> 10^{-6}."""
    exponent = round(math.log10(value))
    if value != 10.0**exponent:
        raise ValueError(f"{value!r} is not a power of ten")
    return f"10^{{{exponent}}}"


def explorer() -> str:
    """What the learning-rate explorer on the page computes with, as JSON.

    docs/javascripts/explorers.js repeats steps_to_tolerance and
    predicted_steps on these numbers. json writes each float with repr's
    shortest round-trip digits, so JavaScript reads back the exact doubles of
    the page's code; the explorer does not recompute sum x^2 or w*.
    """
    params = inspect.signature(gd.steps_to_tolerance).parameters
    # The rates the page names, then the table's fractions of eta_max; a rate
    # already listed (1.0 eta_max is eta_max, 0.5 eta_max is eta*) only once.
    named = [("post", gd.post_eta), *gd.rates.items(), ("eta_star", gd.eta_star), ("eta_max", gd.eta_max)]
    rates = [{"name": name, "eta": float(eta)} for name, eta in named]
    for fraction, eta in zip(gd.fractions, gd.etas[1:], strict=True):
        if all(float(eta) != rate["eta"] for rate in rates):
            rates.append({"name": "fraction", "label": f"{fraction:g}", "eta": float(eta)})
    return json.dumps({
        "x": [float(v) for v in gd.x],
        "y": [float(v) for v in gd.y],
        "sum_xx": float(gd.sum_xx),
        "w_star": float(gd.w_star),
        "eta_max": float(gd.eta_max),
        "eta_star": float(gd.eta_star),
        "post_eta": gd.post_eta,
        "tol": params["tol"].default,
        "max_steps": params["max_steps"].default,
        "rates": rates,
    })


def values():
    tol = inspect.signature(gd.steps_to_tolerance).parameters["tol"].default
    n = len(gd.x)
    return {
        "n": str(n),
        "float32_digits": str(np.finfo(np.float32).precision),
        "float64_digits": str(np.finfo(np.float64).precision),
        "tol": power_of_ten(tol),
        "sum_xx": f"{gd.sum_xx:.4f}",
        "sum_xy": f"{gd.sum_xy:.4f}",
        "w_star": f"{gd.w_star:.6f}",
        "cost_min": f"{gd.cost_min:.6f}",
        "eta_max": f"{gd.eta_max:.4g}",
        "eta_star": f"{gd.eta_star:.4g}",
        # The same bounds under the other conventions for J (see the page's table).
        "eta_max_mean": f"{n * gd.eta_max:.4g}",
        "eta_star_mean": f"{n * gd.eta_star:.4g}",
        "cost_min_mean": f"{gd.cost_min / n:.6f}",
        "eta_max_half": f"{2 * gd.eta_max:.4g}",
        "eta_star_half": f"{2 * gd.eta_star:.4g}",
        "cost_min_half": f"{gd.cost_min / 2:.6f}",
        # The post's learning rate against these bounds, for this one-weight cost.
        "post_eta": power_of_ten(gd.post_eta),
        "post_updates": str(gd.post_updates),
        "post_eta_ratio": f"{gd.eta_max / gd.post_eta:.0f}",
        "post_eta_factor": f"{1 - 2 * gd.post_eta * gd.sum_xx:.5f}",
        "post_eta_steps": str(gd.steps_to_tolerance(gd.post_eta)),
        "post_error_percent": f"{100 * abs(gd.w_post - gd.w_star) / gd.w_star:.0f}",
        # The exercises' own settings, as their code sets them.
        "exercise_large": f"{gd.eta_large / gd.eta_max:g}",
        "exercise_large_r": f"{gd.r_large:g}",
        "exercise_steps": str(gd.steps),
        "exercise_far_start": f"{gd.w0:g}",
        "exercise_far": f"{gd.eta_far / gd.eta_max:g}",
        # Not prose: hooks/explorer_data.py puts it in the explorer's data-explorer attribute.
        "explorer": explorer(),
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
