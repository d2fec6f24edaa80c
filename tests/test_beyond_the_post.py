"""The claims of docs/beyond-the-post.md, checked independently of the page's code.

The page's blocks and their printed outputs are run by test_codeblocks.py.
Here each claim of the prose is recomputed another way: eigenvalues and
Hessians with numpy and autograd, step counts against their formulas, the
un-scaled line against np.polyfit, the heavy-ball settings against the
spectral radius of its iteration, the stopping table against a separate
run, and each exercise's answer against its formula. The page's files,
numbers, exercises and figure are checked in test_beyond_pages.py, the next
page's claims in test_training_in_pytorch.py.
"""

import math

import numpy as np
import pytest
import torch
from page_claims import ROOT, load

FOLDER = ROOT / "snippets" / "beyond_the_post"
TOL = 1e-6


@pytest.fixture(scope="module")
def bp():
    """The page's code: its module-level names after every block ran."""
    return load(FOLDER, "beyond_the_post")


@pytest.fixture(scope="module")
def values():
    return load(FOLDER, "values").values()


def rel_error(theta, target):
    return np.linalg.norm(theta - target) / np.linalg.norm(target)


def count_plain(A, y, eta, max_steps=100_000):
    """Steps of theta -= eta * 2 A^T (A theta - y) from 0 to a relative error TOL."""
    target = np.linalg.solve(A.T @ A, A.T @ y)
    theta = np.zeros(A.shape[1])
    for t in range(1, max_steps + 1):
        theta = theta - eta * 2 * A.T @ (A @ theta - y)
        if rel_error(theta, target) <= TOL:
            return t
    return None


# Conditioning and feature scaling


def test_hessian_is_twice_a_transpose_a_and_kappa_from_its_eigenvalues(bp):
    theta = torch.tensor([0.3, -0.7], dtype=torch.float64)
    A, y = torch.from_numpy(bp.A), torch.from_numpy(bp.y)
    hessian = torch.autograd.functional.hessian(lambda t: ((A @ t - y) ** 2).sum(), theta).numpy()
    np.testing.assert_allclose(hessian, 2 * bp.A.T @ bp.A, rtol=1e-12)
    eigenvalues = np.sort(np.linalg.eigvals(hessian).real) / 2  # a general solver, not eigvalsh
    assert eigenvalues == pytest.approx([bp.lam_min, bp.lam_max], rel=1e-10)
    assert bp.kappa == pytest.approx(eigenvalues[1] / eigenvalues[0], rel=1e-10)
    np.testing.assert_allclose(bp.theta_star, np.polyfit(bp.x, bp.y, 1), rtol=1e-10)


def test_cosine_of_the_columns(bp):
    ones = np.ones_like(bp.x)
    assert bp.cosine == pytest.approx(bp.x @ ones / np.linalg.norm(bp.x) / np.linalg.norm(ones), rel=1e-12)


def test_best_fixed_rate_minimises_the_slowest_factor(bp):
    etas = np.linspace(0.01, 0.999, 2000) / bp.lam_max
    slowest = np.maximum(abs(1 - 2 * etas * bp.lam_min), abs(1 - 2 * etas * bp.lam_max))
    assert slowest.min() >= bp.rho - 1e-12
    assert bp.eta_best == pytest.approx(etas[slowest.argmin()], rel=1e-3)
    assert bp.rho == pytest.approx((bp.kappa - 1) / (bp.kappa + 1), rel=1e-12)


