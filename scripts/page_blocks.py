"""Find every code block on a page, as the reader sees it, with its markers and expected output.

A page is read the way the site renders it: `--8<--` includes are expanded by
the same pymdownx.snippets preprocessor, configured from mkdocs.yml (see
hooks/snippet_lines.py). Markers are read by pytest-codeblocks'
`extract_from_buffer`. On top of it, this module closes the holes
pytest-codeblocks leaves open: fences it would skip silently, skips without a
reason, and errors that are never declared. It also remembers where on the
page each expected output stands, so that scripts/outputs.py (`make outputs`)
can rewrite it. scripts/block_runs.py runs and judges the blocks;
tests/test_codeblocks.py and scripts/outputs.py are the two users.
"""

from __future__ import annotations

import importlib.util
import io
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest
from _pytest.mark.structures import MarkDecorator
from mkdocs.config import load_config
from pytest_codeblocks import extract_from_buffer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from code_fences import FENCE, closes, language  # noqa: E402 - once hooks/, the shared helpers, is on the path
from project_files import project_root  # noqa: E402 - likewise
from snippet_lines import SnippetError, expand, snippet_preprocessor  # noqa: E402 - likewise

RUN = {"python", "bash", "sh"}
# Languages that hold Python but that pytest-codeblocks would never run.
PYTHON_ALIASES = {"py", "py3", "python3", "pycon", "ipython", "ipython3", "python-repl", "pyi"}
TRACEBACK = "Traceback (most recent call last):"
ELIDED = "..."  # what ends a shown message that the page cuts short
LAST_LINE = re.compile(r"^(?P<cls>[A-Za-z_][\w.]*)(?:: (?P<message>.*))?$")
# Markers of pytest-codeblocks the harness does not take, and why.
REFUSED = {
    "cont": "the blocks of a page already share one namespace, so a block can simply follow the other",
    "expected-output-ignore-whitespace": "outputs are compared exactly, as the reader sees them",
}
REFUSED_MARKER = re.compile(
    r"^\s*<!--[-\s]*pytest-codeblocks:(?P<name>cont|expected-output-ignore-whitespace)[-\s]*-->\s*$"
)
OUTPUT_MARKER = re.compile(r"^\s*<!--[-\s]*pytest-codeblocks:expected-output[-\s]*-->\s*$")


class PageError(Exception):
    """A page that cannot be checked as written; the message names page:line."""


@dataclass
class ExpectedError:
    stdout: str  # what the block prints before it raises
    cls: str
    message: str
    traceback: str  # the shown traceback, from its header to its last line


@dataclass
class OutputPlace:
    """Where a block's expected output stands in the page file, to rewrite it."""

    first: int  # page line of the output's first body line (the line after its opening fence)
    count: int  # how many body lines
    indent: str  # the opening fence's indentation, which every body line carries


@dataclass
class Block:
    page: str
    line: int
    language: str
    code: str
    expected: str | None = None
    marks: list[MarkDecorator] = field(default_factory=list)
    skip_reason: str | None = None
    output_place: OutputPlace | None = None  # None when the output comes from an include

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
                f"{self.where}: the traceback in the expected output must end with a line `ExceptionClass: message`"
            )
        before = "".join(line + "\n" for line in lines[:start])
        shown = "".join(line + "\n" for line in lines[start:])
        # A long message may be shown cut short, ending in "...": its start is what must match.
        message = (last["message"] or "").removesuffix(ELIDED).rstrip()
        return ExpectedError(before, last["cls"], message, shown)

    @property
    def xfail(self) -> bool:
        return any(mark.name == "xfail" for mark in self.marks)


class Site:
    """The site's configuration, as far as reading pages needs it."""

    def __init__(self, config_file: Path = ROOT / "mkdocs.yml"):
        config = load_config(str(config_file))
        self.root = project_root(config)
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
        texts = [text for _, text in expanded]
        check_fences(page, expanded)
        if texts and texts[0].strip() == "<!--pytest-codeblocks:skipfile-->":
            raise PageError(f"{page}:1: skipfile would skip every block without a reason; skip blocks one by one")
        for line, text in expanded:
            refused = REFUSED_MARKER.match(text)
            if refused:
                raise PageError(
                    f"{page}:{line}: <!--pytest-codeblocks:{refused['name']}--> is not supported: "
                    f"{REFUSED[refused['name']]}"
                )
        try:
            found = extract_from_buffer(io.StringIO("".join(t + "\n" for t in texts)), max_num_lines=10**6)
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
            code, _ = fence_body(texts, cb.lineno - 1)
            block = Block(page, page_line[cb.lineno - 1], lang, code, marks=marks)
            if cb.expected_output is not None:
                block.expected, block.output_place = output_place(texts, page_line, cb.lineno - 1, where)
            block.skip_reason = skip_reason(marks, cb.importorskip)
            block.expected_error  # noqa: B018 - reading it validates the traceback now
            blocks.append(block)
        return blocks


def fence_body(texts: list[str], opening: int) -> tuple[str, int]:
    """The body of the fence opened at index `opening`, without its indentation; and its closing index.

    Read here rather than taken from pytest-codeblocks, which drops the blank
    lines of a fence indented in an admonition or a collapsed block.
    """
    fence = FENCE.match(texts[opening])
    end = next((j for j in range(opening + 1, len(texts)) if closes(fence, texts[j])), len(texts))
    indent = fence["indent"]
    body = "".join(
        (t.removeprefix(indent) if t.startswith(indent) else t.lstrip()) + "\n" for t in texts[opening + 1 : end]
    )
    return body, end


def output_place(texts: list[str], page_line: list[int], opening: int, where: str) -> tuple[str, OutputPlace | None]:
    """The expected output under the code fence at index `opening`, and where it stands on the page.

    The place is None if those lines do not stand on the page itself (an included output).
    """
    _, i = fence_body(texts, opening)
    i += 1
    while i < len(texts) and not texts[i].strip():
        i += 1
    if i == len(texts) or not OUTPUT_MARKER.match(texts[i]):
        raise PageError(f"{where}: the expected-output marker must follow the block (only blank lines between)")
    i += 1
    while i < len(texts) and not texts[i].strip():
        i += 1
    if i == len(texts) or not FENCE.match(texts[i]):
        raise PageError(f"{where}: no output fence after the expected-output marker")
    shown, end = fence_body(texts, i)
    lines = [page_line[j] for j in range(i, end)]
    on_page = lines == list(range(page_line[i], page_line[i] + len(lines)))
    place = OutputPlace(page_line[i] + 1, end - i - 1, FENCE.match(texts[i])["indent"]) if on_page else None
    return shown, place


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
        elif closes(opening, text):
            opening = None


def read_mark(source: str, where: str) -> MarkDecorator:
    try:
        mark = eval(source, {"pytest": pytest, "sys": sys, "os": os})  # noqa: S307 - the markers are the site's own
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
