"""detach() returns a view of the same memory, not a copy."""
import torch

# --8<-- [start:shared]
w = torch.tensor([1., 2., 3.], requires_grad=True)
d = w.detach()
d[0] = 100.
print(w)
# --8<-- [end:shared]

# --8<-- [start:clone]
c = w.detach().clone()  # a real copy, with no gradient tracking
c[0] = -1.
print(w)
# --8<-- [end:clone]

# --8<-- [start:saved]
w = torch.tensor([1., 2., 3.], requires_grad=True)
y = w.exp()  # exp() saves its output y: d exp(w) / dw = exp(w)
# --8<-- [end:saved]

# --8<-- [start:saved_fix]
y = w.exp()
# This zeroes a copy: the y that backward() needs is untouched.
y.detach().clone().zero_()
y.sum().backward()
print(w.grad)
# --8<-- [end:saved_fix]
