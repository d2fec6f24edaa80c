"""Full-batch, mini-batch and single-sample gradient descent on y = w*x.

The post's model, one weight, with the mean loss over each batch. Each
section below is one block of docs/training-in-pytorch.md, in page order; the
lines before the first section repeat what earlier blocks of the page
computed, so that this file also runs on its own.
"""
import math

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

# --8<-- [start:batch_gradient]
from itertools import combinations

w_star = np.sum(x * y) / np.sum(x * x)  # the slope of the post's model
N, B = len(x), 5

w = 0.0
per_sample = 2 * (w * x - y) * x  # d/dw of (w x_i - y_i)^2, one per point
full = per_sample.mean()          # d/dw of the mean loss over all points
batches = np.array([per_sample[list(batch)].mean()
                    for batch in combinations(range(N), B)])
print(f"{len(batches)} batches of {B} points")
print(f"full gradient {full:.4f}, mean over all batches {batches.mean():.4f}")
formula = per_sample.var() / B * (N - B) / (N - 1)
print(f"variance over batches {batches.var():.4f}, formula {formula:.4f}")
# --8<-- [end:batch_gradient]

# --8<-- [start:loader]
from torch.utils.data import DataLoader, TensorDataset

dataset = TensorDataset(X, Y)  # item i is the pair (X[i], Y[i])
loader = DataLoader(dataset, batch_size=5, shuffle=True, num_workers=0,
                    generator=torch.Generator().manual_seed(0))
for epoch in range(2):
    xs = [" ".join(f"{v:g}" for v in xb.ravel().tolist()) for xb, _ in loader]
    print(f"epoch {epoch}: " + " | ".join(xs))
# --8<-- [end:loader]

# --8<-- [start:bounds]
print(f"full batch:    eta < 1 / mean(x^2) = {1 / np.mean(x**2):.4f}")
print(f"single sample: eta < 1 / max(x^2)  = {1 / np.max(x**2):.4f}")
# --8<-- [end:bounds]

# --8<-- [start:sgd]
EPOCHS, LAST = 40, 20  # train 40 epochs; measure over the last 20


def sgd(batch_size, lr, epochs=EPOCHS, seed=0, decay=None):
    """Train y_hat = w x from w = 0; the relative error after each update.

    decay(epoch), if given, multiplies lr from that epoch on."""
    model = nn.Linear(1, 1, bias=False, dtype=torch.float64)
    nn.init.zeros_(model.weight)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    schedule = (torch.optim.lr_scheduler.LambdaLR(optimizer, decay)
                if decay else None)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(seed))
    loss_fn = nn.MSELoss()  # the mean over the batch
    errors = []
    for _ in range(epochs):  # one epoch: every batch once
        for xb, yb in loader:
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
            errors.append(abs(model.weight.item() - w_star) / w_star)
        if schedule:
            schedule.step()  # the next epoch's lr
    return np.array(errors)


def independent_jitter(batch_size, lr):
    """RMS relative error around w* if every batch were drawn anew."""
    g = 2 * (w_star * x - y) * x  # per-point gradients at w*: mean 0
    var = np.mean(g**2) / batch_size * (N - batch_size) / (N - 1)
    m = np.mean(x**2)
    return math.sqrt(lr * var / (4 * m * (1 - lr * m))) / w_star


lr = 0.005  # half the single-sample bound: stable for every batch
runs = {size: sgd(size, lr) for size in (15, 5, 1)}
def jitter(errors):
    """The RMS relative error over the updates of the last LAST epochs."""
    return np.sqrt(np.mean(errors[-LAST * len(errors) // EPOCHS:] ** 2))


print(f"batch  updates  after 1 epoch  after {EPOCHS}  jitter  independent")
for size, errors in runs.items():
    first_epoch = errors[len(errors) // EPOCHS - 1]
    print(f"{size:5}  {len(errors):7}  {first_epoch:13.1e}"
          f"  {errors[-1]:8.1e}  {jitter(errors):6.1e}"
          f"  {independent_jitter(size, lr):11.1e}")
# --8<-- [end:sgd]

# --8<-- [start:decay]
shrinking = sgd(1, lr, decay=lambda epoch: 1 / (1 + epoch / 5))
for name, errors in [("constant lr", runs[1]), ("shrinking lr", shrinking)]:
    print(f"{name:12}: after {EPOCHS} epochs {errors[-1]:.1e},"
          f" jitter {jitter(errors):.1e}")
# --8<-- [end:decay]
