"""Snippets as files: the code a page embeds is published, linked from its block, and runs alone.

Every embedded snippet file is copied into the site (hooks/snippet_links.py)
and its block's title links to it. A reader who downloads one into an empty
folder and runs it gets what the page shows: tested here by downloading each
from the built site, served as a static host serves it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from code_fences import fences
from site_server import serve_site
from snippet_links import add_titles, embedded_files
from snippet_roles import is_published

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 120  # seconds; the slowest file, the notebook source, trains a model for a few thousand steps
RAISES = re.compile(r"^# raises: (?P<cls>[\w.]+)\s*$")


def published_files() -> list[Path]:
    """The files of snippets/ that the site publishes (hooks/snippet_roles.py), relative to the root."""
    return sorted(
        p.relative_to(ROOT) for p in (ROOT / "snippets").rglob("*") if p.is_file() and is_published(p.relative_to(ROOT))
    )


def test_exactly_the_pages_code_is_published(built_site):
    problems = [
        f"{p}: not published as it is"
        for p in published_files()
        if not (built_site / p).is_file() or (built_site / p).read_bytes() != (ROOT / p).read_bytes()
    ]
    extra = sorted(
        {p.relative_to(built_site) for p in (built_site / "snippets").rglob("*") if p.is_file()}
        - set(published_files())
    )
    problems += [f"{p}: published, but not a file of the pages' code" for p in extra]
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def served(built_site):
    with serve_site(built_site) as url:
        yield url


def declared_exception(path: Path) -> str | None:
    with path.open(encoding="utf-8") as f:
        m = RAISES.match(f.readline())
    return m["cls"] if m else None


@pytest.mark.parametrize("name", published_files(), ids=str)
def test_a_published_file_runs_when_downloaded_alone(name, served, tmp_path):
    """Downloaded from the site into an empty folder and run there, as a reader would.

    A file whose first line is `# raises: Cls` shows an error on purpose and must
    end with exactly that exception.
    """
    file = tmp_path / name.name
    with urllib.request.urlopen(served + name.as_posix(), timeout=30) as response:
        file.write_bytes(response.read())
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, file.name], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    expected = declared_exception(file)
    if expected is None:
        assert proc.returncode == 0, f"{name}: exited {proc.returncode}\n{proc.stderr}"
        return
    assert proc.returncode == 1, f"{name}: declares `# raises: {expected}` but exited {proc.returncode}"
    # The exception line follows the last traceback's frames; its message may span lines.
    tail = proc.stderr.rsplit("Traceback (most recent call last):", 1)[-1].splitlines()
    raised = next((line for line in tail if line and not line.startswith(" ")), "")
    assert re.match(rf"{re.escape(expected)}(:|$)", raised), f"{name}: declares {expected}, but raised: {raised}"


class FilenameLinks(HTMLParser):
    """The links inside Material's code block titles (`<span class="filename">`), in order."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[str] = []
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and attrs.get("class") == "filename":
            self._depth = 1
        elif self._depth and tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "span":
            self._depth = 0


@pytest.mark.parametrize("source", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_every_embedded_snippet_links_to_its_file(source, built_site):
    lines = source.read_text(encoding="utf-8").split("\n")
    expected = [path for _, _, body in fences(lines) for path in embedded_files(body)]
    # docs/<page>.zh.md is built into zh/<page>/, beside nothing else: its edition's folder.
    stem, _, lang = source.stem.partition(".")
    edition = built_site / lang if lang else built_site
    page = edition / ("index.html" if stem == "index" else f"{stem}/index.html")
    links = FilenameLinks(page.read_text(encoding="utf-8")).links
    base = page.relative_to(edition).as_posix()  # each edition publishes the files in its own folder
    resolved = [urljoin(base, unquote(href)) for href in links]
    assert resolved == expected, f"docs/{source.name}: the blocks embed {expected}, their titles link {resolved}"


def test_titles_only_for_real_includes():
    page = "\n".join(
        [
            "```python",
            '--8<-- "snippets/a/one.py:section"',
            "```",
            "````markdown",  # an example of the syntax, as on the Contributing page: escaped,
            "```python",  # so shown, not included; and the inner fence is the example's text
            ';--8<-- "snippets/a/two.py"',
            "```",
            "````",
            "```python",
            '--8<-- "docs/not-a-snippet.md"',  # an include, but not of a snippet file
            "```",
            "    ```python",  # indented, as in an admonition or a tab
            '    --8<-- "snippets/a/four.py"',
            "    ```",
        ]
    )
    out, titles = add_titles(page, "page.md", lambda uri: True)
    assert titles == ["snippets/a/one.py", "snippets/a/four.py"]
    assert out.split("\n")[0] == '```python title="snippets/a/one.py"'
    assert out.split("\n")[11] == '    ```python title="snippets/a/four.py"'


def test_own_title_on_an_embedding_block_fails_naming_page_and_line():
    page = 'Text\n\n```python title="mine"\n--8<-- "snippets/a/one.py"\n```\n'
    with pytest.raises(
        Exception, match=r"^page\.md: the block at line 3 embeds snippets/a/one\.py and has its own title="
    ):
        add_titles(page, "page.md", lambda uri: True)
