# raises: RuntimeError
"""torch.tensor with integer literals makes an int64 tensor, which cannot require gradients."""
import torch

# --8<-- [start:fail]
torch.tensor([1, 2, 3], requires_grad=True)
# --8<-- [end:fail]
