"""Execute a notebook source once: a percent-format `.py` file, run in a fresh Jupyter kernel.

`executed(source, root)` reads the source with jupytext and executes it with
nbclient, errors not allowed: a failing cell raises PluginError with one line,
`snippets/<page>/<file>.py:LINE: Error: message`, the line being the source
line of the innermost notebook frame. The kernel runs under the project's
reproducible environment (hooks/reproducible.py). Executed notebooks are cached
in .cache/notebooks/, keyed by the source and the versions of the packages
that produce the outputs, so that `mkdocs serve` does not re-run an unchanged
notebook on every rebuild, and the two builds of a site (online, offline)
share one run.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import jupytext
import nbformat
from mkdocs.exceptions import PluginError
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from project_files import write_atomic
from reproducible import REPRODUCIBLE_ENV, reproducible_env
from traitlets.config import Config

CACHE = Path(".cache/notebooks")
# The packages whose versions can change a notebook's outputs.
PACKAGES = ["torch", "numpy", "matplotlib", "ipykernel", "jupytext", "nbclient"]
CELL_TIMEOUT = 300  # seconds
ANSI = re.compile(r"\x1b\[[0-9;]*m")
TRACEBACK_LINE = re.compile(r"Cell In\[(\d+)\], line (\d+)")


def cache_key(source_text: str) -> str:
    versions = [sys.version] + [f"{name}=={metadata.version(name)}" for name in PACKAGES]
    env = [f"{k}={v}" for k, v in sorted(REPRODUCIBLE_ENV.items())]
    return hashlib.sha256("\n".join([source_text, *versions, *env]).encode()).hexdigest()[:16]


def cell_lines(source_text: str) -> list[int]:
    """The line number of each `# %%` cell marker in a percent-format source."""
    return [n for n, line in enumerate(source_text.splitlines(), 1) if line.startswith("# %%")]


def read(source: Path, root: Path) -> nbformat.NotebookNode:
    """The notebook in `source`, not executed; PluginError naming the file if it cannot be read."""
    try:
        return jupytext.reads(source.read_text(encoding="utf-8"), fmt="py:percent")
    except Exception as error:  # noqa: BLE001 - jupytext raises several types for a malformed file
        raise PluginError(
            f"{source.relative_to(root).as_posix()}:1: cannot read as a jupytext percent notebook: {error}"
        ) from None


def execute(source: Path, root: Path) -> nbformat.NotebookNode:
    """The notebook read from `source`, executed; PluginError naming the line if a cell fails."""
    rel = source.relative_to(root).as_posix()
    nb = read(source, root)
    markers = cell_lines(source.read_text(encoding="utf-8"))
    # Figures go to the inline backend as PNG, whatever MPLBACKEND the build runs under.
    env = reproducible_env(MPLBACKEND="module://matplotlib_inline.backend_inline")
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        # Unix sockets in a private folder: no open TCP ports, and no warning about them.
        kernel = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "ipc")}})
        client = NotebookClient(
            nb,
            timeout=CELL_TIMEOUT,
            kernel_name="python3",
            allow_errors=False,
            config=kernel,
            resources={"metadata": {"path": str(root)}},
        )
        with client.setup_kernel(env=env):
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    raise PluginError(
                        f"{rel}:{error_line(nb, markers, index, error)}: {error.ename}: {error.evalue}"
                    ) from None
    # A cell's printed text arrives in chunks that depend on timing: join them, so
    # that each cell shows one output block and every run gives the same notebook.
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    return nb


def error_line(nb, markers: list[int], index: int, error: CellExecutionError) -> int:
    """The source line of the innermost notebook frame of a failed cell's traceback."""
    cells = {cell.get("execution_count"): i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"}
    frames = TRACEBACK_LINE.findall(ANSI.sub("", str(error)))
    if len(markers) != len(nb.cells):
        return markers[0] if markers else 1
    for count, line in reversed(frames):
        if int(count) in cells:
            return markers[cells[int(count)]] + int(line)
    return markers[index]


def executed(source: Path, root: Path) -> nbformat.NotebookNode:
    """`execute(source)`, from the cache when the source and the packages are unchanged."""
    key = cache_key(source.read_text(encoding="utf-8"))
    cache_dir = root / CACHE
    cached = cache_dir / f"{source.stem}-{key}.ipynb"
    if cached.is_file():
        return nbformat.read(cached, as_version=4)
    nb = execute(source, root)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{source.stem}-*.ipynb"):
        stale.unlink()
    write_atomic(cached, nbformat.writes(nb))
    return nb
