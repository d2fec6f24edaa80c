# ---
# jupyter:
#   description: The post's one-neuron fit run as written, measured against the least-squares slope, fixed with a learning rate from the bound, and done three ways that agree.
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The one-neuron fit
#
# The post ends by fitting its 15 points with a "network" of one hidden
# neuron: two weights $w_1$ and $w_2$, the prediction $\hat y = x \, w_1 w_2$,
# a sum-of-squares loss, and 999 steps of gradient descent at a learning rate
# of $10^{-6}$. This page runs that loop as written, measures how far it gets,
# explains why it is so slow with the learning-rate bound from
# [the gradient-descent page](gradient-descent.md), fixes it, and checks the
# answer three ways.
#
# This page is a Jupyter notebook, executed when the site was built: every
# output below is what its cell printed, and every number in the text is
# printed by a cell. Download it with the button at the top of the page and
# run it to get the same outputs; it also runs as a plain script,
# `python one_neuron_fit.py`, which prints the same numbers.

# %%
import matplotlib.pyplot as plt
import numpy as np  # the post uses np.array but never imports numpy
import torch
from torch import nn

try:  # Jupyter shows the text with numbers as Markdown; plain `python` prints it
    from IPython import get_ipython
    from IPython.display import Markdown, display

    in_jupyter = get_ipython() is not None
except ImportError:
    in_jupyter = False


def say(text):
    """Show a sentence whose numbers were just computed."""
    if in_jupyter:
        display(Markdown(text))
    else:
        print(text)


