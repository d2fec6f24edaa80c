# ---
# jupyter:
#   description: >-
#     The post's one-neuron fit run as written, measured against the
#     least-squares slope, fixed with a learning rate from the bound, and done
#     three ways that agree.
#   description_zh: >-
#     按原样运行博文中单个神经元的拟合，与最小二乘斜率对照，用上界给出的学习率
#     修正它，再用三种方法完成同一拟合，结果一致。
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The one-neuron fit
#
# The post ends by fitting its points with a "network" of one hidden neuron:
# two weights $w_1$ and $w_2$, the prediction $\hat y = x \, w_1 w_2$, a
# sum-of-squares loss, and a fixed number of gradient-descent steps at a very
# small learning rate.
#
# **What you'll learn.** How far the post's loop really gets, and why it is so
# slow, with the learning-rate bound from
# [the gradient-descent page](gradient-descent.md); what two weights that
# always appear as a product do to the loss surface (a valley and a saddle);
# how to choose a learning rate from the bound; and the same fit done with
# PyTorch's `nn.Linear` and `optim.SGD`.
#
# This page is a Jupyter notebook, executed when the site was built: every
# output below is what its cell printed, and every number in the text is
# printed by a cell. Download it with the button at the top of the page and
# run it to get the same outputs. It also runs as a plain script,
# `python one_neuron_fit.py`, which prints the same numbers.

# %% [markdown] lang="zh"
# # 单个神经元的拟合
#
# 博文最后用一个只有一个隐藏神经元（neuron）的“网络”拟合它的点：
# 两个权重（weight）$w_1$ 和 $w_2$，预测值 $\hat y = x \, w_1 w_2$，
# 平方和损失，以及用很小的学习率（learning rate）做固定步数的梯度下降（gradient
# descent）。
#
# **本节内容。** 博文的循环实际走了多远，为什么这么慢，
# 用[梯度下降一节](gradient-descent.md)中的学习率上界来解释；总以乘积形式出现的
# 两个权重怎样改变损失曲面：它们带来一条谷（valley）和一个鞍点（saddle
# point）；怎样根据上界选择学习率；以及用 PyTorch 的 `nn.Linear` 和 `optim.SGD`
# 完成同样的拟合。
#
# 本页是一个 Jupyter 笔记本，在构建网站时执行：下面的每个输出都是对应单元格打印
# 的内容，正文中的每个数字也都由某个单元格打印。用页面顶部的按钮下载它并运行，
# 会得到同样的输出。它也能作为普通脚本运行（`python one_neuron_fit.py`），
# 打印的数字相同。

# %% [markdown]
# ## The post's data
#
# The points, exactly as the post wrote them, as `float32` columns with one
# row per point. The post's code uses `np.array` and `torch`, but its second
# part imports neither: run on its own, it stops at its first line.

# %% [markdown] lang="zh"
# ## 博文的数据
#
# 这些点与博文写的完全相同，存为 `float32` 的列，每个点占一行。博文的代码用到了
# `np.array` 和 `torch`，但它的第二部分两者都没有导入：单独运行时，
# 它在第一行就会停止。

# %%
import matplotlib.pyplot as plt  # for the figures
import numpy as np  # the post never imports numpy
import torch  # nor torch, in this part
from torch import nn

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
# ([derived on the gradient-descent
# page](gradient-descent.md#the-best-slope-in-closed-form)).
# `torch.linalg.lstsq` finds the same slope by solving the least-squares
# problem directly. It runs in `float64`, so that $w^*$ is exact to far more
# digits than any `float32` fit can reach.

# %% [markdown] lang="zh"
# ## 目标：最小二乘斜率
#
# 在运行任何下降之前，先算出它应该停在哪里。模型 $\hat y = w x$ 只有一个最佳
# 斜率（slope）：$w^* = \sum_i x_i y_i / \sum_i x_i^2$，
# 推导见[梯度下降一节](gradient-descent.md#the-best-slope-in-closed-form)。用
# `torch.linalg.lstsq` 直接求解最小二乘（least squares）问题，也能得到同样的
# 斜率。它在 `float64` 下运行，因此 $w^*$ 精确的位数远多于任何 `float32`
# 拟合所能达到的位数。

# %%
X64, Y64 = X_train.double(), Y_train.double()
w_star = torch.linalg.lstsq(X64, Y64).solution.item()
loss_star = (X64 * w_star - Y64).pow(2).sum().item()  # the smallest loss
sum_xx = X64.pow(2).sum().item()
# The largest stable learning rate for one weight (gradient-descent page).
eta_max = 1 / sum_xx

print(f"w*        = {w_star:.6f}")
print(f"loss(w*)  = {loss_star:.6f}")
print(f"sum x^2   = {sum_xx:.4f}")
print(f"eta_max   = {eta_max:.4e}")

# %% [markdown]
# ## The post's loop, seeded
#
# The post draws $w_1$ and $w_2$ with `torch.rand` and no seed, so every run
# starts somewhere else in $[0, 1)^2$ and ends somewhere else. Seeding the
# generator first makes the run reproducible. The rest is the post's loop,
# with the printed loss rounded to 4 decimals so the output is the same on
# every machine, and each loss kept for the figure below.
#
# `X_train.mm(w1)` is a matrix product: each row of `X_train` (one point)
# times the 1×1 matrix `w1`. With one input and one hidden neuron every
# matrix here has a single column, so `X_train.mm(w1).mm(w2)` is simply
# $x_i w_1 w_2$ for every point $i$.

# %% [markdown] lang="zh"
# ## 博文的循环，设定随机种子
#
# 博文用 `torch.rand` 抽取 $w_1$ 和 $w_2$，没有设定随机种子（random
# seed），所以每次运行都从 $[0, 1)^2$ 中不同的位置出发，也停在不同的位置。
# 先给随机数生成器设定种子，运行就可以复现。其余部分就是博文的循环，
# 只是把打印的损失四舍五入到 4 位小数，使每台机器上的输出都相同，并把每次的损失
# 保存下来，供下面的图使用。
#
# `X_train.mm(w1)` 是矩阵乘法（matrix product）：`X_train` 的每一行（一个点）
# 乘以 1×1 矩阵 `w1`。只有一个输入和一个隐藏神经元时，这里的每个矩阵都只有
# 一列，所以对每个点 $i$，`X_train.mm(w1).mm(w2)` 就是 $x_i w_1 w_2$。

# %%
torch.manual_seed(0)  # the post has no seed: each run starts elsewhere

input_size = 1
hidden_size = 1
output_size = 1
w1 = torch.rand(input_size, hidden_size, requires_grad=True)
w2 = torch.rand(hidden_size, output_size, requires_grad=True)
start = (w1.item(), w2.item())  # every later run starts here too
print(f"start: w1 = {start[0]:.4f}, w2 = {start[1]:.4f}, "
      f"w1*w2 = {start[0] * start[1]:.4f}")

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
# The loop prints the loss before each printed iteration's update, so the
# loss after the final update is never shown. The post then predicts with the
# trained weights, and stops: it computes `predicted` but never looks at it.
# Here are the first points' predictions beside their targets:

