"""Numbers quoted in the prose of docs/autograd.md and docs/errata.md."""

import post_walkthrough as post  # the page's own tensors, not a copy of them
import torch


def shape(t: torch.Tensor) -> str:
    return "×".join(str(n) for n in t.shape)


def values() -> dict[str, str]:
    tensor1, tensor2 = post.tensor1.detach(), post.tensor2
    output = tensor1 * tensor2
    # d output / d tensor1, one row per output element, one column per input element
    jacobian = torch.autograd.functional.jacobian(lambda t: t * tensor2, tensor1)
    jacobian = jacobian.reshape(output.numel(), tensor1.numel())
    off_diagonal = jacobian - torch.diag(torch.diagonal(jacobian))
    assert not off_diagonal.any(), "the Jacobian of an elementwise product is diagonal"
    return {
        "output_shape": shape(output),
        "jacobian_shape": shape(jacobian),
        "jacobian_entries": str(jacobian.numel()),
        "jacobian_nonzero": str(int(jacobian.count_nonzero())),
    }

