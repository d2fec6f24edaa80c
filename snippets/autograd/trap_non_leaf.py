"""Only leaf tensors keep .grad, unless a non-leaf asks with retain_grad()."""
import torch

# --8<-- [start:none]
x = torch.tensor([1., 2.], requires_grad=True)
y = x * 3  # made by an operation: not a leaf
loss = (y * y).sum()
loss.backward()
print(x.is_leaf, y.is_leaf)
print(x.grad, y.grad)
# --8<-- [end:none]

# --8<-- [start:retain_grad]
x.grad = None
y = x * 3
y.retain_grad()  # ask autograd to keep this intermediate gradient
loss = (y * y).sum()
loss.backward()
print(x.grad, y.grad)
# --8<-- [end:retain_grad]
