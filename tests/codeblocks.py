"""Find every code block on a page, as the reader sees it, and check its run.

A page is read the way the site renders it: `--8<--` includes are expanded by
the same pymdownx.snippets preprocessor, configured from mkdocs.yml (see
hooks/snippet_lines.py). Markers are read by pytest-codeblocks'
`extract_from_buffer`. On top of it, this module closes the holes
pytest-codeblocks leaves open: fences it would skip silently, skips without a
reason, and errors that are never declared. Blocks run in tests/run_blocks.py.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest
from _pytest.mark.structures import MarkDecorator
from mkdocs.config import load_config
from pytest_codeblocks import extract_from_buffer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from reproducible import reproducible_env  # noqa: E402
from snippet_lines import SnippetError, expand, snippet_preprocessor  # noqa: E402

RUNNER = Path(__file__).with_name("run_blocks.py")
PAGE_TIMEOUT = 900  # seconds for all blocks of one page

RUN = {"python", "bash", "sh"}
# Languages that hold Python but that pytest-codeblocks would never run.
PYTHON_ALIASES = {"py", "py3", "python3", "pycon", "ipython", "ipython3", "python-repl", "pyi"}
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
TRACEBACK = "Traceback (most recent call last):"
LAST_LINE = re.compile(r"^(?P<cls>[A-Za-z_][\w.]*)(?:: (?P<message>.*))?$")


class PageError(Exception):
    """A page that cannot be checked as written; the message names page:line."""


def language(info: str) -> str:
    """The language of a fence's info string: `python title="x"` -> `python`."""
    words = info.strip().split()
    return words[0].lstrip("{.").rstrip("}") if words else ""


@dataclass
class ExpectedError:
    stdout: str  # what the block prints before it raises
    cls: str
    message: str


@dataclass
class Block:
    page: str
    line: int
    language: str
    code: str
    expected: str | None = None
    marks: list[MarkDecorator] = field(default_factory=list)
    skip_reason: str | None = None

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"

    @cached_property
    def expected_error(self) -> ExpectedError | None:
        if self.expected is None:
            return None
        lines = self.expected.splitlines()
        if TRACEBACK not in lines:
            return None
        start = lines.index(TRACEBACK)
        last = LAST_LINE.match(lines[-1])
        if last is None or len(lines) - start < 2:
            raise PageError(
                f"{self.where}: the traceback in the expected output must end with "
                "a line `ExceptionClass: message`"
            )
        before = "".join(line + "\n" for line in lines[:start])
        return ExpectedError(before, last["cls"], last["message"] or "")

    @property
    def xfail(self) -> bool:
        return any(mark.name == "xfail" for mark in self.marks)


class Site:
    """The site's configuration, as far as reading pages needs it."""

    def __init__(self, config_file: Path = ROOT / "mkdocs.yml"):
        config = load_config(str(config_file))
        self.root = Path(config.config_file_path).parent
        self.docs_dir = Path(config.docs_dir)
        self.preprocessor = snippet_preprocessor(config.markdown_extensions, config.mdx_configs)

    def pages(self, docs_dir: Path | None = None) -> list[Path]:
        return sorted((docs_dir or self.docs_dir).rglob("*.md"))

    def name(self, path: Path) -> str:
        path = path.resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)

    def blocks(self, path: Path) -> list[Block]:
        """Every block that runs on the page; PageError for anything that would not."""
        page = self.name(path)
        try:
            expanded = expand(path.read_text(encoding="utf-8"), self.preprocessor, page)
        except SnippetError as exc:
            raise PageError(str(exc)) from None
        page_line = [line for line, _ in expanded]
        text = "".join(text + "\n" for _, text in expanded)
        check_fences(page, expanded)
        if expanded and expanded[0][1].strip() == "<!--pytest-codeblocks:skipfile-->":
            raise PageError(f"{page}:1: skipfile would skip every block without a reason; skip blocks one by one")
        try:
            found = extract_from_buffer(io.StringIO(text), max_num_lines=10**6)
        except RuntimeError as exc:
            raise PageError(f"{page}: {exc}") from None
        blocks = []
        for cb in found:
            lang = language(cb.syntax or "")
            where = f"{page}:{page_line[cb.lineno - 1]}"
            marks = [read_mark(mark, where) for mark in cb.marks]
            if lang not in RUN:
                if marks or cb.importorskip:
                    raise PageError(f"{where}: a marker stands before a ```{lang} fence, which never runs")
                continue
            block = Block(page, page_line[cb.lineno - 1], lang, cb.code, cb.expected_output, marks)
            block.skip_reason = skip_reason(marks, cb.importorskip)
            block.expected_error  # noqa: B018 - reading it validates the traceback now
            blocks.append(block)
        return blocks


