# raises: RuntimeError
"""torch.tensor of integers is an int64 tensor: it cannot require gradients."""
import torch

# --8<-- [start:fail]
torch.tensor([1, 2, 3], requires_grad=True)
# --8<-- [end:fail]
