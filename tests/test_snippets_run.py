"""Every file in snippets/ runs on its own, as a reader who saves it would run it.

`python snippets/<page>/<file>.py` from the repository root, in a fresh
process, within TIMEOUT seconds. A file whose first line is `# raises: Cls`
shows an error on purpose and must end with exactly that exception.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))
TIMEOUT = 120  # seconds; the slowest snippet trains a model for a few thousand steps
RAISES = re.compile(r"^# raises: (?P<cls>[\w.]+)\s*$")


def declared_exception(path: Path) -> str | None:
    with path.open(encoding="utf-8") as f:
        m = RAISES.match(f.readline())
    return m["cls"] if m else None


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_snippet_runs_standalone(path):
    name = path.relative_to(ROOT).as_posix()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, name], cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    expected = declared_exception(path)
    if expected is None:
        assert proc.returncode == 0, f"{name}: exited {proc.returncode}\n{proc.stderr}"
        return
    assert proc.returncode == 1, f"{name}: declares `# raises: {expected}` but exited {proc.returncode}"
    # The exception line follows the last traceback's frames; its message may span lines.
    tail = proc.stderr.rsplit("Traceback (most recent call last):", 1)[-1].splitlines()
    raised = next((line for line in tail if line and not line.startswith(" ")), "")
    assert re.match(rf"{re.escape(expected)}(:|$)", raised), f"{name}: declares {expected}, but raised: {raised}"
