"""The non-convexity claims and the exercises of docs/training-in-pytorch.md.

The two-weight loss against its parabola form, its saddle by finite
differences, the starts and the tied neurons by separate runs, and each
exercise's answer against its formula. (The loop and mini-batch claims are in
test_training_in_pytorch.py.)
"""

import math
from itertools import pairwise

import numpy as np
import pytest
import torch
from page_claims import ROOT, load
from torch.utils.data import DataLoader, TensorDataset

FOLDER = ROOT / "snippets" / "training_in_pytorch"


@pytest.fixture(scope="module")
def tp():
    """The page's code: its module-level names after every block ran."""
    return load(FOLDER, "training_in_pytorch")


# Non-convexity


def test_the_loss_is_the_shifted_parabola_and_the_midpoint_is_above(tp):
    rng = np.random.default_rng(0)
    cost_min = np.sum((tp.w_star * tp.x - tp.y) ** 2)
    for w1, w2 in rng.uniform(-2, 2, (5, 2)):
        assert tp.L(w1, w2) == pytest.approx(tp.S * (w1 * w2 - tp.w_star) ** 2 + cost_min, rel=1e-12)
    ends = (tp.L(tp.p1, tp.p2) + tp.L(-tp.p1, -tp.p2)) / 2
    assert tp.p1 * tp.p2 == pytest.approx(tp.w_star) and tp.L(0, 0) == pytest.approx(np.sum(tp.y**2))
    assert tp.L(0, 0) > 20 * ends


def test_saddle_hessian_by_finite_differences(tp):
    h, L = 1e-4, tp.L
    d11 = (L(h, 0) - 2 * L(0, 0) + L(-h, 0)) / h**2
    d12 = (L(h, h) - L(h, -h) - L(-h, h) + L(-h, -h)) / (4 * h * h)
    assert abs(d11) < 1e-3
    assert d12 == pytest.approx(-2 * tp.S * tp.w_star, rel=1e-6)
    np.testing.assert_allclose(
        np.linalg.eigvalsh(np.array([[d11, d12], [d12, d11]])), [-2 * tp.S * tp.w_star, 2 * tp.S * tp.w_star], rtol=1e-6
    )


def test_starts_zero_and_antidiagonal_stay_at_the_saddle_others_reach_the_valley(tp):
    w1, w2 = 0.5, -0.5
    for _ in range(300):
        r = w1 * w2 * tp.S - np.sum(tp.x * tp.y)
        w1, w2 = w1 - 2 * w2 * r / (4 * tp.S), w2 - 2 * w1 * r / (4 * tp.S)
        assert w1 == -w2  # the line w1 = -w2 is kept exactly
    assert abs(w1) < 1e-12
    assert tp.descend_product(0.0, 0.0) == (0.0, 0.0)
    for name, start in tp.starts.items():
        e1, e2 = tp.descend_product(*start)
        if name.startswith("random") or name.endswith("nudged"):
            assert e1 * e2 == pytest.approx(tp.w_star, rel=1e-9)
    ends = {tp.descend_product(*s) for n, s in tp.starts.items() if n.startswith("random")}
    assert len(ends) == 3 and any(e1 < 0 and e2 < 0 for e1, e2 in ends)


def test_equal_hidden_neurons_get_equal_gradients_and_stay_equal(tp):
    u = torch.full((2,), 0.3, dtype=torch.float64, requires_grad=True)
    v = torch.full((2,), -0.7, dtype=torch.float64, requires_grad=True)
    x, y = torch.from_numpy(tp.x), torch.from_numpy(tp.y)
    for _ in range(200):
        ((x * (u * v).sum() - y) ** 2).sum().backward()
        with torch.no_grad():
            for p in (u, v):
                p -= p.grad / (4 * tp.S)
                p.grad = None
    assert u[0] == u[1] and v[0] == v[1]
    assert float((u * v).sum().detach()) == pytest.approx(tp.w_star, rel=1e-9)


# The exercises


def test_ex1_sum_loss_at_lr_over_b_is_the_mean_path(tp):
    # The same batches as the solution's loader, replayed in NumPy with the sum.
    loader = DataLoader(
        TensorDataset(torch.arange(15)), batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(0)
    )
    w, path = 0.0, []
    for _ in range(3):
        for (batch,) in loader:
            idx = batch.numpy()
            w -= 0.005 / 5 * np.sum(2 * (w * tp.x[idx] - tp.y[idx]) * tp.x[idx])
            path.append(w)
    np.testing.assert_allclose(tp.mean_path, path, rtol=1e-12)
    assert abs(tp.weights("sum", 0.005)[-1] - tp.w_star) > 1  # steps B times too long: far off


def test_ex2_backward_without_zero_grad_accumulates_and_training_swings(tp):
    w = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    x, y = torch.from_numpy(tp.x), torch.from_numpy(tp.y)
    fresh = -2 * float((x * y).sum())
    for k in range(1, 4):
        ((w * x - y) ** 2).sum().backward()
        assert float(w.grad) == pytest.approx(k * fresh, rel=1e-12)
    # Without zero_grad, w_{t+1} = w_t - eta * (sum of all gradients so far).
    eta, w, total, path = 1 / (4 * tp.S), 0.0, 0.0, []
    for _ in range(200):
        total += 2 * tp.S * (w - tp.w_star)
        w -= eta * total
        path.append(w)
    assert max(abs(v - tp.w_star) for v in path[100:]) > 0.3 * tp.w_star  # still swinging


def test_ex3_each_factor_of_a_thousand_adds_the_predicted_steps(tp):
    counts = [tp.steps_to_leave(d) for d in (1e-3, 1e-6, 1e-9, 1e-12)]
    predicted = math.log(1000) / math.log(tp.growth)
    assert all(abs((b - a) - predicted) < 1.5 for a, b in pairwise(counts))


def test_ex4_all_zero_weights_get_zero_gradients_output_zero_does_not(tp):
    x, y = torch.from_numpy(tp.x), torch.from_numpy(tp.y)
    for hidden, moves in (([0.0, 0.0], False), ([0.9, 0.4], True)):
        u = torch.tensor(hidden, dtype=torch.float64, requires_grad=True)
        v = torch.zeros(2, dtype=torch.float64, requires_grad=True)
        ((x * (u * v).sum() - y) ** 2).sum().backward()
        assert not u.grad.any()  # proportional to v = 0
        assert bool(v.grad.all()) == moves  # proportional to u
