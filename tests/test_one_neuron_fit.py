"""The one-neuron fit notebook: its claims, its three fits, and the page and download built from it.

The notebook (snippets/one_neuron_fit/one_neuron_fit.py) is run three ways here:
as a plain script in this process (its variables are checked against
independent computations), in a Jupyter kernel by the site's hook (its outputs
must be what the script prints), and through the session's strict build (the page
and the download are checked as a reader gets them).
"""

import contextlib
import importlib.util
import io
import json
import re
import runpy
from pathlib import Path

import nbformat
import numpy as np
import pytest
import torch

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "snippets/one_neuron_fit/one_neuron_fit.py"
GRADIENT_DESCENT = ROOT / "snippets/gradient_descent/gradient_descent.py"
PAGE = "one-neuron-fit"
TOL = 1e-6       # the convergence tolerance, relative to w*
AGREE = 1e-6     # how closely the three fits must agree, relative to w*
MAX_PAGE_BYTES = 200_000


def load_hook():
    spec = importlib.util.spec_from_file_location("notebook_hook", ROOT / "hooks/notebook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    """The notebook run as a plain script: (its global variables, what it printed)."""
    import matplotlib.pyplot as plt

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        namespace = runpy.run_path(str(NOTEBOOK), run_name="__main__")
    plt.close("all")
    return namespace, out.getvalue()


@pytest.fixture(scope="module")
def nb(script):
    return script[0]


@pytest.fixture(scope="module")
def executed():
    """The notebook executed afresh in a Jupyter kernel by the site's hook (no cache)."""
    return load_hook().execute(NOTEBOOK, ROOT)


@pytest.fixture(scope="module")
def site(built_site):
    """The whole site, built strictly once per session (tests/conftest.py)."""
    return built_site


def section(path: Path, name: str) -> str:
    text = path.read_text(encoding="utf-8")
    m = re.search(rf"# --8<-- \[start:{name}\]\n(.*?)# --8<-- \[end:{name}\]", text, re.DOTALL)
    assert m, f"{path}: no section {name}"
    return m[1]


# --- the notebook's claims, checked independently --------------------------------------


def test_data_is_the_gradient_descent_pages(nb):
    """The notebook keeps its own copy of the post's points (it must download alone); they must not drift."""
    namespace = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(section(GRADIENT_DESCENT, "data"), namespace)
    for name in ("x_train", "y_train"):
        assert nb[name].dtype == namespace[name].dtype == np.float32
        assert np.array_equal(nb[name], namespace[name]), name


def test_w_star_is_the_closed_form(nb):
    x = nb["x_train"].ravel().astype(np.float64)
    y = nb["y_train"].ravel().astype(np.float64)
    assert nb["w_star"] == pytest.approx(x @ y / (x @ x), rel=1e-12)
    assert nb["loss_star"] == pytest.approx(np.sum((nb["w_star"] * x - y) ** 2), rel=1e-12)
    assert nb["eta_max"] == pytest.approx(1 / (x @ x), rel=1e-12)


def test_post_loop_reproduced(nb):
    """The post's loop, written out again here: 999 iterations from the seeded start, same final loss."""
    torch.manual_seed(0)
    w1 = torch.rand(1, 1, requires_grad=True)
    w2 = torch.rand(1, 1, requires_grad=True)
    assert (w1.item(), w2.item()) == nb["start"]
    X, Y = torch.from_numpy(nb["x_train"]), torch.from_numpy(nb["y_train"])
    steps = 0
    for _ in range(1, 1000):
        loss = (X.mm(w1).mm(w2) - Y).pow(2).sum()
        loss.backward()
        with torch.no_grad():
            w1 -= 1e-6 * w1.grad
            w2 -= 1e-6 * w2.grad
            w1.grad.zero_()
            w2.grad.zero_()
        steps += 1
    assert steps == nb["post_iterations"] == 999
    with torch.no_grad():
        final = ((X.mm(w1).mm(w2) - Y) ** 2).sum().item()
    assert nb["post_loss"] == pytest.approx(final, rel=1e-6)
    assert nb["post_loss"] > nb["loss_star"]
    assert nb["post_error"] > TOL


def test_post_loop_prints_every_50_iterations_before_the_update(script):
    nb, out = script
    lines = re.findall(r"^(\d+) (\d+\.\d+)$", out, re.MULTILINE)
    assert [int(i) for i, _ in lines] == list(range(50, 1000, 50))  # the last is 950
    assert [float(v) for _, v in lines] == [round(nb["post_losses"][i - 1], 4) for i in range(50, 1000, 50)]
    # The errata's "the last line is iteration N" and "its N points".
    values = json.loads((ROOT / "docs/values/one_neuron_fit.json").read_text(encoding="utf-8"))
    assert values["last_printed_iteration"] == lines[-1][0]
    assert values["points"] == str(len(nb["x_train"]))


def test_iter_shadows_the_builtin(nb):
    assert nb["iter"] == 999
    with pytest.raises(TypeError, match="'int' object is not callable"):
        nb["iter"]([1, 2])


def test_post_code_without_numpy_import_fails():
    with pytest.raises(NameError, match="name 'np' is not defined"):
        exec("x_train = np.array([[4.7]], dtype=np.float32)", {})


def test_post_rate_needs_thousands_of_iterations_and_stalls_in_float32(nb):
    w_star = nb["w_star"]
    rel = [abs(a * b - w_star) / w_star for a, b in nb["path64"]]
    assert nb["met64"] and rel[-1] <= TOL < rel[-2]
    assert len(nb["path64"]) - 1 > nb["post_iterations"]  # more than the post runs
    # float32: the last update changed nothing, short of the tolerance
    assert not nb["met32"]
    assert nb["path32"][-1] == nb["path32"][-2]
    assert nb["stuck_error"] > TOL


def test_hessian_on_the_valley_and_at_the_saddle(nb):
    s, w_star = nb["sum_xx"], nb["w_star"]
    a, b = nb["valley"]
    assert a * b == pytest.approx(w_star, rel=1e-12)
    low, high = nb["valley_eigenvalues"]
    assert abs(low) < 1e-9 * high
    assert high == pytest.approx(2 * s * (a * a + b * b), rel=1e-12)
    assert nb["origin_eigenvalues"] == pytest.approx([-2 * s * w_star, 2 * s * w_star], rel=1e-12)
    assert nb["lr_bound"] == pytest.approx(1 / (s * (a * a + b * b)), rel=1e-12)


def test_loss_depends_only_on_the_product(nb):
    rng = np.random.default_rng(0)
    for a, b in rng.uniform(-2, 2, size=(20, 2)):
        assert nb["loss_product"](a, b) == pytest.approx(nb["loss_one_weight"](a * b), rel=1e-12)


def test_tuned_rate_comes_from_the_bound_and_converges(nb):
    """Within TOL of w* after tuned_iterations, not before, and it stays there."""
    a, b = nb["start"]
    assert nb["lr_tuned"] == pytest.approx(nb["eta_max"] / (2 * (a * a + b * b)), rel=1e-12)
    assert nb["lr_tuned"] < nb["lr_bound"]
    w_star = nb["w_star"]
    rel = [abs(p * q - w_star) / w_star for p, q in nb["path_tuned"]]
    n = nb["tuned_iterations"]
    assert nb["met_tuned"] and n == len(rel) - 1 and rel[n] <= TOL < rel[n - 1]
    assert n <= 5
    longer, _ = nb["fit_product"](nb["lr_tuned"], 100, tol=0.0)
    assert all(abs(p * q - w_star) / w_star <= TOL for p, q in longer[n:])


def test_three_fits_agree(nb):
    w_star = nb["w_star"]
    fits = nb["fits"]
    assert set(fits) == {"manual loop, tuned rate", "nn.Linear + optim.SGD", "torch.linalg.lstsq"}
    assert fits["torch.linalg.lstsq"] == w_star
    for name, w in fits.items():
        assert abs(w - w_star) / w_star <= AGREE, name
    assert nb["spread"] <= AGREE
    assert nb["sgd_iterations"] == 1  # one weight at eta_max / 2 lands in one step


def test_intercept_line(nb):
    x = nb["x_train"].ravel().astype(np.float64)
    y = nb["y_train"].ravel().astype(np.float64)
    slope, intercept = np.polyfit(x, y, 1)
    assert nb["slope"] == pytest.approx(slope, rel=1e-9)
    assert nb["intercept"] == pytest.approx(intercept, rel=1e-9)
    assert nb["loss_intercept"] == pytest.approx(np.sum((slope * x + intercept - y) ** 2), rel=1e-9)
    assert nb["loss_intercept"] < nb["loss_star"]
    assert nb["line"].weight.item() == pytest.approx(slope, rel=TOL)
    assert nb["line"].bias.item() == pytest.approx(intercept, rel=TOL)


def test_sci_formats_for_latex(nb):
    assert nb["sci"](1e-6) == "10^{-6}"
    assert nb["sci"](0.00094169) == r"9.417 \times 10^{-4}"


# --- the notebook in a kernel, as the site and a reader run it ---------------------------


def _printed(cell) -> str:
    """What a cell shows as text: its streams, and its Markdown as plain `python` prints it."""
    text = ""
    for output in cell.outputs:
        if output.output_type == "stream":
            text += output.text
        elif "text/markdown" in output.get("data", {}):
            text += output.data["text/markdown"] + "\n"
    return text


def test_kernel_run_shows_what_the_script_prints(script, executed):
    """Every number in the page's text comes from a cell: the kernel's outputs are the script's output."""
    _, out = script
    assert "".join(_printed(cell) for cell in executed.cells if cell.cell_type == "code") == out


def test_kernel_run_has_no_errors_or_warnings(executed):
    for cell in executed.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error"
            assert output.get("name") != "stderr", output.get("text")


def test_figure_cells_draw_inline(executed):
    figures = [cell for cell in executed.cells if cell.metadata.get("figure")]
    assert [cell.metadata["figure"] for cell in figures] == ["one_neuron_loss", "one_neuron_landscape", "one_neuron_lines"]
    for cell in figures:
        assert ["image/png" in o.get("data", {}) for o in cell.outputs] == [True], cell.metadata["figure"]
        fig_script = NOTEBOOK.parent / f"fig_{cell.metadata['figure']}.py"
        assert fig_script.is_file()
        assert f"nb.draw_{cell.metadata['figure'].removeprefix('one_neuron_')}()" in fig_script.read_text()


def test_failing_cell_names_the_source_line(tmp_path):
    source = tmp_path / "broken.py"
    source.write_text("# %%\nx = 1\n\n# %% [markdown]\n# text\n\n# %%\ny = 2\nz = y / 0\n", encoding="utf-8")
    hook = load_hook()
    with pytest.raises(hook.PluginError) as error:
        hook.execute(source, tmp_path)
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
    article = html[html.index('class="jupyter-wrapper"'):]
    article = article[:article.index("</article>")]
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


def test_download_is_the_executed_notebook(site, executed):
    """A reader who runs the download gets what it shows: its outputs are those of a fresh run."""
    download = nbformat.read(site / PAGE / f"{PAGE}.ipynb", as_version=4)
    nbformat.validate(download)
    assert download.metadata.kernelspec.name == "python3"
    assert [c.source for c in download.cells if c.cell_type == "code"] == \
           [c.source for c in executed.cells if c.cell_type == "code"]
    for built, fresh in zip(download.cells, executed.cells):
        if built.cell_type == "code":
            assert _printed(built) == _printed(fresh)
            assert [o.output_type for o in built.outputs] == [o.output_type for o in fresh.outputs]
    # In the download the figures are the cells' own PNGs, not the site's SVG files.
    assert "figures/" not in json.dumps([c.outputs for c in download.cells if c.cell_type == "code"])


def test_page_numbers_match_the_errata(site):
    """The errata quotes values.py; the page prints the same digits."""
    text = re.sub(r"<[^>]+>", " ", page_html(site))
    values = json.loads((ROOT / "docs/values/one_neuron_fit.json").read_text(encoding="utf-8"))
    for key in ("post_loss", "post_w", "w_star", "loss_star", "iterations_float64", "stall_iteration",
                "stuck_error", "lr_ratio", "tuned_iterations", "slope", "intercept", "loss_intercept"):
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
