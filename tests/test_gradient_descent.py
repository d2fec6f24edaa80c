"""The claims of docs/gradient-descent.md, checked against the page's own code.

The page's blocks and their printed outputs are run by test_codeblocks.py; this
file checks what the prose and the derivations claim: the hand gradient against
autograd, the closed form against least squares, and the learning-rate bounds.
(tests/test_typed_numbers.py checks that the prose holds no number typed by hand.)
"""

from pathlib import Path

import numpy as np
import pytest
import torch
from page_code import page_module

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "snippets" / "gradient_descent"
SEEDS = range(5)


@pytest.fixture(scope="module")
def gd():
    return page_module(FOLDER / "gradient_descent.py")


@pytest.fixture(scope="module")
def values():
    return page_module(FOLDER / "values.py").values()


def autograd_gradient(cost, *arrays):
    """d cost / d arrays[0] by torch.autograd, in float64."""
    tensors = [torch.tensor(a, dtype=torch.float64) for a in arrays]
    tensors[0].requires_grad_()
    cost(*tensors).backward()
    return tensors[0].grad.numpy()


def run(step, w0, steps):
    """The iterates after each of `steps` updates w -> step(w)."""
    w, ws = w0, []
    for _ in range(steps):
        w = step(w)
        ws.append(w)
    return np.array(ws)


# The data


def test_data_is_the_posts_float32_columns(gd):
    assert gd.x_train.shape == gd.y_train.shape == (15, 1)
    assert gd.x_train.dtype == gd.y_train.dtype == np.float32
    # The float64 copies hold exactly the float32 values.
    assert np.array_equal(gd.x.astype(np.float32), gd.x_train.ravel())
    assert np.array_equal(gd.y.astype(np.float32), gd.y_train.ravel())
    assert gd.x.dtype == gd.y.dtype == np.float64


# The gradient