def sci(value, digits=4):
    """A number in LaTeX scientific notation: sci(0.00094169) is 9.417 \\times 10^{-4}."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    power = f"10^{{{int(exponent)}}}"
    return power if float(mantissa) == 1 else f"{mantissa} \\times {power}"


# %% [markdown]
# ## The post's data
#
# The 15 points, exactly as the post wrote them, as `float32` columns of shape
# 15×1:

# %%
x_train = np.array([[4.7], [2.4], [7.5], [7.1], [4.3], [7.816],
                    [8.9], [5.2], [8.59], [2.1], [8],
                    [10], [4.5], [6], [4]],
                   dtype=np.float32)
y_train = np.array([[2.6], [1.6], [3.09], [2.4], [2.4], [3.357],
                    [2.6], [1.96], [3.53], [1.76], [3.2],
                    [3.5], [1.6], [2.5], [2.2]],
                   dtype=np.float32)

X_train = torch.from_numpy(x_train)
Y_train = torch.from_numpy(y_train)
print(X_train.shape, X_train.dtype)

# %% [markdown]
# ## The target: the least-squares slope
#
# Before running any descent, compute where it should end. The model
# $\hat y = w x$ has one best slope, $w^* = \sum_i x_i y_i / \sum_i x_i^2$
# ([derived on the gradient-descent page](gradient-descent.md#the-best-slope-in-closed-form));
# `torch.linalg.lstsq` finds the same
# by solving the least-squares problem directly. It runs in `float64`, so that
# $w^*$ is exact to far more digits than any `float32` fit can reach.

# %%
X64, Y64 = X_train.double(), Y_train.double()
w_star = torch.linalg.lstsq(X64, Y64).solution.item()
loss_star = (X64 * w_star - Y64).pow(2).sum().item()  # the smallest loss there is
sum_xx = X64.pow(2).sum().item()
eta_max = 1 / sum_xx  # the largest stable learning rate for one weight (gradient-descent page)

print(f"w*        = {w_star:.6f}")
print(f"loss(w*)  = {loss_star:.6f}")
print(f"sum x^2   = {sum_xx:.4f}")
print(f"eta_max   = {eta_max:.4e}")

# %% [markdown]
# ## The post's loop, seeded
#
# The post draws $w_1$ and $w_2$ with `torch.rand` and no seed, so every run
# starts somewhere else in $[0, 1)^2$ and ends somewhere else. Seeding the
# generator first makes the run reproducible. The rest is the post's loop, with
# the printed loss rounded to 4 decimals so the output is the same on every
# machine, and each loss kept for the figure below.

# %%
torch.manual_seed(0)  # the post has no seed: each run starts from other weights

input_size = 1
hidden_size = 1
output_size = 1
w1 = torch.rand(input_size, hidden_size, requires_grad=True)
w2 = torch.rand(hidden_size, output_size, requires_grad=True)
start = (w1.item(), w2.item())  # every later run starts here too
print(f"start: w1 = {start[0]:.4f}, w2 = {start[1]:.4f}, w1*w2 = {start[0] * start[1]:.4f}")

learning_rate = 1e-6
post_losses = []
# "Train for 1000 iterations", says the post; range(1, 1000) makes 999.
for iter in range(1, 1000):
    y_pred = X_train.mm(w1).mm(w2)
    loss = (y_pred - Y_train).pow(2).sum()
    post_losses.append(loss.item())
    if iter % 50 == 0:
        print(iter, round(loss.item(), 4))
    loss.backward()
    with torch.no_grad():
        w1 -= learning_rate * w1.grad
        w2 -= learning_rate * w2.grad
        w1.grad.zero_()
        w2.grad.zero_()

# %% [markdown]
# The loop prints the loss every 50 iterations, each time *before* that
# iteration's update, so the last line is iteration 950 and the loss after the
# final update is never shown. The post then predicts with the trained weights:

# %%
x_train_tensor = torch.from_numpy(x_train)
predicted_in_tensor = x_train_tensor.mm(w1).mm(w2)
predicted = predicted_in_tensor.detach().numpy()

post_iterations = len(post_losses)
post_loss = float(((predicted - y_train) ** 2).sum())  # the loss after the last update
post_w = (w1 * w2).item()
post_error = abs(post_w - w_star) / w_star
print(f"iterations: {post_iterations}")
print(f"loss after them: {post_loss:.4f} (smallest possible {loss_star:.4f})")
print(f"w1*w2 = {post_w:.6f}, w* = {w_star:.6f}, relative error {post_error:.2e}")

# %% tags=["prose"]
say(f"After its {post_iterations} iterations the post's loop stops at a loss of "
    f"{post_loss:.4f}, against the least-squares optimum {loss_star:.4f}: the "
    f"slope $w_1 w_2 = {post_w:.4f}$ is {100 * post_error:.1f}% away from "
    f"$w^* = {w_star:.4f}$. The start was close already "
    f"($w_1 w_2 = {start[0] * start[1]:.4f}$), and 999 steps closed only part of the gap.")


# %% [markdown]
# How many iterations would the post's learning rate need to get within a
# millionth of $w^*$? Keep running the same update, counting, until
# $|w_1 w_2 - w^*| \le 10^{-6} w^*$, once in the post's `float32` and once in
# `float64`:

# %%
def fit_product(lr, max_steps, dtype=torch.float32, tol=1e-6):
    """The post's update from `start` at rate lr, until w1*w2 is within tol of w* (relative).

    Returns the list of (w1, w2) after each update (the start first) and
    whether the tolerance was met. Stops early if an update changes nothing.
    """
    w1 = torch.tensor([[start[0]]], dtype=dtype, requires_grad=True)
    w2 = torch.tensor([[start[1]]], dtype=dtype, requires_grad=True)
    X, Y = X_train.to(dtype), Y_train.to(dtype)
    path = [start]
    for step in range(1, max_steps + 1):
        loss = (X.mm(w1).mm(w2) - Y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            w1 -= lr * w1.grad
            w2 -= lr * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
        path.append((w1.item(), w2.item()))
        if abs(path[-1][0] * path[-1][1] - w_star) <= tol * w_star:
            return path, True
        if path[-1] == path[-2]:  # the update was too small to change a weight
            return path, False
    return path, False


path64, met64 = fit_product(learning_rate, 50_000, dtype=torch.float64)
path32, met32 = fit_product(learning_rate, 50_000, dtype=torch.float32)
stuck_error = abs(path32[-1][0] * path32[-1][1] - w_star) / w_star
print(f"float64: within 1e-6 after {len(path64) - 1} iterations: {met64}")
print(f"float32: stuck after {len(path32) - 1} iterations, relative error {stuck_error:.2e}: {met32}")

# %% tags=["prose"]
say(f"In `float64` the post's rate needs {len(path64) - 1} iterations, "
    f"{(len(path64) - 1) / post_iterations:.1f} times the {post_iterations} it runs. In `float32`, the post's type, it never gets "
    f"there: after {len(path32) - 1} iterations each update, $10^{{-6}}$ times a "
    f"gradient that shrinks with the error, is smaller than the spacing of "
    f"`float32` numbers near $w_1$ and $w_2$, the weights stop changing, and the "
    f"slope stays {stuck_error:.1e} away from $w^*$ (relative) for ever.")

# %% [markdown]
# ## One weight in disguise
#
# The "hidden layer" has no activation function, so the network computes
# $\hat y_i = x_i w_1 w_2$: the two weights only ever appear as their product
# $w = w_1 w_2$, and the loss is the one-weight cost $J$ of the
# gradient-descent page, evaluated at that product:
#
# $$L(w_1, w_2) = \sum_i (w_1 w_2 x_i - y_i)^2 = J(w_1 w_2).$$
#
# A hidden layer without an activation adds nothing a single weight cannot
# do: any product of linear maps is one linear map. Checked at random points:

# %%
def loss_product(w1, w2):
    """L(w1, w2), the post's loss, in float64."""
    return ((X64 * w1 * w2 - Y64) ** 2).sum().item()


