"""`make outputs` (scripts/outputs.py) restores drifted outputs and changes nothing else.

Each test runs the script in a fresh process on a copy of a page in
tests/fixtures/outputs/, as a maintainer runs `make outputs` after a torch
upgrade: the copy's expected outputs are corrupted first, then rewritten.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "outputs"
CURRENT = FIXTURES / "current" / "page.md"  # a page whose every output is right


def outputs(docs_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/outputs.py", "--docs-dir", str(docs_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def page(tmp_path) -> Path:
    """A private copy of the current page (its includes resolve from the repository root, wherever it is)."""
    return Path(shutil.copytree(FIXTURES / "current", tmp_path / "docs")) / "page.md"


# Corruptions a torch upgrade could cause: a changed line in each kind of output.
DRIFTS = {
    "plain output": ("\nhello\n", "\nhello, old torch\n"),
    "output before a traceback": ("before the error\nTraceback", "before the change\nTraceback"),
    "exception class": ("KeyError: 'missing'", "IndexError: 'missing'"),
    "indented output with a blank line": ("    first\n\n    third\n", "    first\n    third\n"),
    "shell output": ("from bash\n```", "from sh\n```"),
}


@pytest.mark.parametrize(("old", "new"), DRIFTS.values(), ids=DRIFTS.keys())
def test_a_corrupted_output_is_restored_and_nothing_else_changes(page, old, new):
    text = CURRENT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    page.write_text(text.replace(old, new), encoding="utf-8")
    check = outputs(page.parent, "--check")
    assert check.returncode == 1 and "output differs" in check.stdout, check.stdout + check.stderr
    assert page.read_text(encoding="utf-8") == text.replace(old, new)  # --check writes nothing
    proc = outputs(page.parent)
    assert proc.returncode == 0, proc.stderr
    assert "1 output(s) rewritten" in proc.stdout, proc.stdout
    assert page.read_bytes() == CURRENT.read_bytes()


def test_a_page_without_drift_is_left_byte_for_byte(page):
    before = page.stat().st_mtime_ns
    proc = outputs(page.parent)
    assert proc.returncode == 0, proc.stderr
    assert "every output on 1 pages is current" in proc.stdout
    assert page.read_bytes() == CURRENT.read_bytes() and page.stat().st_mtime_ns == before


def test_a_block_that_needs_a_person_is_named_and_nothing_is_written(tmp_path):
    source = FIXTURES / "unjudgeable" / "page.md"
    folder = Path(shutil.copytree(source.parent, tmp_path / "docs"))
    proc = outputs(folder)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"{folder / 'page.md'}:13: raised ZeroDivisionError: division by zero; fix the code, or show the traceback",
        "outputs: 1 block(s) need a person; nothing was written",
    ]
    # The first block drifted too, but nothing is half-done.
    assert (folder / "page.md").read_bytes() == source.read_bytes()


def test_a_missing_folder_exits_2(tmp_path):
    proc = outputs(tmp_path / "nowhere")
    assert proc.returncode == 2 and "nowhere: no such folder" in proc.stderr
