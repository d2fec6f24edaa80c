# raises: RuntimeError
"""Writing through detach() into a tensor that backward() still needs."""
import torch

w = torch.tensor([1., 2., 3.], requires_grad=True)
y = w.exp()  # exp() saves its output y: d exp(w) / dw = exp(w)

# --8<-- [start:fail]
y.detach().zero_()
y.sum().backward()
# --8<-- [end:fail]
