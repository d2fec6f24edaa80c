"""The claims of docs/beyond-the-post.md, checked independently of the page's code.

The page's blocks and their printed outputs are run by test_codeblocks.py.
Here each claim of the prose is recomputed another way: eigenvalues and
Hessians with numpy and autograd, step counts against their formulas, the
un-scaled line against np.polyfit, torch's momentum against a NumPy
heavy-ball run. The files that repeat earlier blocks in a preamble must
print, standalone, what the page shows for their blocks. The second half of
the page (PyTorch, mini-batches, non-convexity, exercises) is checked in
test_beyond_the_post_training.py.
"""

import contextlib
import importlib.util
import io
import json
import math
import re
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest
import torch

sys.path.insert(0, str(Path(__file__).parent))
from codeblocks import Site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "snippets" / "beyond_the_post"
PAGE = ROOT / "docs" / "beyond-the-post.md"
TOL = 1e-6
SECTION = re.compile(r"# --8<-- \[start:(\w+)\]\n(.*?)# --8<-- \[end:\1\]", re.S)


def load(name):
    """A module of the page's folder, its printing swallowed, its siblings importable."""
    sys.path.insert(0, str(FOLDER))
    try:
        spec = importlib.util.spec_from_file_location(f"_beyond_test_{name}", FOLDER / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        with contextlib.redirect_stdout(io.StringIO()):
            spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(FOLDER))


@pytest.fixture(scope="module")
def fb():
    return load("full_batch")


@pytest.fixture(scope="module")
def mb():
    return load("minibatch")


@pytest.fixture(scope="module")
def nc():
    return load("nonconvex")


@pytest.fixture(scope="module")
def ex():
    return load("exercises")


@pytest.fixture(scope="module")
def values():
    return load("values").values()


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


# The page and its files


def test_data_block_is_the_gradient_descent_pages(fb):
    ours = dict(SECTION.findall((FOLDER / "full_batch.py").read_text()))["data"]
    theirs = dict(SECTION.findall((ROOT / "snippets/gradient_descent/gradient_descent.py").read_text()))["data"]
    assert ours == theirs


@pytest.mark.parametrize("name", ["full_batch", "pytorch_loop", "minibatch", "nonconvex", "exercises"])
def test_each_file_alone_prints_what_the_page_shows_for_its_blocks(name):
    """The preambles repeat the page's earlier blocks faithfully: same names, same values."""
    blocks = Site().blocks(PAGE)
    sections = dict(SECTION.findall((FOLDER / f"{name}.py").read_text()))
    shown = [b.expected or "" for b in blocks if b.code in sections.values()]
    assert len(shown) == len(sections)
    proc = subprocess.run([sys.executable, str(FOLDER / f"{name}.py")], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=True)
    assert proc.stdout == "".join(shown)


def test_exercises_have_worked_solutions_and_one_asks_for_a_prediction():
    text = PAGE.read_text(encoding="utf-8").split("## Exercises", 1)[1]
    exercises = re.findall(r"^\*\*Exercise (\d):", text, re.M)
    assert 4 <= len(exercises) <= 6 and exercises == [str(i + 1) for i in range(len(exercises))]
    assert text.count('??? note "Solution"') == len(exercises)
    assert text.count('--8<-- "snippets/beyond_the_post/exercises.py:ex') == len(exercises)
    assert text.count("<!--pytest-codeblocks:expected-output-->") == len(exercises)
    assert "Predict, then run" in text


def test_every_number_in_the_prose_comes_from_values(values):
    text = PAGE.read_text(encoding="utf-8")
    used = set(re.findall(r"\{\{\s*beyond_the_post\.(\w+)\s*\}\}", text))
    assert used == set(values), f"unknown keys {used - set(values)}, unused keys {set(values) - used}"
    prose = text.split("---", 2)[2]
    # Fences may be indented (inside the solution blocks); then comments, macros, code, link targets.
    for pattern in (r"^[ \t]*(`{3,}).*?^[ \t]*\1[ \t]*$", r"<!--.*?-->", r"\{\{.*?\}\}", r"`[^`\n]+`", r"\]\([^)]*\)"):
        prose = re.sub(pattern, " ", prose, flags=re.S | re.M)
    typed = re.findall(r"\d+\.\d+|\d{2,}", prose)
    assert not typed, f"numbers typed by hand in {PAGE.name}: {typed}"


