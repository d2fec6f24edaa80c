"""The numbers docs/errata.md quotes from the one-neuron fit, computed by the notebook's code.

Formatted as the notebook prints them, so the errata and the notebook page
show the same digits.
"""

import one_neuron_fit as nb  # the notebook, run as a script; scripts/figures.py swallows what it prints


def values():
    return {
        "points": str(len(nb.x_train)),
        "post_iterations": str(nb.post_iterations),
        # The post prints every 50 iterations (`iter % 50 == 0`), so this is its last line.
        "last_printed_iteration": str(nb.post_iterations // 50 * 50),
        "post_loss": f"{nb.post_loss:.4f}",
        "post_w": f"{nb.post_w:.4f}",
        "post_error_percent": f"{100 * nb.post_error:.1f}",
        "w_star": f"{nb.w_star:.4f}",
        "loss_star": f"{nb.loss_star:.4f}",
        "iterations_float64": str(len(nb.path64) - 1),
        "stall_iteration": str(len(nb.path32) - 1),
        "stuck_error": f"{nb.stuck_error:.1e}",
        "lr_tuned": f"{nb.lr_tuned:.4e}",
        "lr_ratio": f"{nb.lr_tuned / nb.learning_rate:.0f}",
        "tuned_iterations": str(nb.tuned_iterations),
        "slope": f"{nb.slope:.4f}",
        "intercept": f"{nb.intercept:.4f}",
        "loss_intercept": f"{nb.loss_intercept:.4f}",
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