def loss_one_weight(w):
    """J(w), the one-weight cost of the gradient-descent page."""
    return ((X64 * w - Y64) ** 2).sum().item()


generator = torch.Generator().manual_seed(1)
pairs = (torch.rand(5, 2, generator=generator, dtype=torch.float64) * 4 - 2).tolist()
for a, b in pairs:
    print(f"w1 = {a:+.3f}, w2 = {b:+.3f}: L = {loss_product(a, b):10.4f}, "
          f"J(w1*w2) = {loss_one_weight(a * b):10.4f}")

# %% [markdown]
# What the product does change is the shape of the loss surface. With
# $S = \sum_i x_i^2$, the one-weight cost is a parabola,
# $J(w) = S (w - w^*)^2 + J(w^*)$, so
#
# $$L(w_1, w_2) = S\,(w_1 w_2 - w^*)^2 + J(w^*).$$
#
# - **A valley, not a point.** Every $(w_1, w_2)$ on the hyperbola
#   $w_1 w_2 = w^*$ is a minimum: there is no single best pair.
# - **A saddle at the origin.** At $w_1 = w_2 = 0$ both partial derivatives,
#   $2 S (w_1 w_2 - w^*) w_2$ and $2 S (w_1 w_2 - w^*) w_1$, vanish, but the
#   loss falls along $w_1 = w_2$ and rises along $w_1 = -w_2$. Starting from
#   zero weights, gradient descent never moves.
# - **A step bound that depends on where you are.** On the valley the Hessian
#   is $2S\,(w_2, w_1)^\top (w_2, w_1)$: one eigenvalue is $0$ (along the
#   valley) and the other is $2 S (w_1^2 + w_2^2)$ (across it). Gradient
#   descent is stable across the valley while $\eta$ is below two over that,
#   $\eta < 1 / (S (w_1^2 + w_2^2)) = \eta_{\max} / (w_1^2 + w_2^2)$, with
#   $\eta_{\max} = 1/S$ the one-weight bound of the gradient-descent page.
#
# Checked with autograd's Hessian, at the origin and at the point of the
# valley nearest the start:

# %%
def hessian(a, b):
    """The 2x2 Hessian of L at (w1, w2) = (a, b), computed by autograd."""
    point = torch.tensor([a, b], dtype=torch.float64)
    return torch.autograd.functional.hessian(
        lambda w: ((X64 * w[0] * w[1] - Y64) ** 2).sum(), point)


# The valley point reached by moving straight across the valley from the start.
scale = (w_star / (start[0] * start[1])) ** 0.5
valley = (start[0] * scale, start[1] * scale)

origin_eigenvalues = torch.linalg.eigvalsh(hessian(0.0, 0.0)).tolist()
valley_eigenvalues = torch.linalg.eigvalsh(hessian(*valley)).tolist()
norm2 = valley[0] ** 2 + valley[1] ** 2
print(f"origin: eigenvalues {origin_eigenvalues[0]:.4f}, {origin_eigenvalues[1]:.4f}; "
      f"+-2 S w* = {2 * sum_xx * w_star:.4f}")
