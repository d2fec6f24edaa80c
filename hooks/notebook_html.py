"""The HTML of a rendered notebook, made part of a Material page: pure functions of text.

mkdocs-jupyter renders a notebook as a stand-alone HTML document: about 600 KB
of JupyterLab CSS, MathJax and Mermaid loaders that would fetch from a CDN,
its own copy buttons, and code cells in its own markup. `to_material` keeps
only the cells (without JupyterLab's layout boxes) and writes code cells and text outputs as the markup of a
fenced block, so that Material's own styles, syntax colours (in both palettes)
and copy buttons apply. The `$...$` and `$$...$$` math that nbconvert leaves
as text for MathJax becomes arithmatex markup, which docs/javascripts/katex.js
renders with the site's own KaTeX like the math of every other page. The
cells of an exercise's solution (tag `solution`) are collapsed, like the
`??? note "Solution"` blocks of the Markdown pages.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from notebook_lang import apply_ids

# Math in a Markdown cell's text: display ($$...$$) first, then inline ($...$).
MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$]+?)\$", re.DOTALL)
# JupyterLab's layout boxes, which only its own CSS (not served here) gives a
# look: the collapsers are empty, the rest hold one child each. Each costs a
# phone an element to style and lay out at load (one-neuron-fit has ~300), and
# each input wrapper is a keyboard stop (tabindex="0") with nothing to do.
EMPTY_BOXES = ".jp-Collapser"
BOXES = (
    ".jp-Cell-inputWrapper, .jp-InputArea, .jp-CodeMirrorEditor, .CodeMirror,"
    " .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child"
)
# Cells of an exercise's worked solution: shown collapsed, as `??? note "Solution"` is on a Markdown page.
SOLUTION_TAG = "solution"


def material_code(soup, pre, language: str):
    """`<div class="language-X highlight"><pre><span></span><code>...`, as pymdownx writes a fence."""
    code = soup.new_tag("code")
    for child in list(pre.children):
        if child.name == "span" and not child.contents:  # pygments' empty first span
            continue
        code.append(child.extract())
    pre.clear()
    pre.append(soup.new_tag("span"))
    pre.append(code)
    block = soup.new_tag("div", attrs={"class": f"language-{language} highlight"})
    pre.wrap(block)
    return block


def arithmatex(soup, element) -> None:
    """Turn `$...$` / `$$...$$` in the element's text into arithmatex spans and divs.

    Display math that stood inside a paragraph is moved out of it (a `<div>`
    cannot be inside a `<p>`): the paragraph is split around it.
    """
    for text in list(element.find_all(string=MATH)):
        if text.find_parent(["code", "pre"]) is not None:
            continue
        pieces, last = [], 0
        for m in MATH.finditer(text):
            pieces.append(text[last : m.start()])
            if m["display"] is not None:
                math = soup.new_tag("div", attrs={"class": "arithmatex"})
                math.string = f"\\[{m['display'].strip()}\\]"
            else:
                math = soup.new_tag("span", attrs={"class": "arithmatex"})
                math.string = f"\\({m['inline'].strip()}\\)"
            pieces.append(math)
            last = m.end()
        pieces.append(text[last:])
        text.replace_with(*[p for p in pieces if p != ""])
    for div in element.select("p > div.arithmatex"):
        lift_out_of_paragraph(soup, div)


def lift_out_of_paragraph(soup, div) -> None:
    """Split the `<p>` around `div`: what came before and after stay paragraphs, empty ones go."""
    paragraph = div.parent
    after = soup.new_tag("p")
    for node in list(div.next_siblings):
        after.append(node.extract())
    paragraph.insert_after(div.extract())
    div.insert_after(after)
    for p in (paragraph, after):
        if not p.get_text(strip=True) and not p.find(True):
            p.decompose()


def collapse_solutions(soup, label: str) -> None:
    """Wrap each run of consecutive solution cells in a collapsed `<details class="note">`."""
    for cell in soup.select(f".celltag_{SOLUTION_TAG}"):
        if cell.find_parent("details") is not None:
            continue  # already in the block of the cell before it
        run, after = [cell], cell.find_next_sibling()
        while after is not None and f"celltag_{SOLUTION_TAG}" in after.get("class", []):
            run.append(after)
            after = after.find_next_sibling()
        details = soup.new_tag("details", attrs={"class": "note"})
        summary = soup.new_tag("summary")
        summary.string = label
        details.append(summary)
        cell.insert_before(details)
        for member in run:
            details.append(member.extract())


def to_material(html: str, source: str, solution_label: str = "Solution", heading_ids=None) -> str:
    """mkdocs-jupyter's stand-alone notebook HTML, made part of a Material page.

    `heading_ids`, for an edition whose headings are not English, are the ids
    its headings get, in order (hooks/notebook_lang.py).
    """
    soup = BeautifulSoup(html, "html.parser")
    wrapper = soup.find("div", class_="jupyter-wrapper")
    if wrapper is None:
        raise PluginError(f"{source}: no jupyter-wrapper in mkdocs-jupyter's HTML; has its template changed?")
    # Around the cells: the stand-alone head (and, for an .ipynb source, the Pygments CSS again).
    for node in [*wrapper.previous_siblings, *wrapper.next_siblings]:
        node.extract()
    for node in soup.select(".zeroclipboard-container, .clipboard-copy-txt"):
        node.decompose()
    for div in soup.select("div.highlight-ipynb"):
        language = next((c[3:] for c in div["class"] if c.startswith("hl-")), "text")
        div.replace_with(material_code(soup, div.pre, language))
    for div in soup.select("div.jp-RenderedText > pre"):
        material_code(soup, div, "text")
    # Material names a code block after its closest ancestor with an id: the cell ids
    # ("cell-id=...", which nothing links to) would give a cell's code and output one name.
    for cell in soup.select('[id^="cell-id="]'):
        del cell["id"]
    for cell in soup.select(".jp-RenderedMarkdown"):
        arithmatex(soup, cell)
    for a in soup.select("a.anchor-link"):
        a["class"] = "headerlink"
    for box in soup.select(EMPTY_BOXES):
        box.decompose()
    for box in soup.select(BOXES):
        box.unwrap()
    collapse_solutions(soup, solution_label)
    if heading_ids is not None:
        apply_ids(soup, heading_ids, source)
    leftover = soup.find(["style", "script", "link", "iframe"]) or soup.select_one(".highlight-ipynb")
    if leftover is not None:
        raise PluginError(
            f"{source}: the rendered notebook still has {str(leftover)[:80]!r}; has mkdocs-jupyter's template changed?"
        )
    return str(soup)
