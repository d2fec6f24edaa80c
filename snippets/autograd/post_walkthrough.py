"""The autograd part of the blog post, in page order, with its errors fixed.

The page shows this file section by section; run on its own it prints every
output the page shows under these sections.
"""

# --8<-- [start:tensors]
import torch

tensor1 = torch.Tensor([[1, 2, 3],
                        [4, 5, 6]])
tensor2 = torch.Tensor([[7, 8, 9],
                        [10, 11, 12]])
# --8<-- [end:tensors]

# --8<-- [start:legacy_constructor]
print(torch.Tensor([1, 2, 3]).dtype, torch.tensor([1, 2, 3]).dtype)
# To torch.Tensor, a bare int is a shape; to torch.tensor, a number.
print(torch.Tensor(2).shape, torch.tensor(2).shape)
# --8<-- [end:legacy_constructor]

# --8<-- [start:modern_constructor]
# Float literals, 1. and not 1, make a float tensor.
weights = torch.tensor([1., 2., 3.], requires_grad=True)
print(weights.dtype, weights.requires_grad)
# --8<-- [end:modern_constructor]

# --8<-- [start:requires_grad_default]
print(tensor1.requires_grad)
# --8<-- [end:requires_grad_default]

# --8<-- [start:requires_grad_on]
tensor1.requires_grad_()
print(tensor1.requires_grad)
# --8<-- [end:requires_grad_on]

# --8<-- [start:propagates]
output_tensor = tensor1 * tensor2
print(output_tensor.requires_grad)
print(tensor2.requires_grad)
# --8<-- [end:propagates]

# --8<-- [start:grad_fn]
print(output_tensor.grad_fn.name())
print(tensor1.grad_fn, tensor1.is_leaf)
# --8<-- [end:grad_fn]

# --8<-- [start:fix_ones_like]
output_tensor.backward(torch.ones_like(output_tensor))
print(tensor1.grad)
print(torch.equal(tensor1.grad, tensor2))
# --8<-- [end:fix_ones_like]

# --8<-- [start:fix_sum]
tensor1.grad = None  # forget fix 1's gradient: backward() adds to .grad
# A fresh graph: fix 1's backward() freed the old one.
output_tensor = tensor1 * tensor2
output_tensor.sum().backward()
print(tensor1.grad)
print(torch.equal(tensor1.grad, tensor2))
# --8<-- [end:fix_sum]

# --8<-- [start:grad_shape]
print(tensor1.grad.shape, tensor1.shape)
print(tensor2.grad)
# --8<-- [end:grad_shape]

# --8<-- [start:no_grad_context]
with torch.no_grad():
    new_tensor = tensor1 * 3
print('requires_grad for new_tensor = ', new_tensor.requires_grad)
print('requires_grad for tensor = ', tensor1.requires_grad)
# --8<-- [end:no_grad_context]

# --8<-- [start:no_grad_decorator]
@torch.no_grad()
def calculate_with_no_grad(t):
    return t * 2


result_tensor_no_grad = calculate_with_no_grad(tensor1)
print(result_tensor_no_grad.requires_grad)
# --8<-- [end:no_grad_decorator]

# --8<-- [start:detach]
detached_tensor = tensor1.detach()
# --8<-- [end:detach]

# --8<-- [start:detached_grad]
print(detached_tensor.grad)
print(detached_tensor.requires_grad)
# --8<-- [end:detached_grad]

# --8<-- [start:detach_same_memory]
print(detached_tensor.data_ptr() == tensor1.data_ptr())
# --8<-- [end:detach_same_memory]
