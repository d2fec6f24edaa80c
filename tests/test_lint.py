"""ruff, as pinned in requirements.txt and configured in pyproject.toml (and snippets/ruff.toml).

`ruff check` lints every Python file; `ruff format --check` holds the
formatting of hooks/, scripts/ and tests/ (snippets/ is laid out by hand, as
readers see it, and checked for line length instead).
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff(command):
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
