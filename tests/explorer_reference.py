"""What the pages' own Python gives for the rates and starts the explorers were set to.

    python tests/explorer_reference.py < cases.json > results.json

Run by tests/test_explorers.py in a process of its own, under the environment
the site's outputs are recorded in (hooks/reproducible.py): torch's float64
sums then take the order the notebook's do (MKL_CBWR=COMPATIBLE; other MKL
code paths sum with fused multiply-adds, which round differently), whatever
the test process imported before.

Input: {"one_weight": [[eta, k], ...], "two_weights": [[lr, w1, w2, k], ...],
"max_steps": n}, where k is the number of updates the explorer made. Output,
in the same order: for one weight [steps_to_tolerance(eta),
predicted_steps(eta), the iterate after k updates by descend()]; for two
weights [the steps of fit_product(lr, n, torch.float64, start=(w1, w2)) if it
met its tolerance, else null; its (w1, w2) after k updates, null if it
stopped before].
"""

import contextlib
import importlib.util
import io
import json
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path):
    """The page's module, run as the page runs it, its printing swallowed."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(module)
    return module


def main() -> None:
    cases = json.load(sys.stdin)
    out = {"one_weight": [], "two_weights": []}
    if cases.get("one_weight"):
        gd = load(ROOT / "snippets/gradient_descent/gradient_descent.py")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # diverging rates overflow to inf
            out["one_weight"] = [[gd.steps_to_tolerance(eta), gd.predicted_steps(eta),
                                  float(gd.descend(0.0, eta, steps=k)[-1])]
                                 for eta, k in cases["one_weight"]]
    if cases.get("two_weights"):
        import matplotlib

        matplotlib.use("Agg")
        import torch

        nb = load(ROOT / "snippets/one_neuron_fit/one_neuron_fit.py")
        for lr, w1, w2, k in cases["two_weights"]:
            path, met = nb.fit_product(lr, cases["max_steps"], dtype=torch.float64, start=(w1, w2))
            out["two_weights"].append([len(path) - 1 if met else None, path[k] if k < len(path) else None])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