# %% [markdown] lang="zh"
# 循环每次打印的，都是该次迭代（iteration）更新（update）之前的损失，
# 所以最后一次更新之后的损失从未显示。博文接着用训练好的权重做预测，
# 然后就结束了：它算出了 `predicted`，却从没看过它的值。下面是前几个点的预测值
# 和目标值：

# %%
x_train_tensor = torch.from_numpy(x_train)
predicted_in_tensor = x_train_tensor.mm(w1).mm(w2)
predicted = predicted_in_tensor.detach().numpy()

first = slice(0, 5)
for x, y, p in zip(x_train[first, 0], y_train[first, 0], predicted[first, 0],
                   strict=True):
    print(f"x = {x:5.2f}: y = {y:.2f}, predicted {p:.4f}")

post_iterations = len(post_losses)
post_loss = float(((predicted - y_train) ** 2).sum())  # after the last update
post_w = (w1 * w2).item()
post_error = abs(post_w - w_star) / w_star
print(f"iterations: {post_iterations}")
print(f"loss after them: {post_loss:.4f} (smallest possible {loss_star:.4f})")
print(f"w1*w2 = {post_w:.6f}, w* = {w_star:.6f}, "
      f"relative error {post_error:.2e}")

# %% [markdown]
# The sentences of this page that quote numbers are printed by cells that
# call `say`, defined in the next cell: it shows a sentence as formatted text
# in Jupyter, and prints it when the notebook runs as a plain script.

# %% [markdown] lang="zh"
# 本页正文中引用数字的句子，都由调用 `say` 的单元格打印；`say` 定义在下一个
# 单元格中：它在 Jupyter 中把句子显示为排版后的文本，在笔记本作为普通脚本运行时
# 则直接打印它。

# %%
try:
    from IPython import get_ipython
    from IPython.display import Markdown, display

    in_jupyter = get_ipython() is not None
except ImportError:  # plain Python without IPython installed
    in_jupyter = False


def say(text):
    """Show a sentence whose numbers were just computed."""
    if in_jupyter:
        display(Markdown(text))
    else:
        print(text)


def sci(value, digits=4):
    """A number in LaTeX scientific notation, e.g. 9.417 \\times 10^{-4}."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    power = f"10^{{{int(exponent)}}}"
    return power if float(mantissa) == 1 else f"{mantissa} \\times {power}"


# %% tags=["prose"]
last_printed = post_iterations // 50 * 50
say(f"The post's loop makes {post_iterations} updates, at a learning rate of "
    f"${sci(learning_rate)}$, and prints every 50th loss, the last one at "
    f"iteration {last_printed}. It stops at a loss of {post_loss:.4f}, "
    f"against the least-squares optimum {loss_star:.4f}: the slope "
    f"$w_1 w_2 = {post_w:.4f}$ is {100 * post_error:.1f}% away from "
    f"$w^* = {w_star:.4f}$. The start was close already "
    f"($w_1 w_2 = {start[0] * start[1]:.4f}$), and the updates closed only "
    f"part of the gap.")

# %% tags=["prose"] lang="zh"
# Also computed by the English cell above: this cell runs without it.
last_printed = post_iterations // 50 * 50
say(f"博文的循环以 ${sci(learning_rate)}$ 的学习率做了 {post_iterations} 次"
    f"更新，每 50 次打印一次损失，最后一次打印在第 {last_printed} 次迭代。"
    f"它最终的损失是 {post_loss:.4f}，而最小二乘的最优值是 "
    f"{loss_star:.4f}：斜率 $w_1 w_2 = {post_w:.4f}$ 与 "
    f"$w^* = {w_star:.4f}$ 相差 {100 * post_error:.1f}%。起点本来就已经"
    f"很近（$w_1 w_2 = {start[0] * start[1]:.4f}$），这些更新只缩小了"
    f"一部分差距。")


# %% [markdown]
# How many iterations would the post's learning rate need to get within a
# millionth of $w^*$? The function below repeats the post's update from a
# start, counting, until $w_1 w_2$ is that close to $w^*$. It runs once in
# the post's `float32` and once in `float64`:

# %% [markdown] lang="zh"
# 用博文的学习率，要多少次迭代才能使 $w_1 w_2$ 与 $w^*$ 之差小于 $w^*$
# 的百万分之一？下面的函数从一个起点出发，重复博文的更新并计数，直到 $w_1 w_2$
# 与 $w^*$ 这样接近为止。它在博文的 `float32` 下运行一次，再在 `float64`
# 下运行一次：

# %%
def fit_product(lr, max_steps, dtype=torch.float32, tol=1e-6, start=start):
    """The post's update at rate lr from `start` (w1, w2).

    Runs until w1*w2 is within tol of w* (relative), at most max_steps
    times. Returns the list of (w1, w2) after each update (the start first)
    and whether the tolerance was met. Stops early if an update changes
    nothing.
    """
    w1 = torch.tensor([[start[0]]], dtype=dtype, requires_grad=True)
    w2 = torch.tensor([[start[1]]], dtype=dtype, requires_grad=True)
    X, Y = X_train.to(dtype), Y_train.to(dtype)
    path = [start]
    for _ in range(max_steps):
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
        if path[-1] == path[-2]:  # too small an update to change a weight
            return path, False
    return path, False


path64, met64 = fit_product(learning_rate, 50_000, dtype=torch.float64)
path32, met32 = fit_product(learning_rate, 50_000, dtype=torch.float32)
stuck_error = abs(path32[-1][0] * path32[-1][1] - w_star) / w_star
print(f"float64: within 1e-6 after {len(path64) - 1} iterations: {met64}")
print(f"float32: stuck after {len(path32) - 1} iterations, "
      f"relative error {stuck_error:.2e}: {met32}")

# %% tags=["prose"]
say(f"In `float64` the post's rate needs {len(path64) - 1} iterations, "
    f"{(len(path64) - 1) / post_iterations:.1f} times the {post_iterations} "
    f"it runs. In `float32`, the post's type, it never gets there: after "
    f"{len(path32) - 1} iterations each update, ${sci(learning_rate)}$ times "
    f"a gradient that shrinks with the error, is smaller than half the gap "
    f"between neighbouring `float32` numbers near $w_1$ and $w_2$. The "
    f"weights stop changing, and the slope stays {stuck_error:.1e} away from "
    f"$w^*$ (relative), however long the loop runs.")

# %% tags=["prose"] lang="zh"
say(f"在 `float64` 下，博文的学习率需要 {len(path64) - 1} 次迭代，是它实际"
    f"运行的 {post_iterations} 次的 "
    f"{(len(path64) - 1) / post_iterations:.1f} 倍。在博文使用的 `float32` "
    f"下，它永远到不了：{len(path32) - 1} 次迭代之后，每次更新"
    f"（${sci(learning_rate)}$ 乘以随误差减小的梯度）都小于 $w_1$ 和 $w_2$ "
    f"附近相邻两个 `float32` 数之间间距的一半。权重不再变化，"
    f"无论循环运行多久，斜率与 $w^*$ 的相对差距都停在 {stuck_error:.1e}。")

# %% [markdown]
# ### Is seed 0 a typical start?
#
# A reader who runs the post's code gets another start every time. Running
# the post's loop from the starts of other seeds shows what a typical run
# gives:

# %% [markdown] lang="zh"
# ### 种子 0 的起点有代表性吗？
#
# 运行博文代码的读者每次都会得到不同的起点。从其他种子给出的起点运行博文的
# 循环，可以看出一次典型的运行会得到什么：

# %%
def post_run(seed):
    """The post's loop from the start that torch.manual_seed(seed) draws."""
    torch.manual_seed(seed)
    seed_start = (torch.rand(1, 1).item(), torch.rand(1, 1).item())
    path, _ = fit_product(learning_rate, post_iterations, tol=0.0,
                          start=seed_start)
    w = path[-1][0] * path[-1][1]
    return loss_one_weight(w), abs(w - w_star) / w_star


