"""The notebook hook's parts, one by one: finding notebook pages, their figures, and their HTML.

hooks/notebook.py is the MkDocs glue; its pieces are plain functions tested
here without a build. (The built notebook page is tested in
tests/test_one_neuron_page.py.)
"""

from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from notebook import figure_files, nav_notebooks, notebook_source, page_notebook
from notebook_html import arithmatex, to_material


def test_notebook_pages_are_the_navs_ipynb_entries_wherever_they_stand():
    nav = ["index.md", {"Fits": [{"One": "one-neuron-fit.ipynb"}, "two.md", {"Deep": [{"X": "x-y.ipynb"}]}]}]
    assert nav_notebooks(nav) == ["one-neuron-fit.ipynb", "x-y.ipynb"]
    assert notebook_source("one-neuron-fit.ipynb") == "snippets/one_neuron_fit/one_neuron_fit.py"


def config_for(docs: Path):
    return SimpleNamespace(docs_dir=str(docs), use_directory_urls=True, site_url="https://example.org/")


def notebook_with_figure(name: str):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("fig = draw()")
    cell.metadata.update(figure=name)
    nb.cells = [nbformat.v4.new_markdown_cell("The figure.\n\n<!-- alt: A\nline -->"), cell]
    return nb


def test_a_figure_cell_shows_the_sites_files_whatever_their_format(tmp_path):
    (tmp_path / "figures").mkdir()
    for scheme in ("light", "dark"):
        (tmp_path / "figures" / f"heavy-{scheme}.png").write_bytes(b"png")
    assert figure_files(tmp_path, "heavy") == {"light": "figures/heavy-light.png", "dark": "figures/heavy-dark.png"}
    page = page_notebook(notebook_with_figure("heavy"), "page", "snippets/page/page.py", config_for(tmp_path), None)
    html = page.cells[1].outputs[0].data["text/html"]
    assert html == (
        '<img src="../figures/heavy-light.png#only-light" alt="A line">\n'
        '<img src="../figures/heavy-dark.png#only-dark" alt="A line">'
    )


def test_a_figure_cell_naming_no_figure_fails_listing_the_figures(tmp_path):
    (tmp_path / "figures").mkdir()
    for scheme in ("light", "dark"):
        (tmp_path / "figures" / f"curve-{scheme}.svg").write_text("<svg/>")
    with pytest.raises(PluginError) as error:
        page_notebook(notebook_with_figure("curves"), "page", "snippets/page/page.py", config_for(tmp_path), None)
    assert str(error.value) == (
        'snippets/page/page.py: a cell shows figure="curves", which no figure module '
        "draws (figures: curve); see docs/contributing.md"
    )


def test_display_math_is_taken_out_of_its_paragraph():
    soup = BeautifulSoup('<div class="jp-RenderedMarkdown"><p>so $$L = J(w)$$ and $a$.</p></div>', "html.parser")
    arithmatex(soup, soup.div)
    assert str(soup) == (
        '<div class="jp-RenderedMarkdown"><p>so </p><div class="arithmatex">\\[L = J(w)\\]</div>'
        '<p> and <span class="arithmatex">\\(a\\)</span>.</p></div>'
    )


def test_math_in_code_is_left_alone():
    soup = BeautifulSoup("<div><p><code>$x$</code></p></div>", "html.parser")
    arithmatex(soup, soup.div)
    assert str(soup) == "<div><p><code>$x$</code></p></div>"


def test_to_material_keeps_the_cells_as_material_blocks():
    html = (
        '<style>.jp{}</style><script src="https://cdn.example/mathjax.js"></script>'
        '<div class="jupyter-wrapper"><div id="cell-id=abc" class="jp-Cell">'
        '<div class="jp-Cell-inputWrapper" tabindex="0"><div class="jp-Collapser"></div><div class="jp-InputArea">'
        '<div class="highlight-ipynb hl-python"><pre><span></span>x = 1</pre></div></div></div>'
        '<div class="jp-Cell-outputWrapper"><div class="jp-OutputArea"><div class="jp-OutputArea-child">'
        '<div class="jp-RenderedText"><pre>1</pre></div></div></div></div></div></div><script>late()</script>'
    )
    out = to_material(html, "snippets/p/p.py")
    assert out == (
        '<div class="jupyter-wrapper"><div class="jp-Cell">'
        '<div class="language-python highlight"><pre><span></span><code>x = 1</code></pre></div>'
        '<div class="jp-RenderedText"><div class="language-text highlight"><pre><span></span>'
        "<code>1</code></pre></div></div></div></div>"
    )


def test_a_leftover_script_inside_the_cells_fails_naming_the_source():
    html = '<div class="jupyter-wrapper"><script>require(["x"])</script></div>'
    with pytest.raises(PluginError, match=r"^snippets/p/p\.py: the rendered notebook still has '<script>"):
        to_material(html, "snippets/p/p.py")


def test_html_without_the_wrapper_fails_naming_the_source():
    with pytest.raises(PluginError, match=r"^snippets/p/p\.py: no jupyter-wrapper"):
        to_material("<p>not a notebook</p>", "snippets/p/p.py")


def test_consecutive_solution_cells_are_collapsed_into_one_block():
    cell = '<div class="jp-Cell {tag}">{n}</div>'
    html = (
        '<div class="jupyter-wrapper">'
        + cell.format(tag="", n=1)
        + cell.format(tag="celltag_solution", n=2)
        + cell.format(tag="celltag_solution", n=3)
        + cell.format(tag="", n=4)
        + cell.format(tag="celltag_solution", n=5)
        + "</div>"
    )
    out = to_material(html, "snippets/p/p.py", solution_label="Solution")
    soup = BeautifulSoup(out, "html.parser")
    blocks = soup.select("details.note")
    assert [b.summary.string for b in blocks] == ["Solution", "Solution"]
    assert [[c.string for c in b.select(".jp-Cell")] for b in blocks] == [["2", "3"], ["5"]]
    assert [c.string for c in soup.select(".jupyter-wrapper > .jp-Cell")] == ["1", "4"]


def test_a_figure_cell_without_an_alt_text_fails_naming_it(tmp_path):
    (tmp_path / "figures").mkdir()
    for scheme in ("light", "dark"):
        (tmp_path / "figures" / f"curve-{scheme}.svg").write_text("<svg/>")
    nb = notebook_with_figure("curve")
    nb.cells[0].source = "A figure, but no alt text."
    with pytest.raises(PluginError, match=r'^snippets/page/page\.py: the cell with figure="curve" needs its alt text'):
        page_notebook(nb, "page", "snippets/page/page.py", config_for(tmp_path), None)
