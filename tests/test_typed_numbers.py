"""No number in the prose is typed by hand: every one comes from code.

On every page, in both languages, and in every Markdown cell of a notebook
page: outside code (fences and `inline code`), HTML comments and tags, macros
(`{{ page_slug.key }}`, which values.py computes) and link targets, no number
with two or more digits or a decimal point may stand, math included. Single
digits are the small constants of formulas (2, 1/2). A notebook's numbers
come from cells that print sentences (`say(...)`). The exceptions are
quotations of the post, listed in ALLOWED, each with its reason.

Every value a values.py computes is used by some page: a value nobody shows
is a number nobody checks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jupytext
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTEBOOKS = sorted(
    p
    for p in (ROOT / "snippets").glob("*/*.py")
    if p.stem == p.parent.name and p.read_text(encoding="utf-8").startswith("# ---\n# jupyter:")
)
NUMBER = re.compile(r"\d+\.\d+|\d{2,}")
# What is not prose, in the order it is removed.
NOT_PROSE = [
    r"\A---\n.*?\n---\n",  # front matter
    r"^([ \t]*)(`{3,}|~{3,}).*?^\1\2",  # fenced code
    r"<!--.*?-->",  # comments (markers)
    r"\{\{.*?\}\}",  # macros: computed values
    r"`[^`\n]+`",  # inline code
    r"\]\([^)]*\)",  # link targets
    r"<[^>\n]+>",  # HTML tags and their attributes
    r"\{\s*[#.][^}\n]*\}",  # attribute lists: { #anchor .class }
]

# (file, the typed text, why it may stand). Only quotations of the post.
ALLOWED: list[tuple[str, str, str]] = [
    ("docs/errata.md", "迭代1000次进行训练", "the post's comment, quoted as the post wrote it"),
    ("docs/errata.md", "for 1000 iterations", "the translation of that quotation"),
    ("docs/errata.md", "每50次迭代打印Loss", "the post's comment, quoted as the post wrote it"),
    ("docs/errata.md", "every 50 iterations", "the translation of that quotation"),
    ("docs/errata.zh.md", "迭代1000次进行训练", "the post's comment, quoted as the post wrote it"),
    ("docs/errata.zh.md", "每50次迭代打印Loss", "the post's comment, quoted as the post wrote it"),
]


def prose(text: str) -> str:
    for pattern in NOT_PROSE:
        text = re.sub(pattern, " ", text, flags=re.S | re.M)
    return text


def sources() -> dict[str, str]:
    """{name: text} of every page and of every notebook's Markdown cells."""
    found = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md"))}
    for path in NOTEBOOKS:
        cells = [c.source for c in jupytext.read(path).cells if c.cell_type == "markdown"]
        found[path.relative_to(ROOT).as_posix()] = "\n\n".join(cells)
    return found


@pytest.mark.parametrize(("name", "text"), sources().items(), ids=list(sources()))
def test_no_number_is_typed_by_hand(name, text):
    allowed = [typed for file, typed, _ in ALLOWED if file == name]
    body = " ".join(prose(text).split())  # one line: a quotation may wrap anywhere
    for typed in allowed:
        assert typed in body, f"{name}: the allowed {typed!r} no longer stands there; drop it from ALLOWED"
        body = body.replace(typed, " ")
    typed = [(m.group(), body[max(0, m.start() - 30) : m.end() + 30]) for m in NUMBER.finditer(body)]
    assert not typed, f"{name}: numbers typed by hand (compute them in values.py): {typed}"


def test_every_computed_value_is_shown_somewhere():
    pages = "\n".join(p.read_text(encoding="utf-8") for p in [*DOCS.rglob("*.md"), *NOTEBOOKS])
    used = set(re.findall(r"\{\{\s*(\w+)\.(\w+)\s*\}\}", pages))
    # An explorer's numbers go to its data-explorer attribute (hooks/explorer_data.py).
    used |= set(re.findall(r'data-values="(\w+)\.(\w+)"', pages))
    unused = [
        f"{path.name}: {key}"
        for path in sorted((DOCS / "values").glob("*.json"))
        for key in json.loads(path.read_text(encoding="utf-8"))
        if (path.stem, key) not in used
    ]
    assert not unused, f"values no page shows: {unused}"
