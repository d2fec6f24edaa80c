# raises: RuntimeError
"""The post's backward() on its 2x3 product: no scalar to differentiate."""
import torch

tensor1 = torch.Tensor([[1, 2, 3],
                        [4, 5, 6]]).requires_grad_()
tensor2 = torch.Tensor([[7, 8, 9],
                        [10, 11, 12]])
output_tensor = tensor1 * tensor2

# --8<-- [start:fail]
output_tensor.backward()
# --8<-- [end:fail]