@pytest.mark.parametrize("name", ["raw x", "centred x - m", "standardised (x - m)/s"])
def test_counted_steps_equal_the_formula_for_each_input(bp, name):
    design = bp.designs[name]
    low, high = np.linalg.eigvalsh(design.T @ design)
    rho = (high - low) / (high + low)
    predicted = 1 if rho <= TOL else math.ceil(math.log(TOL) / math.log(rho))
    assert count_plain(design, bp.y, 1 / (low + high)) == predicted == bp.descend(design, 1 / (low + high))[0]


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8, 0.95])
def test_counts_at_other_rates_follow_the_eigenvector_parts(bp, fraction):
    """|e_t|^2 = c^2 (1 - 2 eta lam_min)^(2t) + d^2 (1 - 2 eta lam_max)^(2t), exactly."""
    eta = fraction / bp.lam_max
    lams, Q = np.linalg.eigh(bp.A.T @ bp.A)
    parts = Q.T @ bp.theta_star
    t = next(
        t
        for t in range(1, 100_000)
        if np.sqrt(np.sum((parts * (1 - 2 * eta * lams) ** t) ** 2)) <= TOL * np.linalg.norm(bp.theta_star)
    )
    assert count_plain(bp.A, bp.y, eta) == t


def test_centring_and_standardising(bp):
    u, z = bp.x - bp.x.mean(), (bp.x - bp.x.mean()) / bp.x.std()
    centred = np.column_stack([u, np.ones_like(u)])
    np.testing.assert_allclose(centred.T @ centred, np.diag([len(u) * bp.x.var(), len(u)]), atol=1e-10)
    low, high = np.linalg.eigvalsh(centred.T @ centred)
    assert high / low == pytest.approx(bp.x.var(), rel=1e-10)  # kappa = s^2, as s > 1
    scaled = np.column_stack([z, np.ones_like(z)])
    np.testing.assert_allclose(scaled.T @ scaled, len(z) * np.eye(2), atol=1e-10)


@pytest.mark.parametrize("seed", range(3))
def test_unscaling_recovers_polyfit_for_any_data(seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(50, 60, 20)
    y = 3 - 0.2 * x + rng.normal(size=20)
    m, s = x.mean(), x.std()
    a_z, b_z = np.linalg.lstsq(np.column_stack([(x - m) / s, np.ones_like(x)]), y, rcond=None)[0]
    np.testing.assert_allclose([a_z / s, b_z - a_z / s * m], np.polyfit(x, y, 1), rtol=1e-9)
    assert b_z == pytest.approx(y.mean(), rel=1e-12)


def test_page_unscaled_line_is_polyfit(bp):
    np.testing.assert_allclose([bp.a, bp.b], np.polyfit(bp.x, bp.y, 1), rtol=1e-10)
    assert bp.b_z == pytest.approx(bp.y.mean(), rel=1e-12)


# Momentum


def test_best_heavy_ball_settings_give_spectral_radius_sqrt_beta(bp):
    def radius(eta, beta):
        return max(
            np.abs(np.linalg.eigvals(np.array([[1 + beta - 2 * eta * lam, -beta], [1, 0]]))).max()
            for lam in (bp.lam_min, bp.lam_max)
        )

    best = radius(bp.eta_momentum, bp.beta)
    assert best == pytest.approx(math.sqrt(bp.beta), rel=1e-6)
    assert best == pytest.approx((math.sqrt(bp.kappa) - 1) / (math.sqrt(bp.kappa) + 1), rel=1e-6)
    for d_eta in (0.97, 1.03):
        for d_beta in (0.97, 1.0, 1.03):
            assert radius(bp.eta_momentum * d_eta, bp.beta * d_beta) > best - 1e-9


def test_closed_form_error_matches_the_run(bp):
    for t, error in enumerate(bp.errors_momentum):
        assert bp.momentum_error(t) == pytest.approx(error, rel=1e-9, abs=1e-14)
    assert bp.predicted_momentum == bp.steps_momentum
    assert max(bp.errors_momentum) > 1  # the rise the page describes


# Stopping rules


def test_stopping_table_against_a_separate_run(bp):
    A, y, target = bp.A, bp.y, bp.theta_star
    theta, g0 = np.zeros(2), np.linalg.norm(2 * A.T @ (-y))
    first = {}
    for t in range(1, 5000):
        old = np.sum((A @ theta - y) ** 2)
        theta = theta - bp.eta_best * 2 * A.T @ (A @ theta - y)
        new = np.sum((A @ theta - y) ** 2)
        for tau in (1e-2, 1e-4, 1e-6, 1e-8):
            if np.linalg.norm(2 * A.T @ (A @ theta - y)) <= tau * g0:
                first.setdefault(("gradient", tau), (t, rel_error(theta, target)))
            if (old - new) / new <= tau:
                first.setdefault(("loss change", tau), (t, rel_error(theta, target)))
    for key, (t, error) in bp.fired.items():
        assert first[key][0] == t and first[key][1] == pytest.approx(error, rel=1e-9)
    # At the best rate the gradient ratio is the error ratio; the loss rule stops early.
    for tau in (1e-2, 1e-4, 1e-6, 1e-8):
        assert bp.fired["gradient", tau][1] == pytest.approx(tau, rel=0.1)
        assert bp.fired["loss change", tau][1] > 10 * tau
    assert bp.fired["loss change", TOL][1] > 1000 * TOL  # "more than a thousand times"


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.9])
def test_gradient_ratio_is_within_kappa_of_the_error_ratio(bp, fraction):
    theta, g0 = np.zeros(2), np.linalg.norm(2 * bp.A.T @ (-bp.y))
    for _ in range(300):
        theta = theta - fraction / bp.lam_max * 2 * bp.A.T @ (bp.A @ theta - bp.y)
        ratio = np.linalg.norm(2 * bp.A.T @ (bp.A @ theta - bp.y)) / g0
        error = rel_error(theta, bp.theta_star)
        assert error / bp.kappa <= ratio * (1 + 1e-9) and ratio <= bp.kappa * error * (1 + 1e-9)


