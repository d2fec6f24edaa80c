"""The standard PyTorch training loop, line by line, on y = a*x + b.

The loop reproduces the step counts of docs/beyond-the-post.md: plain
gradient descent at the best fixed rate, then heavy-ball momentum with
torch.optim.SGD(momentum=...). Each section below is one block of
docs/training-in-pytorch.md, in page order.
"""

# --8<-- [start:data]
import numpy as np

# The post's 15 points, exactly as the post wrote them.
x_train = np.array([[4.7], [2.4], [7.5], [7.1], [4.3], [7.816],
                    [8.9], [5.2], [8.59], [2.1], [8],
                    [10], [4.5], [6], [4]],
                   dtype=np.float32)
y_train = np.array([[2.6], [1.6], [3.09], [2.4], [2.4], [3.357],
                    [2.6], [1.96], [3.53], [1.76], [3.2],
                    [3.5], [1.6], [2.5], [2.2]],
                   dtype=np.float32)

# The math below runs in float64: float32 keeps only 6 or 7 significant
# digits, too few to follow the error of w down to a millionth of w*.
x = x_train.ravel().astype(np.float64)
y = y_train.ravel().astype(np.float64)
print(x_train.shape, x_train.dtype, "->", x.shape, x.dtype)
# --8<-- [end:data]

# --8<-- [start:recap]
import math

# The line y = a*x + b: one row (x_i, 1) per point, as on the last page.
A = np.column_stack([x, np.ones_like(x)])
theta_star = np.linalg.lstsq(A, y, rcond=None)[0]  # (a*, b*)
lam_min, lam_max = np.linalg.eigvalsh(A.T @ A)
eta_best = 1 / (lam_min + lam_max)  # the best fixed rate
sqrt_kappa = math.sqrt(lam_max / lam_min)
eta_momentum = 2 / (math.sqrt(lam_max) + math.sqrt(lam_min)) ** 2
beta = ((sqrt_kappa - 1) / (sqrt_kappa + 1)) ** 2  # the best momentum
print(f"a* = {theta_star[0]:.6f}, b* = {theta_star[1]:.6f}")
print(f"best fixed rate {eta_best:.4e}; momentum: rate {eta_momentum:.4e},"
      f" beta {beta:.6f}")
# --8<-- [end:recap]

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
steps_plain = train(model, optimizer)
print("steps, plain SGD:", steps_plain)
print(f"a = {model.weight.item():.6f}, b = {model.bias.item():.6f}")
# --8<-- [end:loop]

# --8<-- [start:momentum]
model = zero_line()
optimizer = torch.optim.SGD(model.parameters(), lr=eta_momentum,
                            momentum=beta)
steps_momentum = train(model, optimizer)
print("steps, SGD with momentum:", steps_momentum)
print(f"a = {model.weight.item():.6f}, b = {model.bias.item():.6f}")
# --8<-- [end:momentum]
