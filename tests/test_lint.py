"""ruff, as pinned in requirements.txt and configured in pyproject.toml (and snippets/ruff.toml), and file sizes.

`ruff check` lints every Python file; `ruff format --check` holds the
formatting of hooks/, scripts/ and tests/ (snippets/ is laid out by hand, as
readers see it, and checked for line length instead). No Python file of
hooks/, scripts/ or tests/ (fixtures aside) is longer than MAX_LINES: a file
a newcomer can hold in their head has one job.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 300


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff(command):
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_python_file_is_too_long():
    files = [
        p
        for folder in ("hooks", "scripts", "tests")
        for p in (ROOT / folder).rglob("*.py")
        if "fixtures" not in p.relative_to(ROOT).parts
    ]
    long = {p.relative_to(ROOT).as_posix(): n for p in files if (n := len(p.read_text().splitlines())) > MAX_LINES}
    assert not long, f"files over {MAX_LINES} lines (split them by job): {long}"