def test_values_file_is_up_to_date(values):
    committed = json.loads((ROOT / "docs/values/beyond_the_post.json").read_text(encoding="utf-8"))
    assert committed == values


# Conditioning and feature scaling


def test_hessian_is_twice_a_transpose_a_and_kappa_from_its_eigenvalues(fb):
    theta = torch.tensor([0.3, -0.7], dtype=torch.float64)
    A, y = torch.from_numpy(fb.A), torch.from_numpy(fb.y)
    hessian = torch.autograd.functional.hessian(lambda t: ((A @ t - y) ** 2).sum(), theta).numpy()
    np.testing.assert_allclose(hessian, 2 * fb.A.T @ fb.A, rtol=1e-12)
    eigenvalues = np.sort(np.linalg.eigvals(hessian).real) / 2  # a general solver, not eigvalsh
    assert eigenvalues == pytest.approx([fb.lam_min, fb.lam_max], rel=1e-10)
    assert fb.kappa == pytest.approx(eigenvalues[1] / eigenvalues[0], rel=1e-10)
    np.testing.assert_allclose(fb.theta_star, np.polyfit(fb.x, fb.y, 1), rtol=1e-10)


def test_cosine_of_the_columns(fb):
    ones = np.ones_like(fb.x)
    assert fb.cosine == pytest.approx(fb.x @ ones / np.linalg.norm(fb.x) / np.linalg.norm(ones), rel=1e-12)


def test_best_fixed_rate_minimises_the_slowest_factor(fb):
    etas = np.linspace(0.01, 0.999, 2000) / fb.lam_max
    slowest = np.maximum(abs(1 - 2 * etas * fb.lam_min), abs(1 - 2 * etas * fb.lam_max))
    assert slowest.min() >= fb.rho - 1e-12
    assert fb.eta_best == pytest.approx(etas[slowest.argmin()], rel=1e-3)
    assert fb.rho == pytest.approx((fb.kappa - 1) / (fb.kappa + 1), rel=1e-12)


@pytest.mark.parametrize("name", ["raw x", "centred x - m", "standardised (x - m)/s"])
def test_counted_steps_equal_the_formula_for_each_input(fb, name):
    design = fb.designs[name]
    low, high = np.linalg.eigvalsh(design.T @ design)
    rho = (high - low) / (high + low)
    predicted = 1 if rho <= TOL else math.ceil(math.log(TOL) / math.log(rho))
    assert count_plain(design, fb.y, 1 / (low + high)) == predicted == fb.descend(design, 1 / (low + high))[0]


@pytest.mark.parametrize("fraction", [0.2, 0.5, 0.8, 0.95])
def test_counts_at_other_rates_follow_the_eigenvector_parts(fb, fraction):
    """|e_t|^2 = c^2 (1 - 2 eta lam_min)^(2t) + d^2 (1 - 2 eta lam_max)^(2t), exactly."""
    eta = fraction / fb.lam_max
    lams, Q = np.linalg.eigh(fb.A.T @ fb.A)
    parts = Q.T @ fb.theta_star
    t = next(t for t in range(1, 100_000)
             if np.sqrt(np.sum((parts * (1 - 2 * eta * lams) ** t) ** 2)) <= TOL * np.linalg.norm(fb.theta_star))
    assert count_plain(fb.A, fb.y, eta) == t


def test_centring_and_standardising(fb):
    u, z = fb.x - fb.x.mean(), (fb.x - fb.x.mean()) / fb.x.std()
    centred = np.column_stack([u, np.ones_like(u)])
    np.testing.assert_allclose(centred.T @ centred, np.diag([len(u) * fb.x.var(), len(u)]), atol=1e-10)
    low, high = np.linalg.eigvalsh(centred.T @ centred)
    assert high / low == pytest.approx(fb.x.var(), rel=1e-10)  # kappa = s^2, as s > 1
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


