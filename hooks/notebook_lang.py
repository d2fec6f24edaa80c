"""One notebook source, one edition per language: which cells each edition shows, and its heading ids.

A notebook source holds every edition: after an English Markdown cell (or a
cell tagged `prose`, which prints a sentence) may stand its twin in another
language, marked `lang="zh"` in its cell metadata. The English edition drops
every marked cell; the Chinese edition shows each twin in place of the cell
before it. Code cells are shared, so both editions show the same code and
outputs by construction. Headings keep the English ids in every edition
(links and anchors are the same), which mkdocs-jupyter cannot derive from
Chinese text.
"""

from __future__ import annotations

import copy
import re

from mkdocs.exceptions import PluginError
from mkdocs_jupyter.utils import slugify
from nbconvert.filters.strings import _convert_header_id

HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*#*\s*$", re.M)
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
MARKUP = re.compile(r"[`*_]|\[([^\]]*)\]\([^)]*\)")
# A line break between two Chinese characters (or full-width punctuation, or
# curly quotes): the source wraps at 79 columns, but Chromium shows such a
# break as a space, which Chinese text must not have.
WIDE = "\u2018\u2019\u201c\u201d\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
WRAPPED = re.compile(rf"(?<=[{WIDE}])\n[ \t]*(?=[{WIDE}])")


def headings(source: str) -> list[str]:
    """The heading texts of a Markdown cell, outside fenced code."""
    return [m["text"] for m in HEADING.finditer(FENCE.sub("", source))]


def unwrap_chinese(source: str) -> str:
    """A Chinese Markdown cell with its wrapped lines joined where a break would show as a space."""
    parts = re.split(r"(^(?:```|~~~).*?^(?:```|~~~)[^\n]*$)", source, flags=re.M | re.S)
    return "".join(part if index % 2 else WRAPPED.sub("", part) for index, part in enumerate(parts))


def heading_id(text: str) -> str:
    """The id mkdocs-jupyter gives a heading (ASCII only: a Chinese heading would get none)."""
    plain = MARKUP.sub(lambda m: m[1] or "", text)
    return _convert_header_id(slugify(plain))


def for_language(nb, lang: str, default: str, rel: str, markers: list[int] | None = None):
    """The notebook `nb` as the `lang` edition shows it; PluginError naming the line of a bad twin."""
    edition = copy.deepcopy(nb)
    cells = []
    for index, cell in enumerate(edition.cells):
        cell_lang = cell.metadata.get("lang", default)
        line = markers[index] if markers and index < len(markers) else 1
        if cell_lang == default:
            cells.append(cell)
            continue
        before = edition.cells[index - 1] if index else None
        if before is None or before.metadata.get("lang", default) != default or before.cell_type != cell.cell_type:
            raise PluginError(f"{rel}:{line}: a lang={cell_lang!r} cell must follow the {default} cell it translates")
        if cell.cell_type == "markdown" and len(headings(cell.source)) != len(headings(before.source)):
            raise PluginError(
                f"{rel}:{line}: this {cell_lang} cell has {len(headings(cell.source))} heading(s), "
                f"its {default} twin {len(headings(before.source))}: they must match"
            )
        if cell_lang == lang:
            if cell.cell_type == "markdown" and lang == "zh":
                cell.source = unwrap_chinese(cell.source)
            cells[-1] = cell
    edition.cells = cells
    return edition


def english_ids(nb, default: str) -> list[str]:
    """The heading ids of the default edition, in page order."""
    return [
        heading_id(text)
        for cell in nb.cells
        if cell.cell_type == "markdown" and cell.metadata.get("lang", default) == default
        for text in headings(cell.source)
    ]


def apply_ids(soup, ids: list[str], source: str) -> None:
    """Give the rendered headings of the page, in order, the default edition's ids."""
    found = soup.select(".jp-RenderedMarkdown :is(h1, h2, h3, h4, h5, h6)")
    if len(found) != len(ids):
        raise PluginError(f"{source}: the page has {len(found)} headings, its English edition {len(ids)}")
    for heading, anchor in zip(found, ids, strict=True):
        if not anchor:
            raise PluginError(f"{source}: the English heading {heading.get_text()!r} has no id")
        heading["id"] = anchor
        for link in heading.select("a.headerlink, a.anchor-link"):
            link["href"] = f"#{anchor}"


def apply_toc_ids(toc, ids: list[str]) -> None:
    """The same ids for the page's table of contents (mkdocs-jupyter builds it from the text)."""
    items = []

    def walk(links):
        for link in links:
            items.append(link)
            walk(link.children)

    walk(toc)
    # The TOC lists the headings below the page title: the last ones of `ids`.
    for link, anchor in zip(items, ids[len(ids) - len(items) :], strict=True):
        link.id = anchor
