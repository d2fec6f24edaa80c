"""Full-batch gradient descent on the line with an intercept, y = a*x + b.

Conditioning and feature scaling, momentum, and stopping rules, in NumPy,
then the worked solutions to the page's exercises. Each section below is
one block of docs/beyond-the-post.md, in page order.
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

# --8<-- [start:eigenvalues]
# One row per point: the input, and a 1 that multiplies the intercept b.
A = np.column_stack([x, np.ones_like(x)])
theta_star = np.linalg.lstsq(A, y, rcond=None)[0]  # (a*, b*)

lam_min, lam_max = np.linalg.eigvalsh(A.T @ A)  # ascending order
kappa = lam_max / lam_min
print("A^T A =")
print((A.T @ A).round(4))
print(f"eigenvalues {lam_min:.4f} and {lam_max:.4f}, kappa = {kappa:.2f}")
print(f"a* = {theta_star[0]:.6f}, b* = {theta_star[1]:.6f}")
# --8<-- [end:eigenvalues]

# --8<-- [start:columns]
# The cosine of the angle between the two columns of A.
cosine = x.sum() / (np.linalg.norm(x) * np.sqrt(len(x)))
print(f"cos(angle between x and 1) = {cosine:.4f}")
# --8<-- [end:columns]

# --8<-- [start:best_rate]
import math


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


def best_rate(A):
    """The fixed rate 1 / (lam_min + lam_max) and its factor per step."""
    low, high = np.linalg.eigvalsh(A.T @ A)
    return 1 / (low + high), (high - low) / (high + low)


eta_best, rho = best_rate(A)
steps_raw, errors_raw = descend(A, eta_best)
predicted_raw = math.ceil(math.log(1e-6) / math.log(rho))
print(f"eta = {eta_best:.4e}, factor per step (kappa-1)/(kappa+1)"
      f" = {rho:.6f}")
print(f"steps to a relative error of 1e-6: counted {steps_raw},"
      f" predicted {predicted_raw}")
# --8<-- [end:best_rate]

# --8<-- [start:scaling]
m, s = x.mean(), x.std()  # np.std divides by N, not N - 1
inputs = {"raw x": x, "centred x - m": x - m,
          "standardised (x - m)/s": (x - m) / s}
designs = {}
print("input                     kappa  counted  predicted")
for name, u in inputs.items():
    designs[name] = np.column_stack([u, np.ones_like(u)])
    low, high = np.linalg.eigvalsh(designs[name].T @ designs[name])
    eta, factor = best_rate(designs[name])
    counted, _ = descend(designs[name], eta)
    # Both error components shrink by `factor` per step: |e_t| = factor^t;
    # a factor at most 1e-6 gets there in one step.
    predicted = (1 if factor <= 1e-6
                 else math.ceil(math.log(1e-6) / math.log(factor)))
    print(f"{name:24}  {high / low:6.2f}  {counted:7}  {predicted:9}")
# --8<-- [end:scaling]

# --8<-- [start:unscale]
Z = designs["standardised (x - m)/s"]
eta_z, _ = best_rate(Z)
theta_z = np.zeros(2)
theta_z = theta_z - eta_z * 2 * Z.T @ (Z @ theta_z - y)  # one step
a_z, b_z = theta_z
a, b = a_z / s, b_z - a_z * m / s  # back to the units of x
print(f"scaled fit:   y = {a_z:.6f} z + {b_z:.6f}")
print(f"original x:   y = {a:.6f} x + {b:.6f}")
print("np.polyfit:  ", np.polyfit(x, y, 1).round(6))
# --8<-- [end:unscale]

# --8<-- [start:momentum]
sqrt_kappa = math.sqrt(kappa)
rho_momentum = (sqrt_kappa - 1) / (sqrt_kappa + 1)
eta_momentum = 2 / (math.sqrt(lam_max) + math.sqrt(lam_min)) ** 2
beta = rho_momentum**2
steps_momentum, errors_momentum = descend(A, eta_momentum, beta)
print(f"eta = {eta_momentum:.4e}, beta = {beta:.6f}")
print(f"factor per step sqrt(beta) = {rho_momentum:.6f}"
      f" (plain: {rho:.6f})")
print(f"steps: momentum {steps_momentum}, plain {steps_raw}")
# --8<-- [end:momentum]

# --8<-- [start:momentum_exact]
# The error in the eigenvector basis of A^T A; the start is theta = 0.
_, Q = np.linalg.eigh(A.T @ A)
c_min, c_max = Q.T @ (0 - theta_star)


def momentum_error(t, r=rho_momentum):
    """|theta_t - theta*| / |theta*| from the closed form."""
    slow = c_min * (1 + (1 - r) * t) * r**t
    fast = c_max * (1 + (1 + r) * t) * (-r) ** t
    return math.hypot(slow, fast) / np.linalg.norm(theta_star)


predicted_momentum = next(t for t in range(1, 10_000)
                          if momentum_error(t) <= 1e-6)
print(f"closed form: {predicted_momentum} steps;"
      f" log(1e-6)/log(sqrt(beta)) alone:"
      f" {math.log(1e-6) / math.log(rho_momentum):.1f}")
gap = max(abs(momentum_error(t) - e) for t, e in enumerate(errors_momentum))
print(f"closed form and run agree to 1e-12 at every step: {gap < 1e-12}")
# --8<-- [end:momentum_exact]

# --8<-- [start:stopping]
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


fired = stopping_table(A, eta_best)
# --8<-- [end:stopping]

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
