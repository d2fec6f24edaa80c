"""Running scripts/figures.py on the fixture snippet folders, for the figure tests.

The tests copy folders of tests/fixtures/figures/ into a temporary folder and
run the script on the copy (`--snippets`, `--out`), in a fresh process each
time, as `make figures` would be: nothing under docs/ is ever written.
Registered as a plugin by tests/conftest.py, so both figure test files get
the `built` and `out` fixtures.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "figures.py"
FIXTURES = ROOT / "tests" / "fixtures" / "figures"
GOOD = ("line", "bars", "several")  # the fixture folders that build


def figures(*args, importtime=False):
    python = [sys.executable, "-X", "importtime"] if importtime else [sys.executable]
    return subprocess.run(
        [*python, str(SCRIPT), *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def snippets_with(tmp_path, *folders):
    """A snippets folder holding copies of the named fixture folders."""
    snippets = tmp_path / "snippets"
    for folder in folders:
        shutil.copytree(FIXTURES / folder, snippets / folder)
    return snippets


def tree(folder):
    """{relative path: bytes} of every file under `folder`, hidden ones included."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def statuses(stdout):
    """{target name: built | cached | FAILED} from the progress lines."""
    return {m["name"]: m["status"] for m in re.finditer(r"\] (?P<status>\w+) +[\d.]+ s  (?P<name>\S+)", stdout)}


def imported_modules(stderr):
    """Top-level names of the modules a `python -X importtime` run imported."""
    return {
        line.rsplit("|", 1)[1].strip().split(".")[0] for line in stderr.splitlines() if line.startswith("import time:")
    }


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The good fixtures built once: (snippets folder, out folder). Copy `out` before changing it."""
    base = tmp_path_factory.mktemp("built")
    snippets, out = snippets_with(base, *GOOD), base / "out"
    proc = figures("--snippets", snippets, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return snippets, out


@pytest.fixture
def out(built, tmp_path):
    """A private copy of the built outputs, to change."""
    return Path(shutil.copytree(built[1], tmp_path / "out"))
