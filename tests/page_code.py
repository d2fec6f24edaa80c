"""A page's own code, imported by the tests that check its claims."""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path
from types import ModuleType

from project_files import load_module

ROOT = Path(__file__).resolve().parent.parent


def page_module(path: Path | str) -> ModuleType:
    """The snippet file `path` run as a module: its printing swallowed, its folder's siblings importable.

    The siblings it imports are forgotten afterwards, so that two folders may
    each have, say, a `data.py` of their own.
    """
    path = ROOT / path
    folder = path.parent.resolve()
    before = set(sys.modules)
    sys.path.insert(0, str(folder))
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            module = load_module(path)
    finally:
        sys.path.remove(str(folder))
        for name in set(sys.modules) - before:
            file = getattr(sys.modules[name], "__file__", None)
            if file and Path(file).resolve() != path.resolve() and Path(file).resolve().parent == folder:
                del sys.modules[name]  # a sibling, not the module itself
    return module
