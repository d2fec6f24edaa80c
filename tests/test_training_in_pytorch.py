"""The claims of docs/training-in-pytorch.md, checked independently of the page's code.

What the page says about PyTorch's training loop, checked by running it;
torch's momentum against a NumPy heavy-ball run; the mini-batch numbers
against a re-run and the noise formula against independent batches; the
non-convexity claims and the exercises are checked in
test_training_in_pytorch_nonconvex.py, the page's files, numbers, exercises
and figures in test_beyond_pages.py.
"""

import inspect
import math
from itertools import combinations

import numpy as np
import pytest
import torch
from page_claims import ROOT, load
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

FOLDER = ROOT / "snippets" / "training_in_pytorch"
TOL = 1e-6


@pytest.fixture(scope="module")
def tp():
    """The page's code: its module-level names after every block ran."""
    return load(FOLDER, "training_in_pytorch")


@pytest.fixture(scope="module")
def vm():
    return load(FOLDER, "values")


# The recap


def test_recap_is_the_previous_pages_numbers(tp):
    previous = load(ROOT / "snippets" / "beyond_the_post", "beyond_the_post")
    np.testing.assert_array_equal(tp.theta_star, previous.theta_star)
    assert (tp.eta_best, tp.eta_momentum, tp.beta) == (previous.eta_best, previous.eta_momentum, previous.beta)
    assert (tp.steps_plain, tp.steps_momentum) == (previous.steps_raw, previous.steps_momentum)


# The PyTorch training loop