def loss_one_weight(w):
    """J(w), the one-weight cost of the gradient-descent page, in float64."""
    return ((X64 * w - Y64) ** 2).sum().item()


seeds = range(1, 51)
runs = np.array([post_run(seed) for seed in seeds])
final_losses, final_errors = runs[:, 0], runs[:, 1]
print(f"seeds {seeds.start} to {seeds.stop - 1}: final loss median "
      f"{np.median(final_losses):.2f}, "
      f"from {final_losses.min():.2f} to {final_losses.max():.1f}")
print(f"runs within 2% of w*: {np.sum(final_errors <= 0.02)} "
      f"of {len(seeds)}")

# %% tags=["prose"]
near = int(np.sum(final_errors <= 0.02))
say(f"Seed 0 is a lucky start: it ends {100 * post_error:.1f}% from $w^*$. "
    f"Over seeds {seeds.start} to {seeds.stop - 1} the median final loss is "
    f"{np.median(final_losses):.2f} (from {final_losses.min():.2f} to "
    f"{final_losses.max():.1f}), against the optimum {loss_star:.4f}, and "
    f"{'none' if near == 0 else near} of the {len(seeds)} runs ends within "
    f"2% of $w^*$. A typical run of the post's code stops far from the best "
    f"line.")

# %% tags=["prose"] lang="zh"
# Also computed by the English cell above: this cell runs without it.
near = int(np.sum(final_errors <= 0.02))
say(f"种子 0 是一个幸运的起点：它最后与 $w^*$ 相差 {100 * post_error:.1f}%。"
    f"在种子 {seeds.start} 到 {seeds.stop - 1} 上，最终损失的中位数是 "
    f"{np.median(final_losses):.2f}（从 {final_losses.min():.2f} 到 "
    f"{final_losses.max():.1f}），而最优值是 {loss_star:.4f}；这 "
    f"{len(seeds)} 次运行中"
    f"{'没有一次' if near == 0 else f'有 {near} 次'}停在与 $w^*$ 相差 2% "
    f"以内的地方。博文代码的一次典型运行会停在离最佳直线很远的地方。")

# %% [markdown]
# ## Two weights that act as one
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

# %% [markdown] lang="zh"
# ## 两个权重，作用如同一个
#
# 这个“隐藏层”（hidden layer）没有激活函数（activation function），
# 所以网络计算的是 $\hat y_i = x_i w_1 w_2$：两个权重只以乘积 $w = w_1 w_2$
# 的形式出现，损失就是梯度下降一节中单个权重的代价函数（cost function）$J$
# 在这个乘积处的值：
#
# $$L(w_1, w_2) = \sum_i (w_1 w_2 x_i - y_i)^2 = J(w_1 w_2).$$
#
# 没有激活函数的隐藏层，做不到任何单个权重做不到的事：线性映射的乘积仍是一个
# 线性映射。在随机的点上检验一下：

# %%
def loss_product(w1, w2):
    """L(w1, w2), the post's loss, in float64."""
    return ((X64 * w1 * w2 - Y64) ** 2).sum().item()


generator = torch.Generator().manual_seed(1)
pairs = torch.rand(5, 2, generator=generator, dtype=torch.float64) * 4 - 2
for a, b in pairs.tolist():
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
# - **A step bound that depends on where you are.** The Hessian, the 2×2
#   matrix of second derivatives, tells how sharply the loss curves in each
#   direction. On the valley it is $2S\,(w_2, w_1)^\top (w_2, w_1)$. Its
#   eigenvalues are the curvatures along its two main directions: $0$ along
#   the valley, and $2 S (w_1^2 + w_2^2)$ across it. As on the
#   gradient-descent page, a step is stable while $\eta$ is below two over
#   the curvature, here
#   $\eta < 1 / (S (w_1^2 + w_2^2)) = \eta_{\max} / (w_1^2 + w_2^2)$, with
#   $\eta_{\max} = 1/S$ the one-weight bound.
#
# Checked with autograd's Hessian, at the origin and at the point of the
# valley nearest the start. That point $(a, b)$, with $ab = w^*$, makes the
# squared distance $(a - w_1)^2 + (w^*/a - w_2)^2$ smallest: setting its
# derivative with respect to $a$ to zero gives a polynomial of degree four
# in $a$, whose roots `numpy.roots` finds.

