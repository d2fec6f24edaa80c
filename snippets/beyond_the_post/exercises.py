"""Worked solutions to the exercises of docs/beyond-the-post.md.

Each section is one solution, in page order. The lines before the first
section repeat the page's data and the functions the solutions call
(descend and stopping_table from full_batch.py), so that this file also
runs on its own.
"""
import math

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

x_train = np.array([[4.7], [2.4], [7.5], [7.1], [4.3], [7.816],
                    [8.9], [5.2], [8.59], [2.1], [8],
                    [10], [4.5], [6], [4]],
                   dtype=np.float32)
y_train = np.array([[2.6], [1.6], [3.09], [2.4], [2.4], [3.357],
                    [2.6], [1.96], [3.53], [1.76], [3.2],
                    [3.5], [1.6], [2.5], [2.2]],
                   dtype=np.float32)
x = x_train.ravel().astype(np.float64)
y = y_train.ravel().astype(np.float64)
X = torch.from_numpy(x).reshape(-1, 1)
Y = torch.from_numpy(y).reshape(-1, 1)
A = np.column_stack([x, np.ones_like(x)])
lam_min, lam_max = np.linalg.eigvalsh(A.T @ A)
dataset = TensorDataset(X, Y)


def descend(A, eta, beta=0.0, tol=1e-6, max_steps=100_000):
    """Gradient descent on J = |A theta - y|^2 from theta = 0, with
    momentum beta (0 for none). Returns the number of steps until
    |theta - theta*| <= tol * |theta*|, and the relative errors."""
    target = np.linalg.lstsq(A, y, rcond=None)[0]
    theta = previous = np.zeros(A.shape[1])
    errors = [1.0]  # theta = 0, so the error is |theta*| at the start
    for t in range(1, max_steps + 1):
        gradient = 2 * A.T @ (A @ theta - y)
        theta, previous = (theta - eta * gradient
                           + beta * (theta - previous)), theta
        errors.append(np.linalg.norm(theta - target)
                      / np.linalg.norm(target))
        if errors[-1] <= tol:
            return t, errors
    return None, errors


def stopping_table(A, eta, thresholds=(1e-2, 1e-4, 1e-6, 1e-8)):
    """Steps and true relative error at which each stopping rule fires."""
    target = np.linalg.lstsq(A, y, rcond=None)[0]
    cost = lambda th: np.sum((A @ th - y) ** 2)  # noqa: E731
    grad = lambda th: 2 * A.T @ (A @ th - y)  # noqa: E731
    theta = np.zeros(A.shape[1])
    g0 = np.linalg.norm(grad(theta))
    fired = {}  # (rule, threshold) -> (step, true relative error)
    for t in range(1, 20_000):
        old = cost(theta)
        theta = theta - eta * grad(theta)
        rules = {"gradient": np.linalg.norm(grad(theta)) / g0,
                 "loss change": (old - cost(theta)) / cost(theta)}
        error = np.linalg.norm(theta - target) / np.linalg.norm(target)
        for rule, size in rules.items():
            for tau in thresholds:
                if size <= tau and (rule, tau) not in fired:
                    fired[rule, tau] = (t, error)
    print("           gradient rule     loss-change rule")
    print("threshold  steps  true error  steps  true error")
    for tau in thresholds:
        (tg, eg), (tl, el) = fired["gradient", tau], fired["loss change", tau]
        print(f"{tau:9.0e}  {tg:5}  {eg:10.1e}  {tl:5}  {el:10.1e}")
    return fired


# --8<-- [start:ex1]
s1 = x.std(ddof=1)  # divides by N - 1
Z1 = np.column_stack([(x - x.mean()) / s1, np.ones_like(x)])
low, high = np.linalg.eigvalsh(Z1.T @ Z1)
factor = (high - low) / (high + low)
print(f"eigenvalues {low:.4f} and {high:.4f}, kappa = {high / low:.4f}")
print(f"factor per step {factor:.4f} = 1/{1 / factor:.4f}")
print("predicted steps:", math.ceil(math.log(1e-6) / math.log(factor)))
print("counted steps:  ", descend(Z1, 1 / (low + high))[0])
# --8<-- [end:ex1]

# --8<-- [start:ex2]
def weights(reduction, lr, batch_size=5, epochs=3):
    """w after every update of mini-batch SGD from w = 0, seed 0."""
    model = nn.Linear(1, 1, bias=False, dtype=torch.float64)
    nn.init.zeros_(model.weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    loss_fn = nn.MSELoss(reduction=reduction)
    path = []
    for epoch in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
            path.append(model.weight.item())
    return np.array(path)


mean_path = weights("mean", lr=0.005)
print(f"mean, lr = 0.005:  w after 3 epochs {mean_path[-1]:+.6f}")
for lr in (0.005, 0.005 / 5):
    path = weights("sum", lr)
    same = np.abs(path - mean_path).max() < 1e-12
    print(f"sum,  lr = {lr:.3f}:  w after 3 epochs {path[-1]:+.6f},"
          f" same path: {same}")
# --8<-- [end:ex2]

# --8<-- [start:ex3]
u = x - x.mean()
C = np.column_stack([u, np.ones_like(u)])
low, high = np.linalg.eigvalsh(C.T @ C)
root_kappa = math.sqrt(high / low)
r = (root_kappa - 1) / (root_kappa + 1)
eta = 2 / (math.sqrt(high) + math.sqrt(low)) ** 2
print(f"kappa = {high / low:.4f}, eta = {eta:.5f}, beta = {r * r:.4f}")
print("steps, momentum:", descend(C, eta, beta=r * r)[0])
print("steps, plain:   ", descend(C, 1 / (low + high))[0])
# --8<-- [end:ex3]

# --8<-- [start:ex4]
fired_half = stopping_table(A, 1 / (2 * lam_max))
# --8<-- [end:ex4]

# --8<-- [start:ex5]
S = np.sum(x * x)
w_star = np.sum(x * y) / S
eta = 1 / (4 * S)
L_saddle, L_valley = np.sum(y**2), np.sum((w_star * x - y) ** 2)


def steps_to_leave(nudge):
    """Steps from (0.5, -0.5 + nudge) until L is below halfway."""
    w1, w2 = 0.5, -0.5 + nudge
    for t in range(1, 10_000):
        residual = w1 * w2 * S - np.sum(x * y)
        w1, w2 = w1 - eta * 2 * w2 * residual, w2 - eta * 2 * w1 * residual
        if np.sum((x * w1 * w2 - y) ** 2) < (L_saddle + L_valley) / 2:
            return t


growth = 1 + 2 * eta * S * w_star  # per step, along w1 = w2, near 0
print(f"growth per step {growth:.4f}: a factor 1000 costs"
      f" {math.log(1000) / math.log(growth):.1f} steps")
for nudge in (1e-3, 1e-6, 1e-9, 1e-12):
    print(f"nudge {nudge:.0e}: {steps_to_leave(nudge)} steps")
# --8<-- [end:ex5]