def test_zero_grad_sets_grad_to_none_by_default():
    model = nn.Linear(1, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    assert inspect.signature(optimizer.zero_grad).parameters["set_to_none"].default is True
    assert model.weight.grad is None
    model(torch.ones(3, 1)).sum().backward()
    assert model.weight.grad is not None
    optimizer.zero_grad()
    assert model.weight.grad is None and model.bias.grad is None
    with pytest.raises(AttributeError):
        model.weight.grad.norm()  # what the page says reading .grad now does
    model(torch.ones(3, 1)).sum().backward()
    optimizer.zero_grad(set_to_none=False)
    assert torch.equal(model.weight.grad, torch.zeros(1, 1))


def test_linear_module_forward_parameters_and_sgd_step():
    torch.manual_seed(3)
    model = nn.Linear(1, 1, dtype=torch.float64)
    X = torch.linspace(-1, 1, 7, dtype=torch.float64).reshape(-1, 1)
    assert torch.equal(model(X), X @ model.weight.T + model.bias)
    assert [name for name, _ in model.named_parameters()] == ["weight", "bias"]
    assert all(p.requires_grad for p in model.parameters())
    before = [p.detach().clone() for p in model.parameters()]
    optimizer = torch.optim.SGD(model.parameters(), lr=0.25)
    (model(X) ** 2).sum().backward()
    optimizer.step()
    for p, old in zip(model.parameters(), before, strict=True):
        assert torch.allclose(p.detach(), old - 0.25 * p.grad, rtol=0, atol=1e-15)


def test_mse_sum_is_the_posts_cost_and_the_mean_divides_by_n(tp):
    A, y = torch.from_numpy(tp.A), torch.from_numpy(tp.y)
    theta = torch.tensor([0.2, 1.0], dtype=torch.float64)
    J = float(((A @ theta - y) ** 2).sum())
    assert float(nn.MSELoss(reduction="sum")(A @ theta, y)) == pytest.approx(J, rel=1e-14)
    assert float(nn.MSELoss()(A @ theta, y)) == pytest.approx(J / len(tp.x), rel=1e-14)


def test_autograd_loop_without_an_optimiser_counts_the_same_steps(tp):
    A, y = torch.from_numpy(tp.A), torch.from_numpy(tp.y)
    target = torch.from_numpy(tp.theta_star)
    theta = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    steps = 0
    while (theta - target).norm() > TOL * target.norm():
        ((A @ theta - y) ** 2).sum().backward()
        with torch.no_grad():
            theta -= tp.eta_best * theta.grad
        theta.grad = None
        steps += 1
    assert steps == tp.steps_plain


def test_torch_sgd_momentum_is_the_heavy_ball_path(tp):
    A, y = torch.from_numpy(tp.A), torch.from_numpy(tp.y)
    theta = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([theta], lr=tp.eta_momentum, momentum=tp.beta)
    ours, previous = np.zeros(2), np.zeros(2)
    for _ in range(200):
        optimizer.zero_grad()
        ((A @ theta - y) ** 2).sum().backward()
        optimizer.step()
        ours, previous = ours - tp.eta_momentum * 2 * tp.A.T @ (tp.A @ ours - tp.y) + tp.beta * (ours - previous), ours
        np.testing.assert_allclose(theta.detach().numpy(), ours, rtol=1e-10, atol=1e-13)


# Mini-batches


@pytest.mark.parametrize("size", [1, 2, 3, 7, 14])
def test_batch_gradient_is_unbiased_with_the_sampling_variance(tp, size):
    w = 0.37
    g = 2 * (w * tp.x - tp.y) * tp.x
    means = np.array([g[list(c)].mean() for c in combinations(range(len(g)), size)])
    assert means.mean() == pytest.approx(g.mean(), rel=1e-12)
    assert means.var() == pytest.approx(g.var() / size * (len(g) - size) / (len(g) - 1), rel=1e-10)


def test_loader_uses_every_point_once_per_epoch_in_a_reproducible_order(tp):
    def epochs(seed):
        loader = DataLoader(
            TensorDataset(torch.arange(15)), batch_size=5, shuffle=True, generator=torch.Generator().manual_seed(seed)
        )
        return [[b[0].tolist() for b in loader] for _ in range(4)]

    runs = epochs(0)
    for batches in runs:
        assert [len(b) for b in batches] == [5, 5, 5]
        assert sorted(i for batch in batches for i in batch) == list(range(15))
    assert epochs(0) == runs and epochs(1) != runs
    assert runs[0] != runs[1]  # a new order each epoch


def test_learning_rate_bounds(tp):
    assert np.all(np.abs(1 - 2 * tp.lr * tp.x**2) < 1)  # every single sample is stable
    assert tp.lr == 0.5 / np.max(tp.x**2)
    eta = 1.01 / np.max(tp.x**2)
    assert np.max(np.abs(1 - 2 * eta * tp.x**2)) > 1  # the largest x is not, just above the bound
    assert np.abs(1 - 2 * 0.99 / np.mean(tp.x**2) * np.mean(tp.x**2)) < 1


def test_rerun_gives_the_same_errors_and_the_quoted_numbers(tp, vm):
    for size in (15, 5, 1):
        assert np.array_equal(tp.sgd(size, tp.lr), tp.runs[size])
    assert len(tp.runs[5]) == 3 * tp.EPOCHS and len(tp.runs[1]) == 15 * tp.EPOCHS
    rerun = tp.sgd(1, tp.lr, decay=lambda epoch: 1 / (1 + epoch / 5))
    assert np.array_equal(rerun, tp.shrinking)
    values = vm.values()
    for size, key in ((1, "jitter_single"), (5, "jitter_mini")):
        jitter = np.sqrt(np.mean(tp.sgd(size, tp.lr)[-tp.LAST * 15 // size :] ** 2))
        assert values[key] == vm.sci(jitter)
    assert values["full_after"] == vm.sci(tp.sgd(15, tp.lr)[-1])


def test_full_batch_error_shrinks_by_the_predicted_factor_per_epoch(tp):
    errors = tp.runs[15][:20]
    factor = 1 - 2 * tp.lr * np.mean(tp.x**2)
    np.testing.assert_allclose(errors[1:] / errors[:-1], factor, rtol=1e-8)


@pytest.mark.parametrize("size", [1, 5])
def test_jitter_formula_holds_for_independent_batches(tp, size):
    rng = np.random.default_rng(size)
    w, squares = tp.w_star, []
    for _ in range(60_000):
        batch = rng.choice(15, size, replace=False)
        w -= tp.lr * np.mean(2 * (w * tp.x[batch] - tp.y[batch]) * tp.x[batch])
        squares.append((w - tp.w_star) ** 2)
    measured = math.sqrt(np.mean(squares)) / tp.w_star
    assert measured == pytest.approx(tp.independent_jitter(size, tp.lr), rel=0.1)


def test_reshuffled_batches_jitter_less_and_a_shrinking_rate_less_still(tp):
    assert tp.jitter(tp.runs[5]) < 0.8 * tp.independent_jitter(5, tp.lr)
    assert tp.jitter(tp.runs[5]) < tp.jitter(tp.runs[1])
    assert tp.jitter(tp.shrinking) < tp.jitter(tp.runs[1]) / 3
    # "and it goes on falling": the RMS over each block of 10 epochs falls.
    blocks = np.sqrt(np.mean(tp.shrinking.reshape(4, -1) ** 2, axis=1))
    assert np.all(np.diff(blocks) < 0)


def test_lambda_lr_multiplies_the_starting_rate_each_epoch():
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.005)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: 1 / (1 + epoch / 5))
    for epoch in range(12):
        assert optimizer.param_groups[0]["lr"] == pytest.approx(0.005 / (1 + epoch / 5), rel=1e-12)
        optimizer.step()
        schedule.step()
