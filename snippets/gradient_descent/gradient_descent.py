"""Gradient descent for a line through the origin, y = w*x, on the post's data.

Each section below is one block of docs/gradient-descent.md, in page order.
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

# --8<-- [start:cost]
def cost(w):
    """J(w) = sum over i of (w*x_i - y_i)^2, the post's sum of squares."""
    return np.sum((w * x - y) ** 2)


print(f"J(0)   = {cost(0.0):.4f}")
print(f"J(0.5) = {cost(0.5):.4f}")
# --8<-- [end:cost]

# --8<-- [start:gradient]
def gradient(w):
    """dJ/dw = 2 * sum over i of (w*x_i - y_i) * x_i."""
    return 2 * np.sum((w * x - y) * x)


# Check against the slope of J between two nearby points (a central
# difference); for a quadratic J it is exact up to rounding.
h = 1e-4
for w in [0.0, 0.5]:
    slope = (cost(w + h) - cost(w - h)) / (2 * h)
    print(f"w = {w}: gradient {gradient(w):.4f}, "
          f"central difference {slope:.4f}")
# --8<-- [end:gradient]

# --8<-- [start:closed_form]
sum_xx = np.sum(x * x)
sum_xy = np.sum(x * y)
w_star = sum_xy / sum_xx
cost_min = cost(w_star)

print(f"sum x^2 = {sum_xx:.4f}, sum xy = {sum_xy:.4f}")
print(f"w*    = {w_star:.6f}")
print(f"J(w*) = {cost_min:.6f}")
print(f"|dJ/dw| at w* = {abs(gradient(w_star)):.6f}")
# --8<-- [end:closed_form]

# --8<-- [start:n_weights]
def gradient_vector(X, y, w):
    """The gradient of J(w) = |Xw - y|^2 for n weights: 2 X^T (Xw - y)."""
    return 2 * X.T @ (X @ w - y)


# One weight is the case n = 1: X is the 15x1 column of inputs.
X = x.reshape(-1, 1)
print(gradient_vector(X, y, np.array([0.5])).round(4), round(gradient(0.5), 4))
# --8<-- [end:n_weights]

# --8<-- [start:autograd_check]
import torch

w_torch = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
J_torch = ((w_torch * torch.from_numpy(x) - torch.from_numpy(y)) ** 2).sum()
J_torch.backward()  # autograd fills w_torch.grad with dJ/dw
print(f"autograd {w_torch.grad.item():.10f}")
print(f"by hand  {gradient(0.5):.10f}")
# --8<-- [end:autograd_check]

# --8<-- [start:update]
def descend(w0, eta, steps):
    """Run `steps` gradient-descent updates from w0; return every iterate."""
    ws = [w0]
    for _ in range(steps):
        ws.append(ws[-1] - eta * gradient(ws[-1]))
    return ws


for t, w in enumerate(descend(0.0, eta=2e-4, steps=5)):
    print(f"t = {t}: w = {w:.6f}, J = {cost(w):.4f}")
# --8<-- [end:update]

# --8<-- [start:learning_rate]
eta_max = 1 / sum_xx        # the largest stable learning rate
eta_star = 1 / (2 * sum_xx)  # the learning rate that lands on w* in one step

print(f"eta_max = {eta_max:.4g}")
print(f"eta*    = {eta_star:.4g}")
w1 = descend(0.0, eta_star, steps=1)[1]
print(f"one step at eta* from w = 0: w = {w1:.6f}, equal to w* to 12 digits: "
      f"{abs(w1 - w_star) < 1e-12 * w_star}")
# --8<-- [end:learning_rate]

# --8<-- [start:iterations]
import math


def steps_to_tolerance(eta, tol=1e-6, max_steps=20_000):
    """Updates from w = 0 until |w - w*| <= tol * |w*|.

    None if that never happens within max_steps.
    """
    w = 0.0
    for t in range(1, max_steps + 1):
        w = w - eta * gradient(w)
        if abs(w - w_star) <= tol * abs(w_star):
            return t
    return None


