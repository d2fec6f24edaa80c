# raises: RuntimeError
"""Updating a leaf that requires grad in place, outside no_grad."""
import torch

w = torch.tensor([1., 2., 3.], requires_grad=True)
loss = (w * w).sum()
loss.backward()

# --8<-- [start:fail]
w -= 0.1 * w.grad
# --8<-- [end:fail]