# %% [markdown] lang="zh"
# 乘积真正改变的是损失曲面的形状。记 $S = \sum_i x_i^2$，单个权重的代价函数是
# 一条抛物线，$J(w) = S (w - w^*)^2 + J(w^*)$，所以
#
# $$L(w_1, w_2) = S\,(w_1 w_2 - w^*)^2 + J(w^*).$$
#
# - **是一条谷，而不是一个点。** 双曲线 $w_1 w_2 = w^*$ 上的每个 $(w_1, w_2)$
#   都是极小值点：没有唯一的最佳组合。
# - **原点是一个鞍点。** 在 $w_1 = w_2 = 0$ 处，两个偏导数（partial
#   derivative）$2 S (w_1 w_2 - w^*) w_2$ 和 $2 S (w_1 w_2 - w^*) w_1$
#   都为零，但损失沿 $w_1 = w_2$ 下降，沿 $w_1 = -w_2$ 上升。从零权重出发，
#   梯度下降永远不会移动。
# - **步长上界取决于所在的位置。** 黑塞矩阵（Hessian，也作海森矩阵）
#   是由二阶导数构成的 2×2 矩阵，它描述损失在各个方向上弯曲的程度。在谷上，
#   它等于 $2S\,(w_2, w_1)^\top (w_2, w_1)$。它的特征值（eigenvalue）
#   是沿它两个主方向的曲率：沿谷的方向为 $0$，横穿谷的方向为
#   $2 S (w_1^2 + w_2^2)$。与梯度下降一节一样，只要 $\eta$ 小于 2
#   除以曲率，一步就是稳定的，这里即
#   $\eta < 1 / (S (w_1^2 + w_2^2)) = \eta_{\max} / (w_1^2 + w_2^2)$，其中
#   $\eta_{\max} = 1/S$ 是单个权重时的上界。
#
# 下面用自动求导（autograd）算出的黑塞矩阵来检验，检验的位置是原点和谷上离起点
# 最近的点。这个点 $(a, b)$ 满足 $ab = w^*$，并使距离的平方
# $(a - w_1)^2 + (w^*/a - w_2)^2$ 最小：令它对 $a$ 的导数为零，得到一个关于 $a$
# 的四次多项式，再用 `numpy.roots` 求出它的根。

# %%
def hessian(a, b):
    """The 2x2 Hessian of L at (w1, w2) = (a, b), computed by autograd."""
    point = torch.tensor([a, b], dtype=torch.float64)
    return torch.autograd.functional.hessian(
        lambda w: ((X64 * w[0] * w[1] - Y64) ** 2).sum(), point)


def nearest_on_valley(w1, w2):
    """The point (a, w*/a) of the valley nearest (w1, w2)."""
    # d/da [(a - w1)^2 + (w*/a - w2)^2] = 0, times a^3 / 2:
    roots = np.roots([1, -w1, 0, w2 * w_star, -w_star**2])
    real = [r.real for r in roots if abs(r.imag) < 1e-12 and r.real != 0]
    return min(((a, w_star / a) for a in real),
               key=lambda p: (p[0] - w1) ** 2 + (p[1] - w2) ** 2)


valley = nearest_on_valley(*start)
origin_eigenvalues = torch.linalg.eigvalsh(hessian(0.0, 0.0)).tolist()
valley_eigenvalues = torch.linalg.eigvalsh(hessian(*valley)).tolist()
norm2 = valley[0] ** 2 + valley[1] ** 2
print(f"origin: eigenvalues {origin_eigenvalues[0]:.4f}, "
      f"{origin_eigenvalues[1]:.4f}")
print(f"    against +-2 S w* = {2 * sum_xx * w_star:.4f}")
print(f"nearest valley point ({valley[0]:.4f}, {valley[1]:.4f}): "
      f"eigenvalues {abs(valley_eigenvalues[0]):.4f}, "
      f"{valley_eigenvalues[1]:.4f}")
print(f"    against 0 and 2 S (w1^2 + w2^2) = {2 * sum_xx * norm2:.4f}")
lr_bound = eta_max / norm2
print(f"largest stable step there: eta_max / (w1^2 + w2^2) = {lr_bound:.4e}")

# %% [markdown]
# ## The fix: a learning rate from the bound
#
# On the gradient-descent page, the one-weight cost reaches $w^*$ in a single
# step at $\eta^* = \eta_{\max}/2$, half the largest stable rate. Across the
# valley the product model behaves like one weight whose rate is multiplied
# by $w_1^2 + w_2^2$, so the matching rate is
# $\eta_{\max} / (2 (w_1^2 + w_2^2))$, with $w_1^2 + w_2^2$ taken at the
# start. The same loop, from the same start, with only the learning rate
# changed:

# %% [markdown] lang="zh"
# ## 修正：根据上界选择学习率
#
# 在梯度下降一节中，单个权重的代价函数在 $\eta^* = \eta_{\max}/2$（最大稳定
# 学习率的一半）下一步就能到达 $w^*$。在横穿谷的方向上，乘积模型的表现就像一个
# 学习率被乘以 $w_1^2 + w_2^2$ 的单个权重，所以与之对应的学习率是
# $\eta_{\max} / (2 (w_1^2 + w_2^2))$，其中 $w_1^2 + w_2^2$ 取起点处的值。
# 下面是同样的循环，从同样的起点出发，只改变学习率：

# %%
lr_tuned = eta_max / (2 * (start[0] ** 2 + start[1] ** 2))
path_tuned, met_tuned = fit_product(lr_tuned, 100)
tuned_iterations = len(path_tuned) - 1
tuned_w = path_tuned[-1][0] * path_tuned[-1][1]
tuned_error = abs(tuned_w - w_star) / w_star
print(f"learning rate {lr_tuned:.4e} "
      f"({lr_tuned / learning_rate:.0f} times the post's)")
for step, (a, b) in enumerate(path_tuned):
    error = abs(a * b - w_star) / w_star
    # Below a millionth the digits are float32's rounding, not the method's.
    shown = f"{error:.1e}" if error > 1e-6 else "below 1e-6"
    print(f"iteration {step}: w1 = {a:.4f}, w2 = {b:.4f}, "
          f"relative error {shown}")
print(f"within 1e-6 of w* after {tuned_iterations} iterations: {met_tuned}")
landing_gap = max(abs(path_tuned[-1][0] - valley[0]),
                  abs(path_tuned[-1][1] - valley[1]))
print(f"lands {landing_gap:.0e} from the nearest valley point")

# %% [markdown]
# The rate is about half the bound at the valley: below it, so every step is
# stable, and close to the rate that lands in one step, so each step removes
# nearly all of the remaining error. Each of the post's steps removed only a
# tiny part of it.
# The rate does not need to be exact: anything comfortably below the bound
# converges, more slowly the further below it is. The loop lands close to the
# point of the valley nearest the start, because each step goes straight
# across the valley: the gradient, $2 S (w_1 w_2 - w^*) (w_2, w_1)$, is at
# right angles to the contours.
#
# Here is the loss at every iteration, for the post's rate and the tuned one.
# The loss itself is close to $J(w^*)$ from the start, so the figure shows how
# far above it each run is, $L - J(w^*) = S (w_1 w_2 - w^*)^2$, on a log
# scale:
#
# <!-- alt: The loss minus its minimum against the iteration, on a log scale:
# the post's learning rate falls slowly over all its iterations, the tuned one
# falls by many powers of ten in a few. -->