def predicted_steps(eta, tol=1e-6):
    """The same count from the error's factor per step.

    The factor is r = |1 - 2 * eta * sum x^2|.
    """
    r = abs(1 - 2 * eta * sum_xx)
    if r >= 1:
        return None
    if r == 0:
        return 1
    return math.ceil(math.log(tol) / math.log(r))


post_eta = 1e-6  # the post's learning_rate
fractions = (0.01, 0.1, 0.5, 0.9, 0.99, 1.0, 1.01)
etas = [post_eta] + [f * eta_max for f in fractions]
print("      eta  eta/eta_max     |r|  counted  predicted")
for eta in etas:
    r = abs(1 - 2 * eta * sum_xx)
    measured, predicted = steps_to_tolerance(eta), predicted_steps(eta)
    print(f"{eta:9.3e}  {eta / eta_max:11.4g}  {r:6.4f}"
          f"  {measured or 'never':>7}  {predicted or 'never':>9}")

# The post's loop, `for iter in range(1, 1000)`, makes 999 updates.
post_updates = len(range(1, 1000))
w_post = descend(0.0, post_eta, steps=post_updates)[-1]
print(f"after {post_updates} updates at eta = {post_eta}: "
      f"|w - w*| / |w*| = {abs(w_post - w_star) / abs(w_star):.2f}")
# --8<-- [end:iterations]

# --8<-- [start:stability]
for f in (0.99, 1.0, 1.01):
    ws = descend(0.0, f * eta_max, steps=1000)
    error = abs(ws[-1] - w_star)
    print(f"eta = {f} * eta_max: after 1000 steps |w - w*| = {error:.3e}")
# --8<-- [end:stability]

# --8<-- [start:figure_rates]
rates = {
    "too small": 0.05 * eta_max,
    "good": 0.4 * eta_max,
    "too large": 1.1 * eta_max,
}
for name, eta in rates.items():
    r = 1 - 2 * eta * sum_xx
    print(f"{name:>9}: eta = {eta:.4g}, "
          f"w - w* is multiplied by {r:+.2f} per step")
# --8<-- [end:figure_rates]

# The exercises at the end of the page, one section per solution.

# --8<-- [start:exercise_symmetry]
for w in (w_star - 0.1, w_star + 0.1):
    print(f"w = w* {w - w_star:+.1f}: J = {cost(w):.6f}, "
          f"dJ/dw = {gradient(w):+.4f}")
# --8<-- [end:exercise_symmetry]

# --8<-- [start:exercise_too_large]
eta_large, steps = 1.5 * eta_max, 10
r_large = 1 - 2 * eta_large * sum_xx
predicted_error = abs(r_large) ** steps * abs(0.0 - w_star)
w_after = descend(0.0, eta_large, steps=steps)[-1]
print(f"r = {r_large:+.1f}: predicted |w - w*| = {predicted_error:.4f}, "
      f"after {steps} steps {abs(w_after - w_star):.4f}")
# --8<-- [end:exercise_too_large]

# --8<-- [start:exercise_halving]
eta_half = (1 - 0.5) / (2 * sum_xx)  # r = 1 - 2 * eta * sum x^2 = 0.5
print(f"eta = {eta_half:.4g} = {eta_half / eta_max:g} * eta_max: "
      f"counted {steps_to_tolerance(eta_half)}, "
      f"predicted {predicted_steps(eta_half)}")
# --8<-- [end:exercise_halving]

# --8<-- [start:exercise_far_start]
eta_far, w0 = 0.1 * eta_max, 10.0
r_far = abs(1 - 2 * eta_far * sum_xx)
predicted = math.ceil(math.log(1e-6 * abs(w_star) / abs(w0 - w_star))
                      / math.log(r_far))
w, counted = w0, 0
while abs(w - w_star) > 1e-6 * abs(w_star):
    w = w - eta_far * gradient(w)
    counted += 1
print(f"from w = {w0}: counted {counted}, predicted {predicted}, "
      f"from w = 0: {steps_to_tolerance(eta_far)}")
# --8<-- [end:exercise_far_start]
