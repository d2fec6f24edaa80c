"""Run a page's blocks, and judge each run against what the page shows.

`run_page` runs every block of a page in order in one fresh process
(scripts/run_blocks.py). `problem` says what is wrong with a block's run, for
tests/test_codeblocks.py; `produced_output` says what the page should show
under it instead, for scripts/outputs.py (`make outputs`).
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from page_blocks import ROOT, TRACEBACK, Block, ExpectedError, PageError
from reproducible import reproducible_env

RUNNER = Path(__file__).with_name("run_blocks.py")
PAGE_TIMEOUT = 900  # seconds for all blocks of one page
UPDATE_HINT = "run `make outputs` to rewrite it from what the code prints now"


def run_page(blocks: list[Block], root: Path = ROOT) -> dict[int, dict]:
    """Run a page's blocks in order in one fresh process; results by block line."""
    todo = [b for b in blocks if b.skip_reason is None]
    payload = [
        {
            "where": b.where,
            "line": b.line,
            "language": b.language,
            "code": b.code,
            "continue_after_error": b.expected_error is not None or b.xfail,
        }
        for b in todo
    ]
    env = reproducible_env(MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    with tempfile.TemporaryDirectory() as tmp:
        blocks_file, results_file = Path(tmp, "blocks.json"), Path(tmp, "results.jsonl")
        blocks_file.write_text(json.dumps(payload))
        # Blocks without a result (after a crash or a timeout) are reported as not run.
        with contextlib.suppress(subprocess.TimeoutExpired):
            subprocess.run(
                [sys.executable, str(RUNNER), str(blocks_file), str(results_file)],
                cwd=root,
                env=env,
                timeout=PAGE_TIMEOUT,
                capture_output=True,
                check=False,
            )
        lines = results_file.read_text().splitlines() if results_file.exists() else []
    return {r["line"]: r for r in map(json.loads, lines)}


def not_run(block: Block, results: dict[int, dict]) -> str:
    failed = [r for r in results.values() if r["error"]]
    cause = f"the block at line {failed[-1]['line']} failed first" if failed else "the page's run stopped"
    return f"{block.where}: not run: {cause}"


def matches(want: ExpectedError, error: dict) -> bool:
    return want.cls in (error["type"], error["qualname"]) and error["message"].startswith(want.message)


def problem(block: Block, results: dict[int, dict]) -> str | None:
    """None if the block did what the page shows; else the problem, its first line naming page:line."""
    result = results.get(block.line)
    if result is None:
        return not_run(block, results)
    error, stdout = result["error"], result["stdout"]
    want = block.expected_error
    if want is None and error is not None:
        return f"{block.where}: raised {headline(error)}\n{error['traceback']}{result['stderr']}"
    if want is not None:
        if error is None:
            return f"{block.where}: expected {want.cls} to be raised, but nothing was raised"
        if not matches(want, error):
            return (
                f"{block.where}: expected {want.cls}: {want.message}, got {headline(error)}; "
                f"{UPDATE_HINT}\n{error['traceback']}"
            )
        expected_stdout = want.stdout
    else:
        expected_stdout = block.expected
    if expected_stdout is not None and stdout != expected_stdout:
        return f"{block.where}: output differs from the expected output shown on the page; {UPDATE_HINT}\n" + diff(
            expected_stdout, stdout
        )
    return None


def produced_output(block: Block, results: dict[int, dict]) -> str:
    """The expected output the page should show under `block`, from its run.

    A declared traceback keeps its `...` elision: it is kept as shown while the
    block still raises that exception, and otherwise becomes the header, `  ...`
    and the new `Class: first line of the message`. A block that could not be
    judged from its run (not run, an undeclared error, no error where one is
    shown) raises PageError: that needs a person, not a rewrite.
    """
    result = results.get(block.line)
    if result is None:
        raise PageError(not_run(block, results))
    error, stdout = result["error"], result["stdout"]
    want = block.expected_error
    if want is None:
        if error is not None:
            raise PageError(f"{block.where}: raised {headline(error)}; fix the code, or show the traceback")
        text = stdout
    elif error is None:
        raise PageError(f"{block.where}: the page shows {want.cls}, but nothing was raised")
    else:
        shown = want.traceback if matches(want, error) else f"{TRACEBACK}\n  ...\n{headline(error)}\n"
        text = stdout + shown
    if text and not text.endswith("\n"):
        raise PageError(f"{block.where}: the output does not end with a newline, which a page cannot show")
    return text


def headline(error: dict) -> str:
    first = error["message"].splitlines()[0] if error["message"] else ""
    return f"{error['type']}: {first}" if first else error["type"]


def diff(expected: str, actual: str) -> str:
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), "shown on the page", "printed"
        )
    )