def check_fences(page: str, expanded: list[tuple[int, str]]) -> None:
    """Fail on any fence that holds code but that nothing would run or show as output."""
    opening = None
    for line, text in expanded:
        m = FENCE.match(text)
        if m is None:
            continue
        if opening is None:
            opening = m
            lang = language(m["info"])
            where = f"{page}:{line}"
            if not lang:
                raise PageError(f"{where}: fence without a language; name one (```text for output)")
            if lang in PYTHON_ALIASES:
                raise PageError(f"{where}: ```{lang} fences are never run; use ```python")
            if m["fence"][0] == "~" and lang in RUN:
                raise PageError(f"{where}: ~~~ fences are never run; use ``` for {lang}")
        elif m["fence"][0] == opening["fence"][0] and len(m["fence"]) >= len(opening["fence"]) and not m["info"].strip():
            opening = None


def read_mark(source: str, where: str) -> MarkDecorator:
    try:
        mark = eval(source, {"pytest": pytest, "sys": sys, "os": os})  # noqa: S307 - markers are ours
    except Exception as exc:  # noqa: BLE001 - any error in a marker is the page's
        raise PageError(f"{where}: cannot read the marker <!--{source}-->: {exc}") from None
    if not isinstance(mark, MarkDecorator):
        raise PageError(f"{where}: <!--{source}--> is not a pytest mark")
    needs_reason = mark.name in {"skip", "skipif", "xfail"}
    if needs_reason and not (mark.kwargs.get("reason") or (mark.name == "skip" and mark.args)):
        hint = "; to show an error, put its traceback in the expected output" if mark.name == "xfail" else ""
        raise PageError(f"{where}: <!--{source}--> needs a written reason{hint}")
    return mark


def skip_reason(marks: list[MarkDecorator], importorskip: str | None) -> str | None:
    for mark in marks:
        if mark.name == "skip":
            return mark.kwargs.get("reason") or mark.args[0]
        if mark.name == "skipif" and any(mark.args):
            return mark.kwargs["reason"]
    if importorskip and importlib.util.find_spec(importorskip) is None:
        return f"{importorskip} is not installed"
    return None


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
        try:
            subprocess.run(
                [sys.executable, str(RUNNER), str(blocks_file), str(results_file)],
                cwd=root, env=env, timeout=PAGE_TIMEOUT, capture_output=True, check=False,
            )
        except subprocess.TimeoutExpired:
            pass  # blocks without a result are reported as not run
        lines = results_file.read_text().splitlines() if results_file.exists() else []
    return {r["line"]: r for r in map(json.loads, lines)}


def check(block: Block, results: dict[int, dict]) -> None:
    """Fail, with a first line naming page:line, unless the block did what the page shows."""
    result = results.get(block.line)
    if result is None:
        failed = [r for r in results.values() if r["error"]]
        cause = f"the block at line {failed[-1]['line']} failed first" if failed else "the page's run stopped"
        pytest.fail(f"{block.where}: not run: {cause}", pytrace=False)
    error, stdout = result["error"], result["stdout"]
    want = block.expected_error
    if want is None and error is not None:
        pytest.fail(
            f"{block.where}: raised {headline(error)}\n{error['traceback']}{result['stderr']}", pytrace=False
        )
    if want is not None:
        if error is None:
            pytest.fail(f"{block.where}: expected {want.cls} to be raised, but nothing was raised", pytrace=False)
        if want.cls not in (error["type"], error["qualname"]) or not error["message"].startswith(want.message):
            pytest.fail(
                f"{block.where}: expected {want.cls}: {want.message}, got {headline(error)}\n{error['traceback']}",
                pytrace=False,
            )
        expected_stdout = want.stdout
    else:
        expected_stdout = block.expected
    if expected_stdout is not None and stdout != expected_stdout:
        pytest.fail(
            f"{block.where}: output differs from the expected output shown on the page\n"
            + diff(expected_stdout, stdout),
            pytrace=False,
        )


def headline(error: dict) -> str:
    first = error["message"].splitlines()[0] if error["message"] else ""
    return f"{error['type']}: {first}" if first else error["type"]


def diff(expected: str, actual: str) -> str:
    import difflib

    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), "shown on the page", "printed"
        )
    )
