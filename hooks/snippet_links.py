"""Publish snippets/ with the site, and link every embedded snippet to its file.

Every file of the pages' code under snippets/ (hooks/snippet_roles.py: not the
figure pipeline's modules) is copied into the site as `snippets/<path>`, so a
reader can save the exact code the tests run. A fence whose body is `--8<--`
includes of snippet files gets the file as its title, which Material shows
above the block, and the title becomes a download link to the published file,
with a <wbr> after each "/" so that a narrow screen wraps the path there and
nowhere else (extra.css). Relative links, so they work on the hosted site and
in the offline copy alike.

A fence that embeds a snippet but already has a title, or an include of a file
that is not published, fails the build with `page:line` and the file.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from code_fences import fences  # hooks/ is on sys.path while MkDocs loads a hook
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from project_files import project_root
from snippet_lines import source_name
from snippet_roles import is_published

SNIPPETS = "snippets"
# An unescaped single-line include (`;--8<--` is pymdownx's escape: shown, not included).
INCLUDE = re.compile(r'^[ \t]*-+8<-+[ \t]+"(?P<spec>[^"]+)"[ \t]*$')
TITLE = re.compile(r"\btitle=")

# Per build: page src_uri -> the titles added to its fences.
_titles: dict[str, list[str]] = {}


def snippet_path(spec: str) -> str:
    """`snippets/a/b.py:section` or `snippets/a/b.py:3:9` -> `snippets/a/b.py`."""
    head, _, tail = spec.rpartition("/")
    return f"{head}/{tail.split(':', 1)[0]}" if head else spec.split(":", 1)[0]


def embedded_files(body: list[str]) -> list[str]:
    """The snippet files a fence body includes, in order, once each."""
    found = []
    for line in body:
        m = INCLUDE.match(line)
        if m and m["spec"].startswith(SNIPPETS + "/"):
            path = snippet_path(m["spec"])
            if path not in found:
                found.append(path)
    return found


def embedding_fences(lines: list[str]):
    """(index of the opening line, match, snippet files) for each fence that embeds snippets."""
    return [(i, m, paths) for i, m, body in fences(lines) if (paths := embedded_files(body))]


def add_titles(markdown: str, page_name: str, published, file_lines=None) -> tuple[str, list[str]]:
    """Give each fence that embeds snippets their paths as its title; return the page and titles.

    `file_lines`, the line numbers of those fences in the page's file, name them in
    errors; MkDocs hands hooks the page without its front matter.
    """
    lines = markdown.split("\n")
    titles = []
    found = embedding_fences(lines)
    if file_lines is None or len(file_lines) != len(found):
        file_lines = [i + 1 for i, _, _ in found]
    for (i, m, paths), line in zip(found, file_lines, strict=True):
        for path in paths:
            if not published(path):
                raise PluginError(
                    f"{page_name}: the block at line {line} links to {path}, "
                    f"which is not a published file of {SNIPPETS}/"
                )
        if TITLE.search(m["info"]):
            raise PluginError(
                f"{page_name}: the block at line {line} embeds {', '.join(paths)} "
                "and has its own title=; drop it: the title is the snippet's file"
            )
        title = " ".join(paths)
        lines[i] = f'{m["indent"]}{m["fence"]}{m["info"].rstrip()} title="{title}"'
        titles.append(title)
    return "\n".join(lines), titles


def breakable(path: str) -> str:
    """`path` as HTML that a narrow screen may wrap after a "/" and nowhere else (with extra.css)."""
    return "/<wbr>".join(html.escape(part) for part in path.split("/"))


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = project_root(config)
    for path in sorted((root / SNIPPETS).rglob("*")):
        if path.is_file() and is_published(path.relative_to(root)):
            uri = path.relative_to(root).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.endswith(".md"):
        return markdown
    name = source_name(page, config)
    file_lines = None
    if page.file.abs_src_path:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8").split("\n")
        file_lines = [i + 1 for i, _, _ in embedding_fences(source)]
    markdown, titles = add_titles(markdown, name, lambda uri: files.get_file_from_path(uri) is not None, file_lines)
    _titles[page.file.src_uri] = titles
    return markdown


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Turn each title added above into links to the files it names."""
    for title in _titles.pop(page.file.src_uri, []):
        span = f'<span class="filename">{html.escape(title)}</span>'
        if span not in content:
            raise PluginError(
                f"{source_name(page, config)}: the title {title!r} was not rendered; "
                "is pymdownx.highlight's title support off?"
            )
        links = " ".join(
            f'<a href="{html.escape(files.get_file_from_path(uri).url_relative_to(page.file))}" '
            f'download title="Download {html.escape(uri)}">{breakable(uri)}</a>'
            for uri in title.split(" ")
        )
        content = content.replace(span, f'<span class="filename">{links}</span>', 1)
    return content