@pytest.mark.parametrize("seed", SEEDS)
def test_hand_gradient_equals_autograd(gd, seed):
    w = np.random.default_rng(seed).uniform(-2, 2)
    expected = autograd_gradient(lambda w, x, y: ((w * x - y) ** 2).sum(), w, gd.x, gd.y)
    assert gd.gradient(w) == pytest.approx(float(expected), rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_vector_gradient_equals_autograd(gd, seed):
    rng = np.random.default_rng(seed)
    X, y, w = rng.normal(size=(15, 3)), rng.normal(size=15), rng.normal(size=3)
    expected = autograd_gradient(lambda w, X, y: ((X @ w - y) ** 2).sum(), w, X, y)
    np.testing.assert_allclose(gd.gradient_vector(X, y, w), expected, rtol=1e-12, atol=1e-12)


def test_vector_gradient_with_one_column_is_the_scalar_gradient(gd):
    for w in np.linspace(-1, 1, 7):
        assert gd.gradient_vector(gd.X, gd.y, np.array([w]))[0] == pytest.approx(gd.gradient(w), rel=1e-12, abs=1e-12)


# The closed form


def test_closed_form_equals_lstsq(gd):
    solution, residual, _, _ = np.linalg.lstsq(gd.X, gd.y, rcond=None)
    assert gd.w_star == pytest.approx(solution[0], rel=1e-12)
    assert gd.cost_min == pytest.approx(residual[0], rel=1e-10)


def test_minimum_cost_formula(gd):
    sum_yy = np.sum(gd.y * gd.y)
    assert gd.cost_min == pytest.approx(sum_yy - gd.sum_xy**2 / gd.sum_xx, rel=1e-10)
    assert abs(gd.gradient(gd.w_star)) < 1e-9


@pytest.mark.parametrize("seed", SEEDS)
def test_cost_is_the_parabola_around_w_star(gd, seed):
    w = np.random.default_rng(seed).uniform(-2, 2)
    assert gd.cost(w) == pytest.approx(gd.cost_min + gd.sum_xx * (w - gd.w_star) ** 2, rel=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_pages_vector_gradient_vanishes_at_the_least_squares_weights(gd, seed):
    """Setting the page's 2 X^T (Xw - y) to zero gives the normal equations, solved by lstsq."""
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(15, 3)), rng.normal(size=15)
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    np.testing.assert_allclose(gd.gradient_vector(X, y, w), 0, atol=1e-10)


# The learning rate


def test_bounds_are_computed_from_the_data(gd):
    assert gd.eta_max == 1 / np.sum(gd.x**2)
    assert gd.eta_star == gd.eta_max / 2


def test_just_below_eta_max_converges_and_just_above_diverges(gd):
    start = abs(0.0 - gd.w_star)
    below = np.abs(np.array(gd.descend(0.0, (1 - 1e-3) * gd.eta_max, 10_000)) - gd.w_star)
    above = np.abs(np.array(gd.descend(0.0, (1 + 1e-3) * gd.eta_max, 10_000)) - gd.w_star)
    assert np.all(np.diff(below) < 0) and below[-1] < 1e-6 * start
    assert np.all(np.diff(above) > 0) and above[-1] > 1e6 * start


def test_at_eta_max_the_error_neither_shrinks_nor_grows(gd):
    errors = np.abs(np.array(gd.descend(0.0, gd.eta_max, 1000)) - gd.w_star)
    np.testing.assert_allclose(errors, abs(gd.w_star), rtol=1e-9)


@pytest.mark.parametrize("w0", [-3.0, 0.0, 0.25, 10.0])
def test_eta_star_lands_on_w_star_in_one_step(gd, w0):
    assert gd.descend(w0, gd.eta_star, 1)[1] == pytest.approx(gd.w_star, rel=1e-12)


@pytest.mark.parametrize("fraction", [0.003, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99])
def test_counted_steps_equal_predicted_steps(gd, fraction):
    eta = fraction * gd.eta_max
    assert gd.steps_to_tolerance(eta) == gd.predicted_steps(eta)


@pytest.mark.parametrize("fraction", [1.0, 1.001, 1.01])
def test_no_convergence_from_eta_max_up(gd, fraction):
    eta = fraction * gd.eta_max
    assert gd.steps_to_tolerance(eta) is None and gd.predicted_steps(eta) is None


def test_figure_rates_are_what_their_names_say(gd):
    factor = {name: 1 - 2 * eta * gd.sum_xx for name, eta in gd.rates.items()}
    assert 0 < factor["good"] < factor["too small"] < 1
    assert factor["too large"] < -1


@pytest.mark.parametrize(
    ("convention", "scale", "eta_max_key"),
    [("mean", 1 / 15, "eta_max_mean"), ("half", 1 / 2, "eta_max_half")],
)
def test_other_conventions_bounds(gd, values, convention, scale, eta_max_key):
    """Gradient descent on scale * J converges just below the table's eta_max and diverges just above."""
    eta_max = gd.eta_max / scale
    assert float(values[eta_max_key]) == pytest.approx(eta_max, rel=1e-3)  # the table's rounding
    errors = {}
    for factor in (1 - 1e-3, 1 + 1e-3):
        ws = run(lambda w, eta=factor * eta_max: w - eta * scale * gd.gradient(w), 0.0, 10_000)
        errors[factor] = abs(ws[-1] - gd.w_star) / gd.w_star
    assert errors[1 - 1e-3] < 1e-6 and errors[1 + 1e-3] > 1e6


def test_several_weights_bound_is_one_over_the_largest_eigenvalue(gd):
    """The page's n-weight update with its gradient_vector: stable just below 1 / lambda_max(X^T X)."""
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(15, 3)), rng.normal(size=15)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    eta_max = 1 / np.linalg.eigvalsh(X.T @ X).max()
    for factor, converges in ((1 - 1e-2, True), (1 + 1e-2, False)):
        ws = run(lambda w, eta=factor * eta_max: w - eta * gd.gradient_vector(X, y, w), np.zeros(3), 5_000)
        assert (np.linalg.norm(ws[-1] - w_star) < 1e-6) == converges


# What the prose says about PyTorch


def test_mse_loss_is_the_mean_by_default(gd):
    w = 0.5
    prediction, target = torch.from_numpy(w * gd.x), torch.from_numpy(gd.y)
    assert torch.nn.MSELoss()(prediction, target).item() == pytest.approx(gd.cost(w) / len(gd.x), rel=1e-12)
