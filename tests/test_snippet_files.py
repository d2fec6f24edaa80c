"""Snippets as files: the code a page embeds is published, linked from its block, and runs alone.

Every embedded snippet file is copied into the site (hooks/snippet_links.py)
and its block's title links to it. A reader who downloads one into an empty
folder and runs it gets what the page shows: tested here by downloading each
from the built site, served as a static host serves it.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from snippet_links import add_titles, embedded_files
from code_fences import fences

ROOT = Path(__file__).resolve().parent.parent


def snippet_files() -> list[Path]:
    return sorted(p for p in (ROOT / "snippets").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def test_every_snippet_file_is_published(built_site):
    problems = [f"{p.relative_to(ROOT)}: not published as it is" for p in snippet_files()
                if not (built_site / p.relative_to(ROOT)).is_file()
                or (built_site / p.relative_to(ROOT)).read_bytes() != p.read_bytes()]
    assert not problems, "\n".join(problems)


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
    page = built_site / ("index.html" if source.stem == "index" else f"{source.stem}/index.html")
    links = FilenameLinks(page.read_text(encoding="utf-8")).links
    base = page.relative_to(built_site).as_posix()
    resolved = [urljoin(base, unquote(href)) for href in links]
    assert resolved == expected, f"docs/{source.name}: the blocks embed {expected}, their titles link {resolved}"


def test_titles_only_for_real_includes():
    page = "\n".join([
        '```python',
        '--8<-- "snippets/a/one.py:section"',
        '```',
        '````markdown',  # an example of the syntax, as on the Contributing page: escaped,
        '```python',     # so shown, not included; and the inner fence is the example's text
        ';--8<-- "snippets/a/two.py"',
        '```',
        '````',
        '```python',
        '--8<-- "docs/not-a-snippet.md"',  # an include, but not of a snippet file
        '```',
        '    ```python',  # indented, as in an admonition or a tab
        '    --8<-- "snippets/a/four.py"',
        '    ```',
    ])
    out, titles = add_titles(page, "page.md", lambda uri: True)
    assert titles == ["snippets/a/one.py", "snippets/a/four.py"]
    assert out.split("\n")[0] == '```python title="snippets/a/one.py"'
    assert out.split("\n")[11] == '    ```python title="snippets/a/four.py"'


def test_own_title_on_an_embedding_block_fails_naming_page_and_line():
    page = 'Text\n\n```python title="mine"\n--8<-- "snippets/a/one.py"\n```\n'
    with pytest.raises(Exception, match=r"^page\.md: the block at line 3 embeds snippets/a/one\.py and has its own title="):
        add_titles(page, "page.md", lambda uri: True)
