"""The standard PyTorch training loop, line by line, on y = a*x + b.

The loop reproduces the step counts of full_batch.py: plain gradient
descent at the best fixed rate, then heavy-ball momentum with
torch.optim.SGD(momentum=...). Each section below is one block of
docs/beyond-the-post.md, in page order; the lines before the first section
repeat what earlier blocks of the page computed, so that this file also
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
theta_star = np.linalg.lstsq(A, y, rcond=None)[0]
lam_min, lam_max = np.linalg.eigvalsh(A.T @ A)
eta_best = 1 / (lam_min + lam_max)
sqrt_kappa = math.sqrt(lam_max / lam_min)
eta_momentum = 2 / (math.sqrt(lam_max) + math.sqrt(lam_min)) ** 2
beta = ((sqrt_kappa - 1) / (sqrt_kappa + 1)) ** 2

# --8<-- [start:model]
import torch
from torch import nn

X = torch.from_numpy(x).reshape(-1, 1)  # a column of 15 inputs, float64
Y = torch.from_numpy(y).reshape(-1, 1)


def zero_line():
    """y_hat = weight * x + bias, both parameters starting at 0."""
    model = nn.Linear(1, 1, dtype=torch.float64)
    nn.init.zeros_(model.weight)  # the NumPy runs started at theta = 0
    nn.init.zeros_(model.bias)
    return model


model = zero_line()
for name, parameter in model.named_parameters():
    print(name, tuple(parameter.shape), parameter.requires_grad)
print(model(X).shape)  # calling the module runs forward(): one row per x
# --8<-- [end:model]

# --8<-- [start:zero_grad]
loss_fn = nn.MSELoss(reduction="sum")  # J: the sum of squares, not the mean
optimizer = torch.optim.SGD(model.parameters(), lr=eta_best)

print("before backward:", model.weight.grad)
loss_fn(model(X), Y).backward()
print("after backward: ", model.weight.grad)
optimizer.zero_grad()
print("after zero_grad:", model.weight.grad)
# --8<-- [end:zero_grad]

# --8<-- [start:set_to_none]
loss_fn(model(X), Y).backward()
optimizer.zero_grad(set_to_none=False)  # the behaviour before PyTorch 2.0
print("set_to_none=False:", model.weight.grad)
# --8<-- [end:set_to_none]

# --8<-- [start:loop]
def train(model, optimizer, max_steps=100_000, tol=1e-6):
    """The standard loop on all 15 points; the number of steps until
    the parameters are within tol of (a*, b*), relative."""
    target = torch.from_numpy(theta_star)
    for step in range(1, max_steps + 1):
        optimizer.zero_grad()          # 1. forget the last gradient
        prediction = model(X)          # 2. forward: y_hat for every x
        loss = loss_fn(prediction, Y)  # 3. the loss, one number
        loss.backward()                # 4. d loss / d each parameter
        optimizer.step()               # 5. move the parameters
        with torch.no_grad():
            theta = torch.cat([model.weight.ravel(), model.bias])
            if (theta - target).norm() <= tol * target.norm():
                return step
    return None


model = zero_line()
optimizer = torch.optim.SGD(model.parameters(), lr=eta_best)
print("steps, plain SGD:", train(model, optimizer))
print(f"a = {model.weight.item():.6f}, b = {model.bias.item():.6f}")
# --8<-- [end:loop]

# --8<-- [start:momentum]
model = zero_line()
optimizer = torch.optim.SGD(model.parameters(), lr=eta_momentum,
                            momentum=beta)
print("steps, SGD with momentum:", train(model, optimizer))
print(f"a = {model.weight.item():.6f}, b = {model.bias.item():.6f}")
# --8<-- [end:momentum]
