"""The one-neuron fit notebook's claims, checked independently of the notebook.

The notebook (snippets/one_neuron_fit/one_neuron_fit.py) runs here as a plain
script, in this process: its variables are checked against independent
computations (numpy, a loop written out again), and what it prints against
its own variables. tests/test_one_neuron_page.py checks the page and the
download built from it.
"""

import builtins
import contextlib
import io
import json
import re
import runpy
from pathlib import Path

import numpy as np
import pytest
import torch

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "snippets/one_neuron_fit/one_neuron_fit.py"
GRADIENT_DESCENT = ROOT / "snippets/gradient_descent/gradient_descent.py"
TOL = 1e-6  # the convergence tolerance, relative to w*
AGREE = 1e-6  # how closely the three fits must agree, relative to w*


@pytest.fixture(scope="module")
def script():
    """The notebook run as a plain script: (its global variables, what it printed)."""
    import matplotlib.pyplot as plt

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        namespace = runpy.run_path(str(NOTEBOOK), run_name="__main__")
    plt.close("all")
    return namespace, out.getvalue()


@pytest.fixture(scope="module")
def nb(script):
    return script[0]


def section(path: Path, name: str) -> str:
    text = path.read_text(encoding="utf-8")
    m = re.search(rf"# --8<-- \[start:{name}\]\n(.*?)# --8<-- \[end:{name}\]", text, re.DOTALL)
    assert m, f"{path}: no section {name}"
    return m[1]


def test_data_is_the_gradient_descent_pages(nb):
    """The notebook keeps its own copy of the post's points (it must download alone); they must not drift."""
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(section(GRADIENT_DESCENT, "data"), namespace)  # noqa: S102 - the page's own data block
    for name in ("x_train", "y_train"):
        assert nb[name].dtype == namespace[name].dtype == np.float32
        assert np.array_equal(nb[name], namespace[name]), name


def test_w_star_is_the_closed_form(nb):
    x = nb["x_train"].ravel().astype(np.float64)
    y = nb["y_train"].ravel().astype(np.float64)
    assert nb["w_star"] == pytest.approx(x @ y / (x @ x), rel=1e-12)
    assert nb["loss_star"] == pytest.approx(np.sum((nb["w_star"] * x - y) ** 2), rel=1e-12)
    assert nb["eta_max"] == pytest.approx(1 / (x @ x), rel=1e-12)


