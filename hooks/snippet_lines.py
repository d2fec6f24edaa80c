"""Expand `--8<--` includes exactly as the site does, remembering page lines.

pymdownx.snippets expands includes before anything else sees a page, and its
errors name the snippet but not the page. This module runs the same
preprocessor, configured from mkdocs.yml, one include at a time, so that every
expanded line keeps the page line it came from. The test harness uses it to
name `page:line` for each code block; as an mkdocs hook it turns a missing
snippet or section into a one-line build error naming the page and line.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook
from pymdownx.snippets import SnippetMissingError

# The forms pymdownx.snippets accepts: a single line `--8<-- "path"` (escaped
# with a leading `;`), and a block of paths between two bare `--8<--` lines.
INCLUDE_LINE = re.compile(r"^[ \t]*;*-+8<-+[ \t]")
BLOCK_FENCE = re.compile(r"^[ \t]*-+8<-+[ \t]*$")


class SnippetError(Exception):
    """An include that cannot be expanded, with the page and line."""


def snippet_preprocessor(markdown_extensions, mdx_configs):
    """The snippets preprocessor with the site's own extension configuration."""
    md = markdown.Markdown(extensions=markdown_extensions, extension_configs=mdx_configs)
    return md.preprocessors["snippet"]


def expand(text: str, preprocessor, page: str) -> list[tuple[int, str]]:
    """Return the page's lines with includes expanded, each with its page line."""
    lines = text.splitlines()
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(lines):
        if BLOCK_FENCE.match(lines[i]):
            end = next((j for j in range(i + 1, len(lines)) if BLOCK_FENCE.match(lines[j])), len(lines) - 1)
            group = lines[i : end + 1]
        elif INCLUDE_LINE.match(lines[i]):
            group = lines[i : i + 1]
        else:
            out.append((i + 1, lines[i]))
            i += 1
            continue
        try:
            produced = preprocessor.run(list(group))
        except SnippetMissingError as exc:
            raise SnippetError(f"{page}:{i + 1}: {exc}") from None
        out.extend((i + 1, line) for line in produced)
        i += len(group)
    return out


def source_name(page: Page, config: MkDocsConfig) -> str:
    """A page's source file as errors name it: relative to mkdocs.yml's folder if inside it."""
    root = project_root(config)
    source = Path(page.file.abs_src_path).resolve()
    return source.relative_to(root).as_posix() if source.is_relative_to(root) else str(source)


_preprocessors: dict[int, object] = {}


def on_page_markdown(markdown_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fail the build on a missing snippet with `page:line`, before pymdownx does."""
    if not page.file.src_uri.endswith(".md"):
        return markdown_text
    key = id(config)
    if key not in _preprocessors:
        _preprocessors[key] = snippet_preprocessor(config.markdown_extensions, config.mdx_configs)
    # The whole source file, front matter included, so that line numbers are the file's.
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    try:
        expand(text, _preprocessors[key], source_name(page, config))
    except SnippetError as exc:
        raise PluginError(str(exc)) from None
    return markdown_text
