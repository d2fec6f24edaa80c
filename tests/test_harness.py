"""The code-block harness catches every kind of broken page.

Each folder in tests/fixtures/pages/ holds a page with one mistake. The real
harness (tests/test_codeblocks.py) is run on it in a fresh pytest process, which
must fail with one line that names the page and the line of the mistake.
"""

import subprocess
import sys

import pytest

FIXTURES = "tests/fixtures/pages"

CASES = {
    "missing_snippet": "page.md:4: Snippet at path 'tests/fixtures/snippets/no_such_file.py' could not be found",
    "missing_section": "page.md:4: Snippet section 'goodbye' could not be located",
    "raises_unexpectedly": "page.md:3: raised ZeroDivisionError: division by zero",
    "should_raise": "page.md:3: expected ValueError to be raised, but nothing was raised",
    "wrong_exception": "page.md:3: expected ValueError: missing, got KeyError: 'missing'",
    "wrong_message": "page.md:3: expected ValueError: could not convert, got ValueError: invalid literal",
    "wrong_output": "page.md:3: output differs from the expected output shown on the page",
    "py_fence": "page.md:3: ```py fences are never run; use ```python",
    "bare_fence": "page.md:3: fence without a language",
    "skip_without_reason": "page.md:5: <!--pytest.mark.skip--> needs a written reason",
    "stops_after_failure": "page.md:7: not run: the block at line 3 failed first",
    "cont_marker": "page.md:7: <!--pytest-codeblocks:cont--> is not supported",
}


def run_harness(case: str, root) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/test_codeblocks.py",
            "-p",
            "no:cacheprovider",
            "--docs-dir",
            f"{FIXTURES}/{case}",
            "-q",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.parametrize(("case", "message"), CASES.items(), ids=CASES.keys())
def test_broken_page_fails_with_page_and_line(case, message, root):
    proc = run_harness(case, root)
    assert proc.returncode == 1, proc.stdout
    lines = [line for line in proc.stdout.splitlines() if line.startswith(f"{FIXTURES}/{case}/")]
    assert any(line.startswith(f"{FIXTURES}/{case}/{message}") for line in lines), proc.stdout


def test_pages_share_a_session_but_not_a_process(root):
    """Blocks on one page see each other's names, declared errors don't stop the page,
    blocks run as __main__, and nothing one page does is visible to the next."""
    proc = run_harness("isolated_pages", root)
    assert proc.returncode == 0, proc.stdout
    assert "7 passed" in proc.stdout, proc.stdout
