"""A graph can be walked backwards once, unless the first walk keeps it."""
import torch

# --8<-- [start:first]
w = torch.tensor([1., 2., 3.], requires_grad=True)
loss = (w * w).sum()
loss.backward()
print(w.grad)
# --8<-- [end:first]

# --8<-- [start:fix]
w.grad = None
loss = (w * w).sum()
loss.backward(retain_graph=True)  # keep the saved tensors for one more walk
loss.backward()
print(w.grad)  # two backward() calls, so twice 2w
# --8<-- [end:fix]
