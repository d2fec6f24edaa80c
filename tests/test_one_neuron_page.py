"""The one-neuron fit notebook as the site builds it: the kernel run, the page and the download.

The site's hook executes the notebook in a Jupyter kernel (hooks/notebook_run.py):
its outputs must be what the plain script prints, with no error or warning.
The page and the download are checked as a reader gets them, from the
session's strict build.
"""

import contextlib
import io
import json
import re
import runpy
from pathlib import Path

import nbformat
import pytest
from mkdocs.exceptions import PluginError
from notebook_lang import for_language
from notebook_run import execute
from page_code import page_module

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "snippets/one_neuron_fit/one_neuron_fit.py"
PAGE = "one-neuron-fit"
MAX_PAGE_BYTES = 200_000


@pytest.fixture(scope="module")
def printed():
    """What the notebook prints when run as a plain script."""
    import matplotlib.pyplot as plt

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(NOTEBOOK), run_name="__main__")
    plt.close("all")
    return out.getvalue()


@pytest.fixture(scope="module")
def executed():
    """The notebook executed afresh in a Jupyter kernel by the site's hook (no cache)."""
    return execute(NOTEBOOK, ROOT)


@pytest.fixture(scope="module")
def site(built_site):
    """The whole site, built strictly once per session (tests/conftest.py)."""
    return built_site


def _printed(cell) -> str:
    """What a cell shows as text: its streams, and its Markdown as plain `python` prints it."""
    text = ""
    for output in cell.outputs:
        if output.output_type == "stream":
            text += output.text
        elif "text/markdown" in output.get("data", {}):
            text += output.data["text/markdown"] + "\n"
    return text


def test_kernel_run_shows_what_the_script_prints(printed, executed):
    """Every number in the page's text comes from a cell: the kernel's outputs are the script's output."""
    out = printed
    assert "".join(_printed(cell) for cell in executed.cells if cell.cell_type == "code") == out


def test_kernel_run_has_no_errors_or_warnings(executed):
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            assert output.get("name") != "stderr", output.get("text")


def test_figure_cells_draw_inline_what_the_site_draws_from_them(executed):
    """Each figure cell draws its figure inline (for the download), with the function the site's
    figure module declares for that name (for the page): one drawing code, two outputs."""
    figures = [cell for cell in executed.cells if cell.metadata.get("figure")]
    assert figures
    declared = page_module(NOTEBOOK.parent / "fig_one_neuron.py").FIGURES
    assert [cell.metadata["figure"] for cell in figures] == list(declared)
    for cell in figures:
        name = cell.metadata["figure"]
        assert ["image/png" in o.get("data", {}) for o in cell.outputs] == [True], name
        assert re.search(rf"^fig = {declared[name].__name__}\(\)", cell.source, re.M), name


def test_failing_cell_names_the_source_line(tmp_path):
    source = tmp_path / "broken.py"
    source.write_text("# %%\nx = 1\n\n# %% [markdown]\n# text\n\n# %%\ny = 2\nz = y / 0\n", encoding="utf-8")
    with pytest.raises(PluginError) as error:
        execute(source, tmp_path)
    assert str(error.value) == "broken.py:9: ZeroDivisionError: division by zero"


# --- the page and the download, as built -----------------------------------------------


def page_html(site) -> str:
    return (site / PAGE / "index.html").read_text(encoding="utf-8")


def test_page_weight(site):
    assert (site / PAGE / "index.html").stat().st_size <= MAX_PAGE_BYTES


def test_page_loads_nothing_from_other_hosts_and_no_notebook_css(site):
    html = page_html(site)
    for attr, url in re.findall(r"""\b(src|srcset|data)\s*=\s*["']([^"']*)["']""", html):
        assert not re.match(r"(https?:)?//", url), f"{attr}={url}"
    for tag in re.findall(r"<link\b[^>]*>", html):
        if re.search(r"""rel=["']?(stylesheet|preload|modulepreload|icon)""", tag):
            assert not re.search(r"""href=["']?(https?:)?//""", tag), tag
    article = html[html.index('class="jupyter-wrapper"') :]
    article = article[: article.index("</article>")]
    assert "<style" not in article and "<script" not in article
    assert "highlight-ipynb" not in article and "clipboard-copy" not in article


def test_page_figures_and_download_resolve(site):
    html = page_html(site)
    page_dir = site / PAGE
    images = re.findall(r'<img[^>]*src="([^"#]+)#only-(light|dark)"', html)
    assert len(images) == 6
    for src, _ in images:
        assert (page_dir / src).resolve().is_file(), src
    hrefs = re.findall(r'<a class="md-button[^"]*" href="([^"]+)" download', html)
    assert hrefs == [f"{PAGE}.ipynb"]
    assert (page_dir / hrefs[0]).is_file()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_download_is_the_executed_notebook(site, executed, lang):
    """A reader who runs the download gets what it shows: its outputs are those of a fresh run.

    Each edition's download holds its own language's cells, and the same code cells.
    """
    edition = "" if lang == "en" else f"{lang}/"
    download = nbformat.read(site / edition / PAGE / f"{PAGE}.ipynb", as_version=4)
    fresh = for_language(executed, lang, "en", "snippets/one_neuron_fit/one_neuron_fit.py")
    nbformat.validate(download)
    assert download.metadata.kernelspec.name == "python3"
    assert [c.source for c in download.cells if c.cell_type == "code"] == [
        c.source for c in fresh.cells if c.cell_type == "code"
    ]
    for built, run in zip(download.cells, fresh.cells, strict=True):
        if built.cell_type == "code":
            assert _printed(built) == _printed(run)
            assert [o.output_type for o in built.outputs] == [o.output_type for o in run.outputs]
    # In the download the figures are the cells' own PNGs, not the site's SVG files.
    assert "figures/" not in json.dumps([c.outputs for c in download.cells if c.cell_type == "code"])


def test_page_numbers_match_the_errata(site):
    """The errata quotes values.py; the page prints the same digits."""
    text = re.sub(r"<[^>]+>", " ", page_html(site))
    values = json.loads((ROOT / "docs/values/one_neuron_fit.json").read_text(encoding="utf-8"))
    for key in (
        "post_loss",
        "post_w",
        "w_star",
        "loss_star",
        "iterations_float64",
        "stall_iteration",
        "stuck_error",
        "lr_ratio",
        "tuned_iterations",
        "slope",
        "intercept",
        "loss_intercept",
    ):
        assert values[key] in text, key


def test_errata_links_reach_the_page_headings(site):
    errata = (site / "errata" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', page_html(site)))
    anchors = re.findall(rf'href="\.\./{PAGE}/#([^"]+)"', errata)
    assert anchors
    assert set(anchors) <= ids


def test_page_links_reach_other_pages_headings(site):
    links = re.findall(r'href="\.\./([\w-]+)/(?:#([^"]+))?"', page_html(site).split('class="jupyter-wrapper"', 1)[1])
    assert ("gradient-descent", "the-best-slope-in-closed-form") in links
    for page, anchor in links:
        target = (site / page / "index.html").read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in target, f"{page}#{anchor}"
