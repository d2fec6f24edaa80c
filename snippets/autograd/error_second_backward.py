# raises: RuntimeError
"""A second backward() through a graph whose saved tensors were freed."""
import torch

w = torch.tensor([1., 2., 3.], requires_grad=True)
loss = (w * w).sum()
loss.backward()

# --8<-- [start:fail]
loss.backward()
# --8<-- [end:fail]
