# raises: RuntimeError
"""A tensor made under inference_mode cannot be saved for backward later."""
import torch

w = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.inference_mode():
    b = w * 2

# --8<-- [start:fail]
loss = (w * b).sum()
# --8<-- [end:fail]