def test_page_unscaled_line_is_polyfit(fb):
    np.testing.assert_allclose([fb.a, fb.b], np.polyfit(fb.x, fb.y, 1), rtol=1e-10)
    assert fb.b_z == pytest.approx(fb.y.mean(), rel=1e-12)


# Momentum


def test_best_heavy_ball_settings_give_spectral_radius_sqrt_beta(fb):
    def radius(eta, beta):
        return max(np.abs(np.linalg.eigvals(np.array([[1 + beta - 2 * eta * lam, -beta], [1, 0]]))).max()
                   for lam in (fb.lam_min, fb.lam_max))

    best = radius(fb.eta_momentum, fb.beta)
    assert best == pytest.approx(math.sqrt(fb.beta), rel=1e-6)
    assert best == pytest.approx((math.sqrt(fb.kappa) - 1) / (math.sqrt(fb.kappa) + 1), rel=1e-6)
    for d_eta in (0.97, 1.03):
        for d_beta in (0.97, 1.0, 1.03):
            assert radius(fb.eta_momentum * d_eta, fb.beta * d_beta) > best - 1e-9


def test_closed_form_error_matches_the_run(fb):
    for t, error in enumerate(fb.errors_momentum):
        assert fb.momentum_error(t) == pytest.approx(error, rel=1e-9, abs=1e-14)
    assert fb.predicted_momentum == fb.steps_momentum
    assert max(fb.errors_momentum) > 1  # the rise the page describes


def test_torch_sgd_momentum_is_the_heavy_ball_path(fb):
    A, y = torch.from_numpy(fb.A), torch.from_numpy(fb.y)
    theta = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=fb.eta_momentum, momentum=fb.beta)
    ours, previous = np.zeros(2), np.zeros(2)
    for _ in range(200):
        optimizer.zero_grad()
        ((A @ theta - y) ** 2).sum().backward()
        optimizer.step()
        ours, previous = ours - fb.eta_momentum * 2 * fb.A.T @ (fb.A @ ours - fb.y) + fb.beta * (ours - previous), ours
        np.testing.assert_allclose(theta.detach().numpy(), ours, rtol=1e-10, atol=1e-13)


# Stopping rules


def test_stopping_table_against_a_separate_run(fb):
    A, y, target = fb.A, fb.y, fb.theta_star
    theta, g0 = np.zeros(2), np.linalg.norm(2 * A.T @ (-y))
    first = {}
    for t in range(1, 5000):
        old = np.sum((A @ theta - y) ** 2)
        theta = theta - fb.eta_best * 2 * A.T @ (A @ theta - y)
        new = np.sum((A @ theta - y) ** 2)
        for tau in (1e-2, 1e-4, 1e-6, 1e-8):
            if np.linalg.norm(2 * A.T @ (A @ theta - y)) <= tau * g0:
                first.setdefault(("gradient", tau), (t, rel_error(theta, target)))
            if (old - new) / new <= tau:
                first.setdefault(("loss change", tau), (t, rel_error(theta, target)))
    for key, (t, error) in fb.fired.items():
        assert first[key][0] == t and first[key][1] == pytest.approx(error, rel=1e-9)
    # At the best rate the gradient ratio is the error ratio; the loss rule stops early.
    for tau in (1e-2, 1e-4, 1e-6, 1e-8):
        assert fb.fired["gradient", tau][1] == pytest.approx(tau, rel=0.1)
        assert fb.fired["loss change", tau][1] > 10 * tau
    assert fb.fired["loss change", TOL][1] > 1000 * TOL  # "more than a thousand times"


@pytest.mark.parametrize("fraction", [0.3, 0.5, 0.9])
def test_gradient_ratio_is_within_kappa_of_the_error_ratio(fb, fraction):
    theta, g0 = np.zeros(2), np.linalg.norm(2 * fb.A.T @ (-fb.y))
    for _ in range(300):
        theta = theta - fraction / fb.lam_max * 2 * fb.A.T @ (fb.A @ theta - fb.y)
        ratio = np.linalg.norm(2 * fb.A.T @ (fb.A @ theta - fb.y)) / g0
        error = rel_error(theta, fb.theta_star)
        assert error / fb.kappa <= ratio * (1 + 1e-9) and ratio <= fb.kappa * error * (1 + 1e-9)
