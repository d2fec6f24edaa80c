"""The environment under which the project's own code runs when its output is recorded.

Figures, numbers files, notebook outputs and the outputs shown under code
blocks must come out byte for byte the same on every machine. Two things would
change them from one CPU to the next:

- Intel MKL (torch's BLAS and LAPACK) picks its kernels by CPU, and kernels for
  wider vector units round differently: `MKL_CBWR=COMPATIBLE` makes it use the
  same code path on every x86-64 CPU (MKL's "conditional numerical
  reproducibility"). Measured: without it, the one-neuron loss figure differs
  in the last printed digit between an AVX-512 and an older machine.
- Multi-threaded reductions split sums by the number of cores: one thread.

Set before the interpreter that imports torch starts, so every runner (the
figure pipeline, the notebook kernel, the code-block harness) passes
`reproducible_env()` to the process it starts, or applies REPRODUCIBLE_ENV to
its own `os.environ` before importing torch.
"""

from __future__ import annotations

import os

REPRODUCIBLE_ENV = {
    "MKL_CBWR": "COMPATIBLE",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "PYTHONHASHSEED": "0",
}


def reproducible_env(**extra: str) -> dict[str, str]:
    """This process's environment with REPRODUCIBLE_ENV (and `extra`) on top."""
    return {**os.environ, **REPRODUCIBLE_ENV, **extra}
