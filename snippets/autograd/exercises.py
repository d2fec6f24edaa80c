"""Worked solutions to the exercises at the end of the autograd page.

Each section is one solution; each sets up its own tensors.
"""
import torch

# --8<-- [start:cube]
t = torch.tensor([1., 2., 3.], requires_grad=True)
(t ** 3).sum().backward()
print(t.grad)
print(3 * t.detach() ** 2)
# --8<-- [end:cube]

# --8<-- [start:twice]
x = torch.tensor(2., requires_grad=True)
y = x * x
y.backward(retain_graph=True)
y.backward()
print(x.grad)
# --8<-- [end:twice]

# --8<-- [start:weights]
tensor1 = torch.Tensor([[1, 2, 3],
                        [4, 5, 6]]).requires_grad_()
tensor2 = torch.Tensor([[7, 8, 9],
                        [10, 11, 12]])
v = torch.tensor([[1., 0., 0.],
                  [0., 0., 1.]])  # only two elements of the product count
(tensor1 * tensor2).backward(v)
print(tensor1.grad)
# --8<-- [end:weights]

# --8<-- [start:leaf_again]
w = torch.tensor([1., 2., 3.], requires_grad=True)
for step in range(2):
    loss = (w * w).sum()
    loss.backward()
    with torch.no_grad():
        w -= 0.1 * w.grad  # in place: w stays a leaf
    w.grad = None
print(w, w.is_leaf)

w = torch.tensor([1., 2., 3.], requires_grad=True)
for step in range(2):
    loss = (w * w).sum()
    loss.backward()
    # A new leaf each step: detach the update, then track it again.
    w = (w - 0.1 * w.grad).detach().requires_grad_()
print(w, w.is_leaf)
# --8<-- [end:leaf_again]
