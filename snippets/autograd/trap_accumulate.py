"""backward() adds into .grad; it does not overwrite it."""
import torch

# --8<-- [start:accumulates]
w = torch.tensor([1., 2., 3.], requires_grad=True)
for step in range(3):
    loss = (w * w).sum()  # d loss / dw = 2w, the same on every step
    loss.backward()
    print(step, w.grad)
# --8<-- [end:accumulates]

# --8<-- [start:zeroed]
w.grad.zero_()  # what the post's fit does after every update
for step in range(3):
    loss = (w * w).sum()
    loss.backward()
    print(step, w.grad)
    w.grad.zero_()
# --8<-- [end:zeroed]

# --8<-- [start:optimizer]
optimizer = torch.optim.SGD([w], lr=0.1)
(w * w).sum().backward()
optimizer.zero_grad()  # since PyTorch 2.0 this sets .grad to None
print(w.grad)
(w * w).sum().backward()
optimizer.zero_grad(set_to_none=False)  # zeroes .grad in place instead
print(w.grad)
# --8<-- [end:optimizer]
