"""The numbers docs/errata.md quotes from the one-neuron fit, computed by the notebook's code.

Formatted as the notebook prints them, so the errata and the notebook page
show the same digits.
"""

import inspect
import json

import numpy as np

import one_neuron_fit as nb  # the notebook, run as a script; scripts/figures.py swallows what it prints

# The two-weight explorer's cap on the steps it counts: the one-weight
# explorer's too (steps_to_tolerance on the gradient-descent page).
EXPLORER_MAX_STEPS = 20_000


def explorer() -> str:
    """What the two-weight explorer on the page computes with, as JSON.

    docs/javascripts/explorers.js repeats fit_product in float64 on these
    numbers; json writes each float with repr's shortest round-trip digits,
    so JavaScript reads back the exact doubles the notebook uses.
    """
    return json.dumps({
        "x": nb.X64.ravel().tolist(),
        "y": nb.Y64.ravel().tolist(),
        "sum_xx": nb.sum_xx,
        "w_star": nb.w_star,
        "eta_max": nb.eta_max,
        "post_eta": nb.learning_rate,
        "start": list(nb.start),
        "tol": inspect.signature(nb.fit_product).parameters["tol"].default,
        "max_steps": EXPLORER_MAX_STEPS,
    })


def values():
    return {
        "points": str(len(nb.x_train)),
        "post_iterations": str(nb.post_iterations),
        "last_printed_iteration": str(nb.last_printed),
        "post_loss": f"{nb.post_loss:.4f}",
        "post_w": f"{nb.post_w:.4f}",
        "post_error_percent": f"{100 * nb.post_error:.1f}",
        "w_star": f"{nb.w_star:.4f}",
        "loss_star": f"{nb.loss_star:.4f}",
        "iterations_float64": str(len(nb.path64) - 1),
        "stall_iteration": str(len(nb.path32) - 1),
        "stuck_error": f"{nb.stuck_error:.1e}",
        "lr_tuned": nb.sci(nb.lr_tuned),
        "lr_ratio": f"{nb.lr_tuned / nb.learning_rate:.0f}",
        "tuned_iterations": str(nb.tuned_iterations),
        "slope": f"{nb.slope:.4f}",
        "intercept": f"{nb.intercept:.4f}",
        "loss_intercept": f"{nb.loss_intercept:.4f}",
        # How typical the seeded run is: the post's loop from other seeds' starts.
        "seeds_first": str(nb.seeds.start),
        "seeds_last": str(nb.seeds.stop - 1),
        "seeds_median_loss": f"{np.median(nb.final_losses):.2f}",
        "seeds_min_loss": f"{nb.final_losses.min():.2f}",
        "seeds_max_loss": f"{nb.final_losses.max():.1f}",
        "seeds_near": str(nb.near),
        # Not prose: hooks/explorer_data.py puts it in the explorer's data-explorer attribute.
        "explorer": explorer(),
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