# %% [markdown] lang="zh"
# 这个学习率约为谷上上界的一半：低于上界，所以每一步都是稳定的；又接近一步就能
# 到位的学习率，所以每一步都几乎消除了剩下的全部误差。博文的每一步只消除了其中
# 很小的一部分。
# 学习率不必很精确：明显低于上界的任何值都会收敛（converge），只是低得越多，
# 收敛越慢。循环落在谷上离起点最近的点附近，因为每一步都径直横穿谷：梯度
# $2 S (w_1 w_2 - w^*) (w_2, w_1)$ 与等高线垂直。
#
# 下面是博文的学习率和调好的学习率在每次迭代时的损失。损失本身从一开始就接近
# $J(w^*)$，所以图中画的是每次运行比它高出多少，即
# $L - J(w^*) = S (w_1 w_2 - w^*)^2$，纵轴为对数坐标：
#
# <!-- alt: 损失减去其最小值随迭代次数的变化，纵轴为对数坐标：博文学习率的曲线
# 在全部迭代中下降缓慢，调好的学习率的曲线几步之内就下降了许多个数量级。 -->

# %% figure="one_neuron_loss"
def draw_loss(narrow=False):
    """The two runs' excess loss; narrow is the layout for phones."""
    size = (4, 3.4) if narrow else (6.4, 4)
    fig = plt.figure(figsize=size, layout="constrained")
    ax = fig.subplots()
    runs = [(f"post's rate, $\\eta = {sci(learning_rate)}$",
             path32[:post_iterations + 1]),
            (f"tuned rate, $\\eta = {sci(lr_tuned)}$", path_tuned)]
    for label, path in runs:
        w = np.array([a * b for a, b in path])
        ax.semilogy(np.arange(len(w)), sum_xx * (w - w_star) ** 2, "o-",
                    markersize=3, markevery=max(1, len(w) // 20),
                    label=label)
    ax.set_xscale("symlog", linthresh=10)
    ax.set_xlabel("iteration")
    ax.set_ylabel("$L - J(w^*)$ (log scale)")
    ax.legend()
    return fig


fig = draw_loss()  # Jupyter shows it below the cell

# %% [markdown]
# And the same two runs on the loss surface. In the first panel, the whole
# landscape: the two branches of the valley $w_1 w_2 = w^*$, the saddle at the
# origin, and the seeded start. In the second, a close-up of the start: the
# post's steps creep towards the valley, the tuned steps land on it.
#
# <!-- alt: Contours of the loss over (w1, w2): a valley along the hyperbola
# w1 w2 = w*, a saddle at the origin, and in a close-up the post's short path
# and the tuned path from the same start. -->

# %% [markdown] lang="zh"
# 再看同样的两次运行在损失曲面上的样子。第一幅图是整体的地形：谷
# $w_1 w_2 = w^*$ 的两支、原点处的鞍点，以及设定种子后的起点。第二幅图是起点
# 附近的放大图：博文的各步缓慢地向谷靠近，调好学习率后的各步则直接落在谷上。
#
# <!-- alt: 损失在 (w1, w2) 平面上的等高线：一条沿双曲线 w1 w2 = w*
# 的谷，原点处的一个鞍点；放大图中是从同一起点出发的博文的短路径和调好学习率的
# 路径。 -->

# %% figure="one_neuron_landscape"
def draw_landscape(narrow=False):
    """Two panels side by side, or stacked when narrow (for phones)."""
    size, grid = ((4.2, 8.4), (2, 1)) if narrow else ((9.6, 4.4), (1, 2))
    fig = plt.figure(figsize=size, layout="constrained")
    wide, close = fig.subplots(*grid)

    def surface(ax, lo1, hi1, lo2, hi2, levels):
        a, b = np.meshgrid(np.linspace(lo1, hi1, 241),
                           np.linspace(lo2, hi2, 241))
        # L = S (w1 w2 - w*)^2 + J(w*): it depends only on the product
        ax.contour(a, b, sum_xx * (a * b - w_star) ** 2 + loss_star,
                   levels=levels, colors="C6", linewidths=0.6)
        w1 = np.linspace(lo1, hi1, 400)
        w1 = w1[np.abs(w1) > 1e-3]
        inside = (w_star / w1 >= lo2) & (w_star / w1 <= hi2)
        ax.plot(w1, np.where(inside, w_star / w1, np.nan), "--", color="C2",
                label="valley $w_1 w_2 = w^*$")
        ax.set_xlim(lo1, hi1)
        ax.set_ylim(lo2, hi2)
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")

    surface(wide, -1.5, 1.5, -1.5, 1.5,
            levels=np.geomspace(loss_star + 1, loss_star + 2000, 12))
    wide.plot([0], [0], "X", color="C3", markersize=8, label="saddle")
    wide.plot([start[0]], [start[1]], "o", color="C0", label="start")
    wide.set_aspect("equal")
    wide.legend(loc="lower right")

    box = 0.025
    errors = w_star * np.linspace(0.01, 0.2, 8)  # contours 1% to 20% off w*
    surface(close, start[0] - box, start[0] + 1.5 * box,
            start[1] - box, start[1] + 1.5 * box,
            levels=loss_star + sum_xx * errors**2)
    runs = [(path32[:post_iterations + 1], "post's rate", "C0"),
            (path_tuned, f"tuned rate, {tuned_iterations} steps", "C1")]
    for path, label, color in runs:
        a, b = np.array(path).T
        close.plot(a, b, "o-", color=color, markersize=3,
                   markevery=max(1, len(a) // 10), label=label)
    close.set_aspect("equal")
    close.legend(loc="lower left")
    return fig


fig = draw_landscape()

# %% [markdown]
# Try any learning rate and any start: drag the start point (or focus it and
# use the arrow keys), and set the rate with the slider, the field or a
# button. The explorer runs `fit_product` in your browser, in `float64`, with
# the gradients computed as autograd computes them. It draws the path, gives
# the step bound $\eta_{\max} / (w_1^2 + w_2^2)$ at the start, and counts the
# steps until $w_1 w_2$ is within a millionth of $w^*$.
#
# <div class="explorer" data-kind="two-weights"
#      data-values="one_neuron_fit.explorer">
# <p>The explorer runs on the site's page of this notebook.</p>
# </div>

# %% [markdown] lang="zh"
# 试试任意学习率和任意起点：拖动起点（或者让它获得焦点后用方向键移动），
# 再用滑块、输入框或按钮设置学习率。这个演示在浏览器里以 `float64` 运行
# `fit_product`，梯度的算法与自动求导相同。它画出路径，给出起点处的步长上界
# $\eta_{\max} / (w_1^2 + w_2^2)$，并数出直到 $w_1 w_2$ 与 $w^*$
# 之差小于 $w^*$ 的百万分之一所需的步数。
#
# <div class="explorer" data-kind="two-weights"
#      data-values="one_neuron_fit.explorer">
# <p>这个演示在本笔记本的网站页面上运行。</p>
# </div>

# %% [markdown]
# ## The same fit three ways
#
# The tuned loop is one way to get the slope. PyTorch's own tools are
# another:
#
# - `nn.Linear(1, 1, bias=False)` is a layer with one input, one output and
#   one weight, and no intercept: `model(x)` computes $x w$. It is the honest
#   form of the post's model, whose two weights act as one.
# - `torch.optim.SGD(model.parameters(), lr=...)` is the update rule:
#   `optimizer.step()` does `w -= lr * w.grad` for every parameter, and
#   `optimizer.zero_grad()` clears the gradients (by setting them to `None`).
# - The loss must be the post's sum of squares: `nn.MSELoss()` averages by
#   default, which would divide the gradient, and so the effective rate, by
#   the number of points.
#
# With one weight, the rate $\eta_{\max}/2$ reaches $w^*$ in one step. The
# third way is the closed form, `torch.linalg.lstsq`, computed above.

# %% [markdown] lang="zh"
# ## 同一个拟合的三种做法
#
# 调好学习率的循环是得到斜率的一种做法，PyTorch 自带的工具是另一种：
#
# - `nn.Linear(1, 1, bias=False)` 是一个层，有一个输入、一个输出和一个权重，
#   没有截距（intercept）：`model(x)` 计算 $x w$。博文模型的两个权重本来就起
#   一个权重的作用，这才是它如实的写法。
# - `torch.optim.SGD(model.parameters(), lr=...)` 是更新规则（update
#   rule）：`optimizer.step()` 对每个参数执行
#   `w -= lr * w.grad`，`optimizer.zero_grad()` 清除梯度（做法是把它们设为
#   `None`）。
# - 损失必须是博文的平方和：`nn.MSELoss()` 默认取平均，这会把梯度、
#   从而把实际的学习率除以点的个数。
#
# 只有一个权重时，学习率 $\eta_{\max}/2$ 一步就能到达 $w^*$。第三种做法是闭式解
# （closed form），即上面已经算过的 `torch.linalg.lstsq`。

# %%
torch.manual_seed(0)
model = nn.Linear(1, 1, bias=False)
optimizer = torch.optim.SGD(model.parameters(), lr=eta_max / 2)
loss_fn = nn.MSELoss(reduction="sum")  # the post's sum, not the mean
for sgd_iterations in range(1, 101):
    optimizer.zero_grad()
    loss_fn(model(X_train), Y_train).backward()
    optimizer.step()
    if abs(model.weight.item() - w_star) <= 1e-6 * w_star:
        break
sgd_w = model.weight.item()

fits = {"manual loop, tuned rate": tuned_w,
        "nn.Linear + optim.SGD": sgd_w,
        "torch.linalg.lstsq": w_star}
for name, w in fits.items():
    within = abs(w - w_star) <= 1e-6 * w_star
    print(f"{name:24} w = {w:.6f}  within 1e-6 of w*: {within}")
print(f"SGD iterations: {sgd_iterations}")
# The gap between w* and the next float32 number, relative to w*.
resolution = float(np.spacing(np.float32(w_star))) / w_star
print(f"float32 resolution near w*: {resolution:.1e} (relative)")

# %% tags=["prose"]
say(f"The three agree to the tolerance, a millionth of $w^*$: the manual loop "
    f"stopped as soon as it got there, after {tuned_iterations} iterations, "
    f"and `optim.SGD` on a single weight lands on $w^*$ in "
    f"{sgd_iterations}, to within the rounding of `float32`, whose numbers "
    f"near $w^*$ are {resolution:.1e} of it apart.")

# %% tags=["prose"] lang="zh"
say(f"三种做法在容差（tolerance）以内一致，容差是 $w^*$ 的百万分之一：手写的"
    f"循环一到达就停下，用了 {tuned_iterations} 次迭代；单个权重上的 "
    f"`optim.SGD` 用 {sgd_iterations} 次迭代就落在 $w^*$ 上，误差不超过 "
    f"`float32` 的舍入，而 $w^*$ 附近相邻 `float32` 数的间距是它的 "
    f"{resolution:.1e}。")

# %% [markdown]
# ## With an intercept
#
# The post forces the line through the origin "to simplify the problem", but
# the points do not lie along such a line: at $x = 0$ they would be well
# above zero. A line $\hat y = a x + b$ needs one more column in the
# least-squares problem, a column of ones for the intercept $b$:

# %% [markdown] lang="zh"
# ## 加上截距
#
# 博文“为了简化问题”，让直线强制通过原点，但这些点并不沿着这样的直线分布：在
# $x = 0$ 处它们会明显高于零。直线 $\hat y = a x + b$ 需要在最小二乘问题中多加
# 一列，即对应截距 $b$ 的、全为 1 的一列：

# %%
A64 = torch.cat([X64, torch.ones_like(X64)], dim=1)
solution = torch.linalg.lstsq(A64, Y64).solution
slope, intercept = solution.ravel().tolist()
loss_intercept = (A64 @ solution - Y64).pow(2).sum().item()
print(f"y = {slope:.4f} x + {intercept:.4f}: loss {loss_intercept:.4f}")
print(f"through the origin, y = {w_star:.4f} x: loss {loss_star:.4f}")

# %% [markdown]
# Gradient descent gets there too, with `nn.Linear(1, 1)` and its bias, but
# more slowly. With two parameters the bound is set by the largest eigenvalue
# of $A^\top A$ instead of $\sum_i x_i^2$, and the number of steps by the
# ratio of the largest to the smallest eigenvalue. The rate
# $1/(\lambda_{\max} + \lambda_{\min})$ is the best fixed rate for this cost.
# It runs in `float64`, because `float32` stalls long before a millionth, as
# we saw above:

# %% [markdown] lang="zh"
# 梯度下降也能到达那里，用带偏置（bias）的 `nn.Linear(1, 1)`，只是更慢。
# 有两个参数时，上界由 $A^\top A$ 的最大特征值而不是 $\sum_i x_i^2$
# 决定，步数则由最大特征值与最小特征值之比决定。学习率
# $1/(\lambda_{\max} + \lambda_{\min})$ 是这个代价函数的最佳固定学习率。它在
# `float64` 下运行，因为正如上面所见，`float32` 远在达到百万分之一之前就
# 停滞了：

# %%
eigenvalues = torch.linalg.eigvalsh(A64.T @ A64).tolist()
ratio = eigenvalues[1] / eigenvalues[0]
lr_intercept = 1 / (eigenvalues[0] + eigenvalues[1])
torch.manual_seed(0)
line = nn.Linear(1, 1).double()
optimizer = torch.optim.SGD(line.parameters(), lr=lr_intercept)
for line_iterations in range(1, 20_001):
    optimizer.zero_grad()
    loss_fn(line(X64), Y64).backward()
    optimizer.step()
    errors = [abs(line.weight.item() - slope) / abs(slope),
              abs(line.bias.item() - intercept) / abs(intercept)]
    if max(errors) <= 1e-6:
        break
print(f"eigenvalues of A^T A: {eigenvalues[0]:.4f}, {eigenvalues[1]:.4f} "
      f"(ratio {ratio:.0f})")
print(f"lr = {lr_intercept:.4e}: slope {line.weight.item():.4f}, "
      f"intercept {line.bias.item():.4f} after {line_iterations} iterations")

# %% tags=["prose"]
say(f"The line with an intercept, "
    f"$\\hat y = {slope:.4f}\\,x + {intercept:.4f}$, has a loss of "
    f"{loss_intercept:.4f}, {100 * (1 - loss_intercept / loss_star):.0f}% "
    f"below the best line through the origin ({loss_star:.4f}). Gradient "
    f"descent needs {line_iterations} iterations for it, because the "
    f"eigenvalues differ by a factor of {ratio:.0f}.")

# %% tags=["prose"] lang="zh"
say(f"带截距的直线 $\\hat y = {slope:.4f}\\,x + {intercept:.4f}$ 的损失是 "
    f"{loss_intercept:.4f}，比过原点的最佳直线（{loss_star:.4f}）低 "
    f"{100 * (1 - loss_intercept / loss_star):.0f}%。梯度下降需要 "
    f"{line_iterations} 次迭代才能得到它，因为两个特征值相差 "
    f"{ratio:.0f} 倍。")

# %% [markdown]
# All the lines on the points: the post's, after its loop; the tuned loop's;
# the closed form through the origin, which the tuned line overlaps; and the
# line with an intercept.
#
# <!-- alt: The post's points with four fitted lines: three through the origin
# (the post's, the tuned loop's and the closed form, nearly on top of each
# other) and the flatter line with an intercept, which starts higher. -->

# %% [markdown] lang="zh"
# 把所有直线画在这些点上：博文循环结束后的直线；调好学习率的循环得到的直线；
# 过原点的闭式解，调好的直线与它重合；以及带截距的直线。
#
# <!-- alt: 博文的点和四条拟合直线：三条过原点（博文的、调好学习率的循环的和
# 闭式解的，几乎重叠在一起），另一条是带截距的直线，更平缓，起点更高。 -->

# %% figure="one_neuron_lines"
def draw_lines(narrow=False):
    """The fitted lines on the points; narrow is the layout for phones."""
    size = (4, 4.6) if narrow else (6.4, 4)
    fig = plt.figure(figsize=size, layout="constrained")
    ax = fig.subplots()
    grid = np.linspace(0, 10.5, 2)
    ax.plot(x_train.ravel(), y_train.ravel(), "o", label="the post's points")
    lines = [("-", "post's loop", post_w),
             ("--", "tuned loop", tuned_w),
             (":", "closed form", w_star)]
    for style, name, w in lines:
        ax.plot(grid, w * grid, style, label=f"{name}: $y$ = {w:.4f} $x$")
    ax.plot(grid, slope * grid + intercept, "-.",
            label=f"with intercept: $y$ = {slope:.4f} $x$ + {intercept:.4f}")
    ax.set_xlim(0, 10.5)
    ax.set_ylim(0, 4.5)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    if narrow:  # below the plot: on a small figure it would cover the lines
        fig.legend(loc="outside lower center")
    else:
        ax.legend(loc="upper left")
    return fig


fig = draw_lines()

# %% [markdown]
# ## Summary

# %% [markdown] lang="zh"
# ## 小结

# %% tags=["prose"]
say(f"Measured on this run (seed 0, PyTorch {torch.__version__}): the post's "
    f"loop, {post_iterations} iterations at "
    f"$\\eta = {sci(learning_rate)}$, ends at a loss of {post_loss:.4f} with "
    f"$w_1 w_2 = {post_w:.6f}$. The least-squares optimum is "
    f"$w^* = {w_star:.6f}$ with a loss of {loss_star:.6f}. The rate from the "
    f"bound, $\\eta = {sci(lr_tuned)}$, reaches $w^*$ within a millionth "
    f"(relative) in {tuned_iterations} iterations, where the post's rate "
    f"would need {len(path64) - 1} in `float64` and never gets there in "
    f"`float32`.")

# %% tags=["prose"] lang="zh"
say(f"本次运行的测量结果（种子 0，PyTorch {torch.__version__}）：博文的循环"
    f"以 $\\eta = {sci(learning_rate)}$ 迭代 {post_iterations} 次，最终损失为 "
    f"{post_loss:.4f}，$w_1 w_2 = {post_w:.6f}$。最小二乘的最优解是 "
    f"$w^* = {w_star:.6f}$，损失为 {loss_star:.6f}。根据上界选出的学习率 "
    f"$\\eta = {sci(lr_tuned)}$ 只需 {tuned_iterations} 次迭代就使相对误差"
    f"小于百万分之一，而博文的学习率在 `float64` 下需要 {len(path64) - 1} "
    f"次，在 `float32` 下永远达不到。")

# %% [markdown]
# - Two weights that only appear as a product act as one weight: the loss is
#   the one-weight cost of their product, with a valley of minima and a
#   saddle at the origin.
# - The step bound across the valley is $\eta_{\max} / (w_1^2 + w_2^2)$; half
#   of it, taken at the start, lands near the valley in a few steps.
# - In `float32`, a learning rate that is too small does not only slow the
#   fit down: the updates end up below the rounding of the weights, and the
#   fit stops short.
# - `nn.Linear`, `nn.MSELoss(reduction="sum")` and `optim.SGD` make the same
#   update as the hand-written loop.
#
# Next: why the fit with an intercept needs thousands of steps, and how
# scaling the input brings that down to one, is on the page
# [Beyond the post: faster descent](beyond-the-post.md#feature-scaling);
# the standard training loop and mini-batches are on
# [Beyond the post: training in PyTorch](training-in-pytorch.md).

# %% [markdown] lang="zh"
# - 只以乘积形式出现的两个权重，作用如同一个权重：损失就是单权重代价函数在它们
#   乘积处的值，有一条由极小值构成的谷，原点处有一个鞍点。
# - 横穿谷的步长上界是 $\eta_{\max} / (w_1^2 + w_2^2)$；在起点处取它的一半，
#   几步之内就会落到谷附近。
# - 在 `float32` 下，太小的学习率不只是让拟合变慢：更新最终会小于权重的舍入
#   误差，拟合还没到达就停住了。
# - `nn.Linear`、`nn.MSELoss(reduction="sum")` 和 `optim.SGD` 所做的更新与手写
#   的循环相同。
#
# 下一步：带截距的拟合为什么需要几千步，以及缩放输入如何把它降到一步，见
# [博文之外：更快的梯度下降](beyond-the-post.md#feature-scaling)；标准的训练
# 循环与小批量，见[博文之外：用 PyTorch 训练](training-in-pytorch.md)。

# %% [markdown]
# ## Exercises
#
# Try each one before you open its solution. The solutions run when the site
# is built, like every other cell.
#
# **1. The missing update.** The post's comment promises one more iteration
# than its loop makes. Run its update with `range(1000)` instead of
# `range(1, 1000)`, from the same start: how many updates is that, and what
# is the loss after them?

# %% [markdown] lang="zh"
# ## 练习
#
# 先自己做每一道题，再打开它的解答。和其他单元格一样，解答在构建网站时运行。
#
# **1. 少掉的那次更新。** 博文的注释说的迭代次数，比循环实际做的多一次。
# 从同一起点出发，用 `range(1000)` 代替 `range(1, 1000)` 运行它的更新：
# 这是多少次更新？更新之后的损失是多少？

# %% tags=["solution"]
path_1000, _ = fit_product(learning_rate, 1000, tol=0.0)
w_1000 = path_1000[-1][0] * path_1000[-1][1]
print(f"updates: {len(path_1000) - 1}, "
      f"loss after them: {loss_one_weight(w_1000):.4f}")

# %% [markdown] tags=["solution"]
# One more update leaves the loss the same to four decimals: the post's
# learning rate, not the missing iteration, is what keeps the fit far from
# $w^*$.

# %% [markdown] tags=["solution"] lang="zh"
# 多一次更新，损失在四位小数内没有变化：让拟合远离 $w^*$ 的是博文的学习率，
# 而不是少掉的那次迭代。

# %% [markdown]
# **2. Start at zero.** Predict, then run: start the update from
# $w_1 = w_2 = 0$ at the tuned rate. Where are the weights after ten steps?

# %% [markdown] lang="zh"
# **2. 从零出发。** 先预测，再运行：以调好的学习率从 $w_1 = w_2 = 0$
# 开始更新。十步之后权重在哪里？

# %% tags=["solution"]
path_zero, _ = fit_product(lr_tuned, 10, tol=0.0, start=(0.0, 0.0))
print(f"after {len(path_zero) - 1} step(s): w1, w2 = {path_zero[-1]}")

# %% [markdown] tags=["solution"]
# They do not move. At the saddle both partial derivatives are zero, so every
# update is zero, and `fit_product` stops after the first step because it
# changed nothing. This is why networks are not started from all-zero
# weights.

# %% [markdown] tags=["solution"] lang="zh"
# 它们不会移动。在鞍点处两个偏导数都为零，所以每次更新都是零；`fit_product`
# 在第一步之后就停止，因为这一步什么也没有改变。这就是网络不从全零权重开始训练
# 的原因。

# %% [markdown]
# **3. The same rate, somewhere else.** The start `far = (2.0, 0.2)` has
# about the same product $w_1 w_2$ as the seeded start, so it is about as
# close to the valley. Predict from the step bound whether the tuned rate
# still converges from there, then run a few steps.

# %% [markdown] lang="zh"
# **3. 同样的学习率，换一个地方。** 起点 `far = (2.0, 0.2)` 的乘积 $w_1 w_2$
# 与设定种子后的起点差不多，所以它离谷也差不多近。先根据步长上界预测调好的
# 学习率从那里出发是否仍然收敛，再运行几步。

# %% tags=["solution"]
far = (2.0, 0.2)
bound_far = eta_max / (far[0] ** 2 + far[1] ** 2)
print(f"tuned rate / bound at {far}: {lr_tuned / bound_far:.2f}")
path_far, _ = fit_product(lr_tuned, 6, tol=0.0, start=far)
for step, (a, b) in enumerate(path_far):
    print(f"iteration {step}: relative error "
          f"{abs(a * b - w_star) / w_star:.1e}")

# %% [markdown] tags=["solution"]
# The tuned rate is more than twice the bound there, so each step overshoots
# the valley by more than the last, and the error grows. A learning rate that
# is safe at one point of a loss surface need not be safe at another.

# %% [markdown] tags=["solution"] lang="zh"
# 在那里，调好的学习率是上界的两倍多，所以每一步越过谷的距离都比上一步更大，
# 误差不断增长。在损失曲面上一个点安全的学习率，在另一个点不一定安全。

# %% [markdown]
# **4. The mean instead of the sum.** `nn.MSELoss()` with its default
# `reduction="mean"` divides the loss, and so the gradient, by the number of
# points. Which learning rate then makes `optim.SGD` land on $w^*$ in one
# step? Check it.

# %% [markdown] lang="zh"
# **4. 用平均代替求和。** `nn.MSELoss()` 的默认设置 `reduction="mean"`
# 会把损失、从而把梯度除以点的个数。这时用什么学习率，`optim.SGD` 才能一步落在
# $w^*$ 上？验证一下。

# %% tags=["solution"]
n_points = len(X_train)
torch.manual_seed(0)
model_mean = nn.Linear(1, 1, bias=False)
optimizer_mean = torch.optim.SGD(model_mean.parameters(),
                                 lr=n_points * eta_max / 2)
optimizer_mean.zero_grad()
nn.MSELoss()(model_mean(X_train), Y_train).backward()
optimizer_mean.step()
w_mean = model_mean.weight.item()
print(f"lr = {n_points} * eta_max / 2 = {n_points * eta_max / 2:.4e}: "
      f"w = {w_mean:.6f}, within 1e-6 of w*: "
      f"{abs(w_mean - w_star) <= 1e-6 * w_star}")

# %% [markdown]
# **5. Why `float32` stops.** At the point where the `float32` run stalls,
# compare the size of each weight's update at the post's rate with the gap
# between that weight and the next `float32` number. What has to be true for
# an update to change a number?

# %% [markdown] lang="zh"
# **5. `float32` 为什么会停住。** 在 `float32` 运行停滞的那个点上，
# 比较博文学习率下每个权重的更新量，与这个权重到下一个 `float32` 数之间的间距。
# 一次更新要改变一个数，必须满足什么条件？

# %% tags=["solution"]
a, b = path32[-1]
w1_stall = torch.tensor([[a]], requires_grad=True)
w2_stall = torch.tensor([[b]], requires_grad=True)
(X_train.mm(w1_stall).mm(w2_stall) - Y_train).pow(2).sum().backward()
for name, weight in [("w1", w1_stall), ("w2", w2_stall)]:
    update = abs(learning_rate * weight.grad.item())
    gap = float(np.spacing(np.float32(weight.item())))
    print(f"{name}: update {update:.4e}, half the gap to the next float32 "
          f"{gap / 2:.4e}")

# %% [markdown] tags=["solution"]
# Both updates are smaller than half the gap, so `w - update` rounds back to
# `w`: the subtraction changes nothing. An update changes a `float32` number
# only if it is at least half the gap between that number and its neighbour.

# %% [markdown] tags=["solution"] lang="zh"
# 两个更新量都小于间距的一半，所以 `w - update` 舍入后又回到 `w`：
# 这次减法什么也没有改变。只有当更新量至少是这个数与其相邻数之间间距的一半时，
# 更新才会改变一个 `float32` 数。
