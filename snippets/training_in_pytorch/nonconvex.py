"""The post's two-weight loss L(w1, w2) = sum (x w1 w2 - y)^2 is not convex.

A midpoint above its ends, the saddle at the origin, and what that means
for the starting weights. Each section below is one block of
docs/training-in-pytorch.md, in page order; the lines before the first
section repeat what earlier blocks of the page computed, so that this
file also runs on its own.
"""
import numpy as np
import torch
from torch import nn

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

# --8<-- [start:midpoint]
import math

S = np.sum(x * x)
w_star = np.sum(x * y) / S


def L(w1, w2):
    """The post's loss: sum of (x * w1 * w2 - y)^2."""
    return np.sum((x * w1 * w2 - y) ** 2)


p1 = p2 = math.sqrt(w_star)  # p1 * p2 = w*: p is a point of the valley
print(f"L( p) = L( {p1:.4f},  {p2:.4f}) = {L(p1, p2):.4f}")
print(f"L(-p) = L({-p1:.4f}, {-p2:.4f}) = {L(-p1, -p2):.4f}")
print(f"L( 0) = L( 0, 0) = {L(0, 0):.4f}, at the midpoint of the two")
# --8<-- [end:midpoint]

# --8<-- [start:saddle]
def L_torch(w):
    return ((X.ravel() * w[0] * w[1] - Y.ravel()) ** 2).sum()


origin = torch.zeros(2, dtype=torch.float64)
H = torch.autograd.functional.hessian(L_torch, origin)
eigenvalues, eigenvectors = torch.linalg.eigh(H)
eigenvectors = eigenvectors * eigenvectors[0].sign()  # first entry > 0
print("Hessian at the origin:", H.round(decimals=4).tolist())
print("eigenvalues:", eigenvalues.round(decimals=4).tolist())
print(f"2 S w* = {2 * S * w_star:.4f}")
print("directions times sqrt(2):",
      (eigenvectors.T * math.sqrt(2)).round(decimals=4).tolist())
# --8<-- [end:saddle]

# --8<-- [start:starts]
def descend_product(w1, w2, eta=1 / (4 * S), steps=300):
    """Plain gradient descent on L from (w1, w2)."""
    for _ in range(steps):
        residual = w1 * w2 * S - np.sum(x * y)  # dL/dw1 = 2 w2 residual
        w1, w2 = w1 - eta * 2 * w2 * residual, w2 - eta * 2 * w1 * residual
    return w1, w2


starts = {"zero": (0.0, 0.0), "w1 = -w2": (0.5, -0.5),
          "w1 = -w2, nudged": (0.5, -0.5 + 1e-3)}
for seed in range(3):
    starts[f"random, seed {seed}"] = tuple(
        (torch.rand(2, generator=torch.Generator().manual_seed(seed))
         * 2 - 1).tolist())
print("start             from               to                  L")
for name, (w1, w2) in starts.items():
    e1, e2 = descend_product(w1, w2)
    print(f"{name:16}  ({w1:+.3f}, {w2:+.3f})  ({e1:+.3f}, {e2:+.3f})"
          f"  {L(e1, e2):8.4f}")
# --8<-- [end:starts]

# --8<-- [start:symmetric]
def two_hidden(init):
    """x -> two hidden neurons (no activation) -> y_hat, trained by SGD."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(1, 2, bias=False, dtype=torch.float64),
                        nn.Linear(2, 1, bias=False, dtype=torch.float64))
    if init == "equal":
        for layer in net:
            nn.init.constant_(layer.weight, 0.5)
    optimizer = torch.optim.SGD(net.parameters(), lr=1 / (4 * S))
    for _ in range(300):
        optimizer.zero_grad()
        ((net(X) - Y) ** 2).sum().backward()
        optimizer.step()
    return net[0].weight.ravel().tolist(), net[1].weight.ravel().tolist()


for init in ("equal", "random"):
    u, v = two_hidden(init)
    print(f"{init:6}: hidden {u[0]:+.4f} {u[1]:+.4f},"
          f" output {v[0]:+.4f} {v[1]:+.4f},"
          f" slope {u[0] * v[0] + u[1] * v[1]:.4f}")
# --8<-- [end:symmetric]
