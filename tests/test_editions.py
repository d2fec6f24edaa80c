"""The two editions carry the same code, outputs and numbers; only prose differs.

- Every page of the English nav has a Chinese edition (`docs/<page>.zh.md`, or
  Chinese cells in a notebook source), or is declared a fallback in
  mkdocs.zh.yml; the two navs list the same pages in the same order.
- A page's two editions have byte-identical fences (code, includes, markers,
  outputs) and the same macros, in the same order; a notebook's two editions
  share every code cell by construction, and each Chinese cell follows the
  English cell it translates, with as many headings.
- As built: `<html lang>` is right, the Chinese pages keep the English
  heading ids, their edit links name the file they were built from, a fallback
  page's canonical link is the English page, and every run of Chinese text on
  an English page carries `lang="zh"`.
"""

from __future__ import annotations

import re
from pathlib import Path

import jupytext
import nbformat
import pytest
import yaml
from bs4 import BeautifulSoup
from code_fences import fences
from notebook_lang import for_language, headings
from site_server import site_pages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
HAN = re.compile(r"[\u3400-\u9fff]")
MACRO = re.compile(r"\{\{.*?\}\}")


class Loader(yaml.SafeLoader):
    """mkdocs.yml's `!ENV` tags read as plain values: only the nav matters here."""


Loader.add_constructor("!ENV", lambda loader, node: None)


def config(name: str) -> dict:
    return yaml.load((ROOT / name).read_text(encoding="utf-8"), Loader=Loader)


