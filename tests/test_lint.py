"""ruff, as pinned in requirements.txt and configured in pyproject.toml (and snippets/ruff.toml), and file sizes.

`ruff check` lints every Python file; `ruff format --check` holds the
formatting of hooks/, scripts/ and tests/ (snippets/ is laid out by hand, as
readers see it, and checked for line length instead). No Python file of
hooks/, scripts/ or tests/ (fixtures aside) is longer than MAX_LINES: a file
a newcomer can hold in their head has one job.
"""

import re
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


# A suppression names its codes and says why, after " - " (see scripts/offline.py).
NOQA = re.compile(r"#\s*noqa\b(?P<rest>.*)$")
REASON = re.compile(r":\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*\s+-\s+\S")


def test_every_noqa_carries_its_reason():
    bare = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(ROOT.glob("*/**/*.py"))
        if path.relative_to(ROOT).parts[0] in {"hooks", "scripts", "tests", "snippets", "docs"}
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if (match := NOQA.search(line)) and not REASON.match(match["rest"])
    ]
    assert not bare, "a noqa without its codes and ' - reason': " + ", ".join(bare)
