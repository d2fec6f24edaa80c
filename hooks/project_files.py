"""Small file helpers shared by the hooks, scripts/ and tests/: one copy of each.

- `project_root(config)`: the folder of mkdocs.yml, which every relative path
  in the configuration is read from.
- `write_atomic(path, data)`: all of the bytes or nothing, never a half file.
- `load_module(path)`: import a Python file by its path, under a private name.

Standard library only: `scripts/figures.py` decides what to rebuild without
importing anything heavy.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from importlib.util import module_from_spec, spec_from_file_location
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent  # the repository: hooks/ sits at its top


def project_root(config) -> Path:
    """The folder of the configuration file MkDocs was started with."""
    return Path(config.config_file_path).resolve().parent


def write_atomic(path: Path, data: bytes | str, mode: int = 0o644) -> bool:
    """Write `data` to `path` through a temporary file in the same folder and a rename.

    A reader (or `mkdocs serve`) sees the old file or the new one, never half of
    it. Unchanged files are not rewritten; returns whether the file changed.
    """
    data = data.encode("utf-8") if isinstance(data, str) else data
    path = Path(path)
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, mode)  # mkstemp's 0600 would otherwise end up on the file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def load_module(path: Path, name: str | None = None) -> ModuleType:
    """Import the file `path` as a module named `name` (by default, from its path).

    The module is registered in sys.modules while it runs, as an import would
    (dataclasses and pickling look themselves up there).
    """
    path = Path(path).resolve()
    name = name or "_loaded_" + re.sub(
        r"\W", "_", path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.as_posix()
    )
    spec = spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path}: not a Python file")
    module = module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
