"""no_grad() and inference_mode() stop recording; one makes normal tensors."""
import torch

# --8<-- [start:compare]
w = torch.tensor([1., 2., 3.], requires_grad=True)
with torch.no_grad():
    a = w * 2
with torch.inference_mode():
    b = w * 2
print(a.requires_grad, a.is_inference())
print(b.requires_grad, b.is_inference())
loss = (w * a).sum()  # a no_grad result joins a later graph as a constant
print(loss.grad_fn.name())
# --8<-- [end:compare]

# --8<-- [start:joins]
loss = (w + b).sum()  # addition saves nothing for backward()
loss.backward()
print(w.grad)
# --8<-- [end:joins]

# --8<-- [start:clone]
# clone() outside inference_mode makes a normal tensor.
loss = (w * b.clone()).sum()
print(loss.grad_fn.name())
# --8<-- [end:clone]