def nav_pages(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav
    return [page for item in items for page in nav_pages(item)]


EN, ZH = config("mkdocs.yml"), config("mkdocs.zh.yml")
FALLBACK = ZH["extra"]["i18n"]["fallback"]
PAGES = nav_pages(EN["nav"])
TRANSLATED = [p for p in PAGES if p.endswith(".md") and (DOCS / p.replace(".md", ".zh.md")).is_file()]


def notebook_source(page: str) -> Path:
    slug = Path(page).stem.replace("-", "_")
    return ROOT / "snippets" / slug / f"{slug}.py"


def test_both_navs_list_the_same_pages_in_the_same_order():
    assert nav_pages(ZH["nav"]) == PAGES


@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_a_chinese_edition_or_is_declared_a_fallback(page):
    if page.endswith(".ipynb"):
        cells = jupytext.read(notebook_source(page)).cells
        translated = any(cell.metadata.get("lang") == "zh" for cell in cells)
    else:
        translated = (DOCS / page.replace(".md", ".zh.md")).is_file()
    problem = "translated but still declared a fallback" if translated else "no Chinese edition, and not a fallback"
    assert translated != (page in FALLBACK), f"{page}: {problem} (extra.i18n.fallback in mkdocs.zh.yml)"


def fenced(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").split("\n")
    return ["\n".join([lines[i], *body]) for i, _, body in fences(lines)]


@pytest.mark.parametrize("page", TRANSLATED)
def test_both_editions_show_the_same_code_outputs_and_numbers(page):
    en, zh = DOCS / page, DOCS / page.replace(".md", ".zh.md")
    assert fenced(zh) == fenced(en), f"{zh.name}: its code and output blocks differ from {en.name}'s"
    # The same values, each as often; a sentence may put them in another order.
    assert sorted(MACRO.findall(zh.read_text(encoding="utf-8"))) == sorted(
        MACRO.findall(en.read_text(encoding="utf-8"))
    ), f"{zh.name}: its values ({{{{ ... }}}}) differ from {en.name}'s"


@pytest.mark.parametrize("page", [p for p in PAGES if p.endswith(".ipynb")])
def test_a_notebooks_editions_share_their_code_and_headings(page):
    source = notebook_source(page)
    nb = jupytext.read(source)
    rel = source.relative_to(ROOT).as_posix()
    en, zh = for_language(nb, "en", "en", rel), for_language(nb, "zh", "en", rel)  # raise on a bad twin
    assert [c.source for c in zh.cells if c.cell_type == "code" and "prose" not in c.metadata.get("tags", [])] == [
        c.source for c in en.cells if c.cell_type == "code" and "prose" not in c.metadata.get("tags", [])
    ]
    assert sum(len(headings(c.source)) for c in zh.cells if c.cell_type == "markdown") == sum(
        len(headings(c.source)) for c in en.cells if c.cell_type == "markdown"
    )


def test_a_chinese_cell_shows_no_space_where_its_source_wraps():
    """Chromium shows a line break between two Chinese characters as a space: the
    Chinese edition joins such lines, and leaves fences and the English cell alone."""
    english = nbformat.v4.new_markdown_cell("Two weights\nact as one.")
    chinese = nbformat.v4.new_markdown_cell(
        "两个权重，\n作用如同一个（weight）和\n$w$ 相乘。\n\n- 列表项\n  继续\n\n```text\n代码\n中文\n```",
        metadata={"lang": "zh"},
    )
    nb = nbformat.v4.new_notebook(cells=[english, chinese])
    (zh,) = for_language(nb, "zh", "en", "x.py").cells
    assert zh.source == "两个权重，作用如同一个（weight）和\n$w$ 相乘。\n\n- 列表项继续\n\n```text\n代码\n中文\n```"
    assert for_language(nb, "en", "en", "x.py").cells[0].source == "Two weights\nact as one."
    assert nb.cells[1].source.startswith("两个权重，\n")  # the source notebook is not changed


# --- as built ---------------------------------------------------------------------


def html_of(site: Path, path: str) -> BeautifulSoup:
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pages(built_site):
    return [p for p in site_pages(built_site) if not p.endswith("404.html")]


def test_every_page_is_built_in_both_editions_with_its_language(built_site, pages):
    english = [p for p in pages if not p.startswith("zh/")]
    assert sorted("zh/" + p for p in english) == sorted(p for p in pages if p.startswith("zh/"))
    for path in pages:
        assert html_of(built_site, path).html["lang"] == ("zh" if path.startswith("zh/") else "en"), path


def test_chinese_pages_keep_the_english_heading_ids(built_site, pages):
    for path in [p for p in pages if not p.startswith("zh/")]:
        ids = [h.get("id") for h in html_of(built_site, path).select("article :is(h1, h2, h3, h4, h5, h6)")]
        zh = [h.get("id") for h in html_of(built_site, "zh/" + path).select("article :is(h1, h2, h3, h4, h5, h6)")]
        assert zh == ids, f"zh/{path}: heading ids {zh} differ from {ids}"
        assert all(ids), f"{path}: a heading without an id"


def test_edit_and_canonical_links_name_the_edition(built_site, pages):
    for path in [p for p in pages if p.startswith("zh/")]:
        soup = html_of(built_site, path)
        edit = [a["href"] for a in soup.select("a[rel=edit]")]
        canonical = soup.select_one("link[rel=canonical]")["href"]
        source = path.removeprefix("zh/").rstrip("/") or "index"
        if f"{source}.md" in FALLBACK:
            assert not canonical.rstrip("/").endswith("/zh/" + path.removeprefix("zh/").rstrip("/")), path
            assert edit and edit[0].endswith(f"docs/{source}.md"), (path, edit)
        elif (DOCS / f"{source}.zh.md").is_file():
            assert canonical.endswith(path), (path, canonical)
            assert edit and edit[0].endswith(f"docs/{source}.zh.md"), (path, edit)


def test_chinese_text_on_english_pages_is_marked(built_site, pages):
    unmarked = {}
    for path in [p for p in pages if not p.startswith("zh/")]:
        soup = html_of(built_site, path)
        for text in soup.body.find_all(string=HAN):
            if text.find_parent(["code", "pre", "script", "style"]) or text.find_parent(attrs={"lang": "zh"}):
                continue
            unmarked.setdefault(path or "index", []).append(text.strip()[:30])
    assert not unmarked, f"Chinese text without lang=zh: {unmarked}"
