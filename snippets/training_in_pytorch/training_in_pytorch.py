"""Training in PyTorch, on the post's 15 points.

The standard training loop on y = a*x + b, which reproduces the step counts
of docs/beyond-the-post.md; full-batch, mini-batch and single-sample
descent on the post's model y = w*x; the post's two-weight loss
L(w1, w2) = sum (x w1 w2 - y)^2, which is not convex; then the worked
solutions to the exercises. Each section below is one block of
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
for rate in (0.005, 0.005 / 5):  # `lr` stays the runs' rate
    path = weights("sum", rate)
    same = np.abs(path - mean_path).max() < 1e-12
    print(f"sum,  lr = {rate:.3f}:  w after 3 epochs {path[-1]:+.6f},"
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