print(f"valley point w1 = {valley[0]:.4f}, w2 = {valley[1]:.4f}: "
      f"eigenvalues {abs(valley_eigenvalues[0]):.4f}, {valley_eigenvalues[1]:.4f}; "
      f"2 S (w1^2 + w2^2) = {2 * sum_xx * norm2:.4f}")
lr_bound = eta_max / norm2
print(f"largest stable step there: eta_max / (w1^2 + w2^2) = {lr_bound:.4e}")

# %% [markdown]
# ## The fix: a learning rate from the bound
#
# On the gradient-descent page, the one-weight cost reaches $w^*$ in a single
# step at $\eta^* = \eta_{\max}/2$, half the largest stable rate. Across the
# valley the product model behaves like one weight whose rate is multiplied by
# $w_1^2 + w_2^2$, so the matching rate is $\eta_{\max} / (2 (w_1^2 + w_2^2))$,
# with $w_1^2 + w_2^2$ taken at the start. The same loop, from the same start,
# with only the learning rate changed:

# %%
lr_tuned = eta_max / (2 * (start[0] ** 2 + start[1] ** 2))
path_tuned, met_tuned = fit_product(lr_tuned, 100)
tuned_iterations = len(path_tuned) - 1
tuned_w = path_tuned[-1][0] * path_tuned[-1][1]
tuned_error = abs(tuned_w - w_star) / w_star
print(f"learning rate {lr_tuned:.4e} ({lr_tuned / learning_rate:.0f} times the post's)")
for step, (a, b) in enumerate(path_tuned):
    print(f"iteration {step}: w1 = {a:.6f}, w2 = {b:.6f}, "
          f"w1*w2 = {a * b:.7f}, relative error {abs(a * b - w_star) / w_star:.1e}")
print(f"within 1e-6 of w* after {tuned_iterations} iterations: {met_tuned}")

# %% [markdown]
# The rate is a little below the bound at the valley, so every step is stable,
# and about half of it, so each step removes nearly all of the remaining error,
# where each of the post's steps removed a sliver of it. The rate does not need to be exact: anything comfortably below the
# bound converges, more slowly the further below it is.
#
# Here is the loss at every iteration, for the post's rate and the tuned one.
# The loss itself is close to $J(w^*)$ from the start, so the figure shows how
# far above it each run is, $L - J(w^*) = S (w_1 w_2 - w^*)^2$, on a log scale:

# %% figure="one_neuron_loss" alt="The loss minus its minimum against the iteration, on a log scale: the post's learning rate falls slowly over 999 iterations, the tuned one drops below a millionth in a few."
def draw_loss():
    fig = plt.figure(figsize=(6.4, 4), layout="constrained")
    ax = fig.subplots()
    for label, path in [(f"post's rate, $\\eta = {sci(learning_rate)}$", path32[:post_iterations + 1]),
                        (f"tuned rate, $\\eta = {sci(lr_tuned)}$", path_tuned)]:
        w = np.array([a * b for a, b in path])
        ax.semilogy(np.arange(len(w)), sum_xx * (w - w_star) ** 2, "o-", markersize=3,
                    markevery=max(1, len(w) // 20), label=label)
    ax.set_xscale("symlog", linthresh=10)
    ax.set_xlabel("iteration")
    ax.set_ylabel("$L - J(w^*)$ (log scale)")
    ax.legend()
    return fig


fig = draw_loss()  # Jupyter shows it below the cell

# %% [markdown]
# And the same two runs on the loss surface. On the left, the whole landscape:
# the two branches of the valley $w_1 w_2 = w^*$, the saddle at the origin, and
# the seeded start. On the right, a close-up of the start: the post's 999 steps
# creep towards the valley, the tuned steps land on it.

# %% figure="one_neuron_landscape" alt="Contours of the loss over (w1, w2): a valley along the hyperbola w1 w2 = w*, a saddle at the origin, and in a close-up the post's short path and the tuned path from the same start."
def draw_landscape():
    fig = plt.figure(figsize=(9.6, 4.4), layout="constrained")
    wide, close = fig.subplots(1, 2)

    def surface(ax, lo1, hi1, lo2, hi2, levels):
        a, b = np.meshgrid(np.linspace(lo1, hi1, 241), np.linspace(lo2, hi2, 241))
        # L = S (w1 w2 - w*)^2 + J(w*): the surface depends only on the product
        ax.contour(a, b, sum_xx * (a * b - w_star) ** 2 + loss_star, levels=levels, colors="C6", linewidths=0.6)
        hyperbola = np.linspace(lo1, hi1, 400)
        hyperbola = hyperbola[np.abs(hyperbola) > 1e-3]
        valley_w2 = np.where((w_star / hyperbola >= lo2) & (w_star / hyperbola <= hi2),
                             w_star / hyperbola, np.nan)
        ax.plot(hyperbola, valley_w2, "--", color="C2", label="valley $w_1 w_2 = w^*$")
        ax.set_xlim(lo1, hi1)
        ax.set_ylim(lo2, hi2)
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")

    surface(wide, -1.5, 1.5, -1.5, 1.5, levels=np.geomspace(loss_star + 1, loss_star + 2000, 12))
    wide.plot([0], [0], "X", color="C3", markersize=8, label="saddle")
    wide.plot([start[0]], [start[1]], "o", color="C0", label="start")
    wide.set_aspect("equal")
    wide.legend(loc="lower right")

    box = 0.025
    surface(close, start[0] - box, start[0] + 1.5 * box, start[1] - box, start[1] + 1.5 * box,
            levels=loss_star + sum_xx * (w_star * np.linspace(0.01, 0.2, 8)) ** 2)
    for path, label, color in [(path32[:post_iterations + 1], "post's rate, 999 steps", "C0"),
                               (path_tuned, f"tuned rate, {tuned_iterations} steps", "C1")]:
        a, b = np.array(path).T
        close.plot(a, b, "o-", color=color, markersize=3, markevery=max(1, len(a) // 10), label=label)
    close.set_aspect("equal")
    close.legend(loc="lower left")
    return fig


fig = draw_landscape()

# %% [markdown]
# ## The same fit three ways
#
# The tuned loop is one way to get the slope. PyTorch's own optimiser is
# another: `nn.Linear(1, 1, bias=False)` holds one weight, the honest form of
# the post's model, and `torch.optim.SGD` makes the same update. The loss must
# be the post's sum of squares: `nn.MSELoss()` averages by default, which
# would divide the gradient, and so the effective rate, by 15. With one weight,
# the rate $\eta_{\max}/2$ reaches $w^*$ in one step. The third way is the
# closed form, `torch.linalg.lstsq`, computed above.

# %%
torch.manual_seed(0)
model = nn.Linear(1, 1, bias=False)
optimizer = torch.optim.SGD(model.parameters(), lr=eta_max / 2)
loss_fn = nn.MSELoss(reduction="sum")  # the post's sum of squares, not the mean
for sgd_iterations in range(1, 101):
    optimizer.zero_grad()
    loss_fn(model(X_train), Y_train).backward()
    optimizer.step()
    if abs(model.weight.item() - w_star) <= 1e-6 * w_star:
        break
sgd_w = model.weight.item()

fits = {"manual loop, tuned rate": tuned_w, "nn.Linear + optim.SGD": sgd_w, "torch.linalg.lstsq": w_star}
for name, w in fits.items():
    print(f"{name:24} w = {w:.7f}  relative to w*: {abs(w - w_star) / w_star:.1e}")
spread = (max(fits.values()) - min(fits.values())) / w_star
print(f"SGD iterations: {sgd_iterations}; largest difference between the three: {spread:.1e} of w*")

# %% tags=["prose"]
say(f"The three agree to {spread:.1e} of $w^*$, the rounding of `float32`: "
    f"the manual loop took {tuned_iterations} iterations, `optim.SGD` on a single "
    f"weight {sgd_iterations}.")

# %% [markdown]
# ## With an intercept
#
# The post forces the line through the origin "to simplify the problem", but
# the points do not lie along such a line: at $x = 0$ they would be well
# above zero. A line $\hat y = a x + b$ needs one more column in the
# least-squares problem, a column of ones for the intercept $b$:

# %%
A64 = torch.cat([X64, torch.ones_like(X64)], dim=1)
slope, intercept = torch.linalg.lstsq(A64, Y64).solution.ravel().tolist()
loss_intercept = (A64 @ torch.tensor([[slope], [intercept]], dtype=torch.float64) - Y64).pow(2).sum().item()
print(f"y = {slope:.4f} x + {intercept:.4f}: loss {loss_intercept:.4f}")
print(f"through the origin, y = {w_star:.4f} x: loss {loss_star:.4f}")

# %% [markdown]
# Gradient descent gets there too, `nn.Linear(1, 1)` with its bias, but more
# slowly: with two parameters the bound is set by the largest eigenvalue of
# $A^\top A$ instead of $\sum_i x_i^2$, and the number of steps by the ratio of
# the largest to the smallest eigenvalue. The rate $1/(\lambda_{\max} +
# \lambda_{\min})$ is the best fixed rate for this cost. It runs in `float64`,
# because `float32` stalls long before a millionth, as we saw above:

# %%
eigenvalues = torch.linalg.eigvalsh(A64.T @ A64).tolist()
lr_intercept = 1 / (eigenvalues[0] + eigenvalues[1])
torch.manual_seed(0)
line = nn.Linear(1, 1).double()
optimizer = torch.optim.SGD(line.parameters(), lr=lr_intercept)
for line_iterations in range(1, 20_001):
    optimizer.zero_grad()
    loss_fn(line(X64), Y64).backward()
    optimizer.step()
    errors = [abs(line.weight.item() - slope) / abs(slope), abs(line.bias.item() - intercept) / abs(intercept)]
    if max(errors) <= 1e-6:
        break
print(f"eigenvalues of A^T A: {eigenvalues[0]:.4f}, {eigenvalues[1]:.4f} (ratio {eigenvalues[1] / eigenvalues[0]:.0f})")
print(f"lr = {lr_intercept:.4e}: slope {line.weight.item():.4f}, intercept {line.bias.item():.4f} "
      f"after {line_iterations} iterations")

# %% tags=["prose"]
say(f"The line with an intercept, $\\hat y = {slope:.4f}\\,x + {intercept:.4f}$, "
    f"has a loss of {loss_intercept:.4f}, {100 * (1 - loss_intercept / loss_star):.0f}% "
    f"below the best line through the origin ({loss_star:.4f}). Gradient descent needs "
    f"{line_iterations} iterations for it, because the eigenvalues differ by a factor of "
    f"{eigenvalues[1] / eigenvalues[0]:.0f}.")

# %% [markdown]
# All the lines on the points: the post's, after its 999 iterations; the tuned
# loop's; the closed form through the origin, which the tuned line overlaps;
# and the line with an intercept.

# %% figure="one_neuron_lines" alt="The post's 15 points with four fitted lines: three through the origin (the post's, the tuned loop's and the closed form, nearly on top of each other) and the flatter line with an intercept, which starts higher."
def draw_lines():
    fig = plt.figure(figsize=(6.4, 4), layout="constrained")
    ax = fig.subplots()
    grid = np.linspace(0, 10.5, 2)
    ax.plot(x_train.ravel(), y_train.ravel(), "o", label="the post's points")
    ax.plot(grid, post_w * grid, "-", label=f"post's loop: $y$ = {post_w:.4f} $x$")
    ax.plot(grid, tuned_w * grid, "--", label=f"tuned loop: $y$ = {tuned_w:.4f} $x$")
    ax.plot(grid, w_star * grid, ":", label=f"closed form: $y$ = {w_star:.4f} $x$")
    ax.plot(grid, slope * grid + intercept, "-.",
            label=f"with intercept: $y$ = {slope:.4f} $x$ + {intercept:.4f}")
    ax.set_xlim(0, 10.5)
    ax.set_ylim(0, 4.5)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.legend(loc="upper left")
    return fig


fig = draw_lines()

# %% [markdown]
# ## Closing note

# %% tags=["prose"]
say(f"Measured on this run (seed 0, PyTorch {torch.__version__}): the post's loop, "
    f"{post_iterations} iterations at $\\eta = {sci(learning_rate)}$, ends at a loss of "
    f"{post_loss:.4f} with $w_1 w_2 = {post_w:.6f}$. The least-squares optimum is "
    f"$w^* = {w_star:.6f}$ with a loss of {loss_star:.6f}. The rate from the bound, "
    f"$\\eta = {sci(lr_tuned)}$, reaches $w^*$ within $10^{{-6}}$ (relative) in "
    f"{tuned_iterations} iterations, where the post's rate would need "
    f"{len(path64) - 1} in `float64` and never gets there in `float32`.")
