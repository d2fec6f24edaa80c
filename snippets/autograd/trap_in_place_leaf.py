"""A leaf that requires grad is updated in place only with tracking off."""
import torch

# --8<-- [start:setup]
w = torch.tensor([1., 2., 3.], requires_grad=True)
loss = (w * w).sum()
loss.backward()
print(w.grad)
# --8<-- [end:setup]

# --8<-- [start:no_grad]
with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf)
# --8<-- [end:no_grad]

# --8<-- [start:out_of_place]
w = w - 0.1 * w.grad  # runs, but records the update: w is no longer a leaf
print(w.is_leaf, w.grad_fn.name())
# --8<-- [end:out_of_place]
