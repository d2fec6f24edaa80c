"""Worked solutions to the exercises of docs/training-in-pytorch.md.

Each section is one solution, in page order. The lines before the first
section repeat the page's data, so that this file also runs on its own.
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
dataset = TensorDataset(X, Y)
S = np.sum(x * x)
w_star = np.sum(x * y) / S


# --8<-- [start:ex1]
def weights(reduction, lr, batch_size=5, epochs=3):
    """w after every update of mini-batch SGD from w = 0, seed 0."""
    model = nn.Linear(1, 1, bias=False, dtype=torch.float64)
    nn.init.zeros_(model.weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(0))
    loss_fn = nn.MSELoss(reduction=reduction)
    path = []
    for _ in range(epochs):
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
# --8<-- [end:ex1]

# --8<-- [start:ex2]
model = nn.Linear(1, 1, bias=False, dtype=torch.float64)
nn.init.zeros_(model.weight)
for step in range(3):  # backward() three times, never zero_grad()
    ((model(X) - Y) ** 2).sum().backward()
    print(f"after backward {step + 1}: grad {model.weight.grad.item():.4f}")

for forget in (False, True):
    model = nn.Linear(1, 1, bias=False, dtype=torch.float64)
    nn.init.zeros_(model.weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=1 / (4 * S))
    path = []
    for _ in range(10):
        if not forget:
            optimizer.zero_grad()
        ((model(X) - Y) ** 2).sum().backward()
        optimizer.step()
        path.append(f"{model.weight.item():.3f}")
    print("without zero_grad:" if forget else "with zero_grad:   ",
          " ".join(path))
print(f"w* = {w_star:.3f}")
# --8<-- [end:ex2]

# --8<-- [start:ex3]
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
# --8<-- [end:ex3]

# --8<-- [start:ex4]
def zero_start(name, layers):
    """The two-neuron net of the page, trained with `layers` set to zero."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(1, 2, bias=False, dtype=torch.float64),
                        nn.Linear(2, 1, bias=False, dtype=torch.float64))
    for layer in layers:
        nn.init.zeros_(net[layer].weight)
    optimizer = torch.optim.SGD(net.parameters(), lr=1 / (4 * S))
    for _ in range(300):
        optimizer.zero_grad()
        ((net(X) - Y) ** 2).sum().backward()
        optimizer.step()
    u, v = net[0].weight.ravel().tolist(), net[1].weight.ravel().tolist()
    print(f"{name:11}: hidden {u[0]:+.4f} {u[1]:+.4f},"
          f" output {v[0]:+.4f} {v[1]:+.4f},"
          f" slope {u[0] * v[0] + u[1] * v[1]:.4f}")


zero_start("all zero", [0, 1])
zero_start("output zero", [1])  # the hidden layer keeps its random start
# --8<-- [end:ex4]
