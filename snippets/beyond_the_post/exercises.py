"""Worked solutions to the exercises of docs/beyond-the-post.md.

Each section is one solution, in page order. The lines before the first
section repeat the page's data and the functions the solutions call
(descend and stopping_table from full_batch.py), so that this file also
runs on its own.
"""
import math

import numpy as np

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
A = np.column_stack([x, np.ones_like(x)])
lam_min, lam_max = np.linalg.eigvalsh(A.T @ A)


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

    def cost(th):
        return np.sum((A @ th - y) ** 2)

    def grad(th):
        return 2 * A.T @ (A @ th - y)

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
m = x.mean()
C = np.column_stack([x - m, np.ones_like(x)])  # y_hat = a_u (x - m) + b_u
low, high = np.linalg.eigvalsh(C.T @ C)
steps, _ = descend(C, 1 / (low + high))
theta = np.zeros(2)
for _ in range(steps):
    theta = theta - 1 / (low + high) * 2 * C.T @ (C @ theta - y)
a_u, b_u = theta
print(f"{steps} steps: a_u = {a_u:.6f}, b_u = {b_u:.6f}")
print(f"a = a_u = {a_u:.6f}, b = b_u - a_u m = {b_u - a_u * m:.6f}")
print("np.polyfit:", np.polyfit(x, y, 1).round(6))
# --8<-- [end:ex2]

# --8<-- [start:ex3]
C = np.column_stack([x - x.mean(), np.ones_like(x)])
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