# The exercises


def test_ex1_sample_std_gives_kappa_n_over_n_minus_one(bp):
    n = len(bp.x)
    z = (bp.x - bp.x.mean()) / bp.x.std(ddof=1)
    Z = np.column_stack([z, np.ones_like(z)])
    low, high = np.linalg.eigvalsh(Z.T @ Z)
    assert (low, high) == pytest.approx((n - 1, n), rel=1e-12)
    assert count_plain(Z, bp.y, 1 / (low + high)) == math.ceil(math.log(TOL) / math.log(1 / (2 * n - 1)))


def test_ex2_centred_fit_turned_back_is_polyfit(bp):
    assert bp.a_u == pytest.approx(np.polyfit(bp.x, bp.y, 1)[0], rel=2 * TOL)
    assert bp.b_u - bp.a_u * bp.m == pytest.approx(np.polyfit(bp.x, bp.y, 1)[1], rel=2 * TOL)
    assert bp.b_u == pytest.approx(bp.y.mean(), rel=2 * TOL)  # the centred intercept is the mean of y


def test_ex3_momentum_on_the_centred_fit(bp):
    C = bp.designs["centred x - m"]
    low, high = np.linalg.eigvalsh(C.T @ C)
    r = (math.sqrt(high / low) - 1) / (math.sqrt(high / low) + 1)
    eta = 2 / (math.sqrt(high) + math.sqrt(low)) ** 2
    theta, previous, target = np.zeros(2), np.zeros(2), np.linalg.lstsq(C, bp.y, rcond=None)[0]
    t = 0
    while rel_error(theta, target) > TOL:
        theta, previous = theta - eta * 2 * C.T @ (C @ theta - bp.y) + r * r * (theta - previous), theta
        t += 1
    assert bp.descend(C, eta, beta=r * r)[0] == t < count_plain(C, bp.y, 1 / (low + high))


def test_ex4_gradient_rule_stops_after_one_step_at_half_over_lam_max(bp, values):
    step, error = bp.fired_half["gradient", 1e-2]
    assert step == 1 and error > 0.5
    for tau in (1e-4, 1e-6, 1e-8):
        assert bp.fired_half["gradient", tau][1] > 50 * tau
    # The fixed factor: error ratio over gradient ratio once only the slow part is left.
    lams, Q = np.linalg.eigh(bp.A.T @ bp.A)
    c, d = Q.T @ bp.theta_star
    factor = math.hypot(lams[0] * c, lams[1] * d) / (lams[0] * math.hypot(c, d))
    assert float(values["half_rate_factor"]) == pytest.approx(factor, rel=0.1)
    assert factor < bp.kappa
