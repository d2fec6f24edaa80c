"""Build the site, or a fixture site that INHERITs its configuration, as `make build` does.

Every build goes through scripts/build.py (strict, swapped into place only on
success). A fixture site's throwaway config is written beside mkdocs.yml, so
that every relative path in the inherited configuration resolves.
"""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_TIMEOUT = 900  # seconds; a cold build executes the notebook


def build(site_dir, config: str = "mkdocs.yml", offline: bool = True, env=None) -> subprocess.CompletedProcess:
    """scripts/build.py as `make build` runs it; a fixture site needs no offline zip (`offline=False`).

    `env` changes the environment of the build: a value of None removes that variable.
    """
    environment = {**os.environ, **(env or {})}
    return subprocess.run(
        [
            sys.executable,
            "scripts/build.py",
            "--config-file",
            config,
            "--site-dir",
            str(site_dir),
            *([] if offline else ["--no-offline"]),
        ],
        cwd=ROOT,
        env={name: value for name, value in environment.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )


@contextlib.contextmanager
def fixture_config(name: str, docs_dir: str, pages=("index.md",), extra: str = ""):
    """Yield the file name of a config for the pages in `docs_dir`; `extra` is more YAML."""
    path = ROOT / f".mkdocs-fixture-{name}.yml"
    nav = "".join(f"  - {page}\n" for page in pages)
    path.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {docs_dir}\n{extra}nav:\n{nav}")
    try:
        yield path.name
    finally:
        path.unlink()
