# raises: NameError
"""The post's detach() line, which names a tensor that does not exist."""
import torch

tensor1 = torch.Tensor([[1, 2, 3],
                        [4, 5, 6]]).requires_grad_()

# --8<-- [start:fail]
detached_tensor = tensor_one.detach()
# --8<-- [end:fail]