def test_post_loop_reproduced(nb):
    """The post's loop, written out again here: 999 iterations from the seeded start, same final loss."""
    torch.manual_seed(0)
    w1 = torch.rand(1, 1, requires_grad=True)
    w2 = torch.rand(1, 1, requires_grad=True)
    assert (w1.item(), w2.item()) == nb["start"]
    X, Y = torch.from_numpy(nb["x_train"]), torch.from_numpy(nb["y_train"])
    steps = 0
    for _ in range(1, 1000):
        loss = (X.mm(w1).mm(w2) - Y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            w1 -= 1e-6 * w1.grad
            w2 -= 1e-6 * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
        steps += 1
    assert steps == nb["post_iterations"] == 999
    with torch.no_grad():
        final = ((X.mm(w1).mm(w2) - Y) ** 2).sum().item()
    assert nb["post_loss"] == pytest.approx(final, rel=1e-6)
    assert nb["post_loss"] > nb["loss_star"]
    assert nb["post_error"] > TOL


def test_post_loop_prints_every_50_iterations_before_the_update(script):
    nb, out = script
    lines = re.findall(r"^(\d+) (\d+\.\d+)$", out, re.MULTILINE)
    assert [int(i) for i, _ in lines] == list(range(50, 1000, 50))  # the last is 950
    assert [float(v) for _, v in lines] == [round(nb["post_losses"][i - 1], 4) for i in range(50, 1000, 50)]
    # The errata's "the last line is iteration N" and "its N points".
    values = json.loads((ROOT / "docs/values/one_neuron_fit.json").read_text(encoding="utf-8"))
    assert values["last_printed_iteration"] == lines[-1][0]
    assert values["points"] == str(len(nb["x_train"]))


def test_the_posts_loop_variable_hides_the_builtin_iter(nb):
    """The errata: after the post's loop, `iter` in the notebook is an int, not Python's iter()."""
    assert nb["iter"] == nb["post_iterations"] and nb["iter"] is not builtins.iter


def test_post_rate_needs_thousands_of_iterations_and_stalls_in_float32(nb):
    w_star = nb["w_star"]
    rel = [abs(a * b - w_star) / w_star for a, b in nb["path64"]]
    assert nb["met64"] and rel[-1] <= TOL < rel[-2]
    assert len(nb["path64"]) - 1 > nb["post_iterations"]  # more than the post runs
    # float32: the last update changed nothing, short of the tolerance
    assert not nb["met32"]
    assert nb["path32"][-1] == nb["path32"][-2]
    assert nb["stuck_error"] > TOL


def test_hessian_on_the_valley_and_at_the_saddle(nb):
    s, w_star = nb["sum_xx"], nb["w_star"]
    a, b = nb["valley"]
    assert a * b == pytest.approx(w_star, rel=1e-12)
    low, high = nb["valley_eigenvalues"]
    assert abs(low) < 1e-9 * high
    assert high == pytest.approx(2 * s * (a * a + b * b), rel=1e-12)
    assert nb["origin_eigenvalues"] == pytest.approx([-2 * s * w_star, 2 * s * w_star], rel=1e-12)
    assert nb["lr_bound"] == pytest.approx(1 / (s * (a * a + b * b)), rel=1e-12)


def test_the_valley_point_is_the_nearest_to_the_start_and_where_the_tuned_loop_lands(nb):
    """Against a brute-force search along the hyperbola, both of its branches."""
    w_star, (s1, s2) = nb["w_star"], nb["start"]
    a = np.concatenate([np.linspace(-5, -1e-3, 200_001), np.linspace(1e-3, 5, 200_001)])
    distance = (a - s1) ** 2 + (w_star / a - s2) ** 2
    best = a[distance.argmin()]
    assert nb["valley"][0] == pytest.approx(best, abs=1e-4)
    # the radial scaling of the start, once used here, is further from it
    scale = (w_star / (s1 * s2)) ** 0.5
    radial = (s1 * scale - s1) ** 2 + (s2 * scale - s2) ** 2
    assert distance.min() < radial
    landed = nb["path_tuned"][-1]
    assert max(abs(landed[0] - nb["valley"][0]), abs(landed[1] - nb["valley"][1])) < 2e-4


def test_seed_0_is_lucky_among_the_other_seeds(nb):
    """post_run is the post's loop (it reproduces seed 0's run), and seed 0 ends closer than any other."""
    loss0, error0 = nb["post_run"](0)
    assert loss0 == pytest.approx(nb["post_loss"], rel=1e-6) and error0 == pytest.approx(nb["post_error"], rel=1e-5)
    assert len(nb["final_losses"]) == len(nb["seeds"]) == 50
    assert np.all(nb["final_losses"] > nb["post_loss"])
    assert nb["near"] == np.sum(nb["final_errors"] <= 0.02) == 0 < error0 <= 0.02


def test_the_exercises_solutions_say_what_their_cells_show(nb):
    # 1: one more update leaves the loss the same to four decimals
    assert len(nb["path_1000"]) - 1 == 1000
    assert round(nb["loss_one_weight"](nb["w_1000"]), 4) == round(nb["post_loss"], 4)
    # 2: from zero the weights never move
    assert nb["path_zero"] == [(0.0, 0.0), (0.0, 0.0)]
    # 3: the tuned rate is over twice the bound at the far start, and the error grows every step
    assert nb["lr_tuned"] / nb["bound_far"] > 2
    errors = [abs(a * b - nb["w_star"]) for a, b in nb["path_far"]]
    assert all(later > earlier for earlier, later in zip(errors, errors[1:], strict=False))
    # 4: with the mean loss, n_points times the rate lands in one step
    assert abs(nb["w_mean"] - nb["w_star"]) <= 1e-6 * nb["w_star"]
    # 5: at the stall, each update is below half the gap to the next float32
    assert nb["update"] < nb["gap"] / 2


def test_loss_depends_only_on_the_product(nb):
    rng = np.random.default_rng(0)
    for a, b in rng.uniform(-2, 2, size=(20, 2)):
        assert nb["loss_product"](a, b) == pytest.approx(nb["loss_one_weight"](a * b), rel=1e-12)


def test_tuned_rate_comes_from_the_bound_and_converges(nb):
    """Within TOL of w* after tuned_iterations, not before, and it stays there."""
    a, b = nb["start"]
    assert nb["lr_tuned"] == pytest.approx(nb["eta_max"] / (2 * (a * a + b * b)), rel=1e-12)
    assert nb["lr_tuned"] < nb["lr_bound"]
    w_star = nb["w_star"]
    rel = [abs(p * q - w_star) / w_star for p, q in nb["path_tuned"]]
    n = nb["tuned_iterations"]
    assert nb["met_tuned"] and n == len(rel) - 1 and rel[n] <= TOL < rel[n - 1]
    assert n <= 5
    longer, _ = nb["fit_product"](nb["lr_tuned"], 100, tol=0.0)
    assert all(abs(p * q - w_star) / w_star <= TOL for p, q in longer[n:])


def test_three_fits_agree(nb):
    w_star = nb["w_star"]
    fits = nb["fits"]
    assert set(fits) == {"manual loop, tuned rate", "nn.Linear + optim.SGD", "torch.linalg.lstsq"}
    assert fits["torch.linalg.lstsq"] == w_star
    for name, w in fits.items():
        assert abs(w - w_star) / w_star <= AGREE, name
    assert nb["sgd_iterations"] == 1  # one weight at eta_max / 2 lands in one step
    # "to within the rounding of float32": the gap between neighbouring float32 numbers near w*
    assert abs(fits["nn.Linear + optim.SGD"] - w_star) <= 2 * nb["resolution"] * w_star


def test_intercept_line(nb):
    x = nb["x_train"].ravel().astype(np.float64)
    y = nb["y_train"].ravel().astype(np.float64)
    slope, intercept = np.polyfit(x, y, 1)
    assert nb["slope"] == pytest.approx(slope, rel=1e-9)
    assert nb["intercept"] == pytest.approx(intercept, rel=1e-9)
    assert nb["loss_intercept"] == pytest.approx(np.sum((slope * x + intercept - y) ** 2), rel=1e-9)
    assert nb["loss_intercept"] < nb["loss_star"]
    assert nb["line"].weight.item() == pytest.approx(slope, rel=TOL)
    assert nb["line"].bias.item() == pytest.approx(intercept, rel=TOL)


def test_sci_formats_for_latex(nb):
    assert nb["sci"](1e-6) == "10^{-6}"
    assert nb["sci"](0.00094169) == r"9.417 \times 10^{-4}"
