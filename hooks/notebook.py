"""Notebook pages: one jupytext source in snippets/, executed once, shown and downloadable.

NOTEBOOKS maps a page of the site to its source, a percent-format `.py` file
that also runs as a plain script. At every build this hook

1. reads the source with jupytext and executes it in a fresh kernel with
   nbclient, errors not allowed: a failing cell stops the build with one line,
   `snippets/<page>/<file>.py:LINE: Error: message`;
2. adds the executed notebook, outputs included, to the site as the download
   `<page>/<page>.ipynb`: a reader who runs it gets the outputs shown;
3. hands mkdocs-jupyter a copy of it as the page (mkdocs.yml keeps the plugin
   from executing it again, see `execute_ignore`), in which a code cell with a
   `figure="<name>"` metadata shows docs/figures/<name>-light.svg and -dark.svg,
   drawn by `fig_<name>.py` in the site's styles, instead of its inline PNG,
   and links to `page.md` become links to that page (checked to exist);
4. makes the rendered notebook part of the Material page (`to_material`): it
   drops the head mkdocs-jupyter inlines for a stand-alone notebook (about
   600 KB of JupyterLab CSS, and MathJax and Mermaid loaders that would fetch
   from a CDN) and writes code cells and text outputs as the markup of a fenced
   block, so Material's own styles, syntax colours and copy buttons apply in
   both palettes. The `$...$` and `$$...$$` math that nbconvert leaves as text
   for MathJax becomes arithmatex markup, which docs/javascripts/katex.js
   renders with the site's own KaTeX like the math of every other page.

Executed notebooks are cached in .cache/notebooks/, keyed by the source and the
versions of the packages that produce the outputs, so that `mkdocs serve`
does not re-run an unchanged notebook on every rebuild.
"""

import copy
import hashlib
import os
import re
import sys
import tempfile
from importlib import metadata
from pathlib import Path

import jupytext
import nbformat
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url
from nbclient import NotebookClient
from nbconvert.preprocessors import CoalesceStreamsPreprocessor
from traitlets.config import Config
from nbclient.exceptions import CellExecutionError
from reproducible import reproducible_env  # hooks/ is on sys.path while MkDocs loads a hook

NOTEBOOKS = {"one-neuron-fit": "snippets/one_neuron_fit/one_neuron_fit.py"}
CACHE = Path(".cache/notebooks")
# The packages whose versions can change a notebook's outputs.
PACKAGES = ["torch", "numpy", "matplotlib", "ipykernel", "jupytext", "nbclient"]
CELL_TIMEOUT = 300  # seconds
# Math in a Markdown cell's text: display ($$...$$) first, then inline ($...$).
MATH = re.compile(r"\$\$(?P<display>.+?)\$\$|\$(?P<inline>[^$]+?)\$", re.DOTALL)

ANSI = re.compile(r"\x1b\[[0-9;]*m")
TRACEBACK_LINE = re.compile(r"Cell In\[(\d+)\], line (\d+)")
MD_LINK = re.compile(r"\]\((?P<page>[\w/.-]+\.md)(?P<anchor>#[\w-]+)?\)")


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_serve(server, config, builder):
    for source in NOTEBOOKS.values():
        server.watch(str(_root(config) / source))
    return server


def _cache_key(source_text: str) -> str:
    versions = [sys.version] + [f"{name}=={metadata.version(name)}" for name in PACKAGES]
    return hashlib.sha256("\n".join([source_text, *versions]).encode()).hexdigest()[:16]


def _cell_lines(source_text: str) -> list[int]:
    """The line number of each `# %%` cell marker in a percent-format source."""
    return [n for n, line in enumerate(source_text.splitlines(), 1) if line.startswith("# %%")]


def execute(source: Path, root: Path) -> nbformat.NotebookNode:
    """The notebook read from `source`, executed; PluginError naming the line if a cell fails."""
    source_text = source.read_text(encoding="utf-8")
    rel = source.relative_to(root).as_posix()
    try:
        nb = jupytext.reads(source_text, fmt="py:percent")
    except Exception as error:  # jupytext raises several types for a malformed file
        raise PluginError(f"{rel}:1: cannot read as a jupytext percent notebook: {error}") from None
    markers = _cell_lines(source_text)
    # Figures go to the inline backend as PNG, whatever MPLBACKEND the build runs under.
    env = reproducible_env(MPLBACKEND="module://matplotlib_inline.backend_inline")
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        # Unix sockets in a private folder: no open TCP ports, and no warning about them.
        kernel = Config({"KernelManager": {"transport": "ipc", "ip": os.path.join(sockets, "ipc")}})
        client = NotebookClient(nb, timeout=CELL_TIMEOUT, kernel_name="python3", allow_errors=False,
                                config=kernel, resources={"metadata": {"path": str(root)}})
        with client.setup_kernel(env=env):
            for index, cell in enumerate(nb.cells):
                try:
                    client.execute_cell(cell, index)
                except CellExecutionError as error:
                    raise PluginError(f"{rel}:{_error_line(nb, markers, index, error)}: "
                                      f"{error.ename}: {error.evalue}") from None
    # A cell's printed text arrives in chunks that depend on timing: join them, so
    # that each cell shows one output block and every run gives the same notebook.
    nb, _ = CoalesceStreamsPreprocessor().preprocess(nb, {})
    return nb


def _error_line(nb, markers: list[int], index: int, error: CellExecutionError) -> int:
    """The source line of the innermost notebook frame of a failed cell's traceback."""
    cells = {cell.get("execution_count"): i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"}
    frames = TRACEBACK_LINE.findall(ANSI.sub("", str(error)))
    if len(markers) != len(nb.cells):
        return markers[0] if markers else 1
    for count, line in reversed(frames):
        if int(count) in cells:
            return markers[cells[int(count)]] + int(line)
    return markers[index]


def executed(source: Path, root: Path) -> nbformat.NotebookNode:
    """`execute(source)`, from the cache when the source and the packages are unchanged."""
    key = _cache_key(source.read_text(encoding="utf-8"))
    cache_dir = root / CACHE
    cached = cache_dir / f"{source.stem}-{key}.ipynb"
    if cached.is_file():
        return nbformat.read(cached, as_version=4)
    nb = execute(source, root)
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{source.stem}-*.ipynb"):
        stale.unlink()
    _write_atomically(cached, nbformat.writes(nb))
    return nb


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def _page_url(name: str, config) -> str:
    """The URL mkdocs gives the page `name` (`name/` or `name.html`)."""
    return File(f"{name}.md", None, "", config.use_directory_urls).url


def _link_pages(nb, rel: str, files, resolve) -> None:
    """Point `[text](page.md#anchor)` links in Markdown cells at `resolve(page_file)`."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue

        def replace(m):
            target = files.get_file_from_path(m["page"])
            if target is None:
                raise PluginError(f"{rel}: a Markdown cell links to {m['page']}, which is not a page of the site")
            return f"]({resolve(target)}{m['anchor'] or ''})"

        cell.source = MD_LINK.sub(replace, cell.source)


def _page_notebook(nb, name: str, rel: str, root: Path, config, files):
    """The notebook as the page shows it: site figures in place of inline ones, site links."""
    page = copy.deepcopy(nb)
    page_url = _page_url(name, config)
    _link_pages(page, rel, files, lambda target: get_relative_url(target.url, page_url))
    for cell in page.cells:
        figure = cell.metadata.get("figure")
        if figure is None:
            continue
        images = []
        for scheme in ("light", "dark"):
            uri = f"figures/{figure}-{scheme}.svg"
            if not (Path(config.docs_dir) / uri).is_file():
                raise PluginError(f"{rel}: the cell with figure=\"{figure}\" needs docs/{uri}: run `make figures`")
            alt = cell.metadata.get("alt", figure).replace('"', "&quot;")
            images.append(f'<img src="{get_relative_url(uri, page_url)}#only-{scheme}" alt="{alt}">')
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "\n".join(images)})]
    return page


def _download_notebook(nb, rel: str, config, files):
    """The notebook as a reader downloads it: links to pages made absolute to site_url."""
    download = copy.deepcopy(nb)
    base = config.site_url or ""
    _link_pages(download, rel, files, lambda target: base + target.url)
    return download


def _in_nav(nav, page: str) -> bool:
    """Whether `page` appears anywhere in a (nested) mkdocs nav."""
    if isinstance(nav, str):
        return nav == page
    if isinstance(nav, dict):
        return any(_in_nav(item, page) for item in nav.values())
    if isinstance(nav, list):
        return any(_in_nav(item, page) for item in nav)
    return False


@event_priority(100)  # before mkdocs-jupyter turns *.ipynb files into pages
def on_files(files, config):
    root = _root(config)
    for name, source in NOTEBOOKS.items():
        # A site whose nav leaves the notebook out (the test fixtures' sites) doesn't build it.
        if config.nav is not None and not _in_nav(config.nav, f"{name}.ipynb"):
            continue
        rel = source
        nb = executed(root / source, root)
        download = _download_notebook(nb, rel, config, files)
        files.append(File.generated(config, f"{name}/{name}.ipynb", content=nbformat.writes(download)))
        page = _page_notebook(nb, name, rel, root, config, files)
        page_path = root / CACHE / "pages" / f"{name}.ipynb"
        page_path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(page_path, nbformat.writes(page))
        # A plain File with src_dir, not File.generated: mkdocs-jupyter's NotebookFile
        # wrapper finds the source through src_dir, which a generated file lacks.
        files.append(File(page_path.name, str(page_path.parent), config.site_dir, config.use_directory_urls))
    return files


def _material_code(soup, pre, language):
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


def _arithmatex(soup, element):
    """Turn `$...$` / `$$...$$` in the element's text into arithmatex spans and divs."""
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


def to_material(html: str, source: str) -> str:
    """mkdocs-jupyter's stand-alone notebook HTML, made part of a Material page.

    Drops the head it inlines before the cells (JupyterLab CSS, MathJax and
    Mermaid loaders, its own copy buttons) and turns code cells and text outputs
    into the markup of a fenced block, so that Material's own styles, syntax
    colours (in both palettes) and copy buttons apply to them.
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
        div.replace_with(_material_code(soup, div.pre, language))
    for div in soup.select("div.jp-RenderedText > pre"):
        _material_code(soup, div, "text")
    # Material names a code block after its closest ancestor with an id: the cell ids
    # ("cell-id=...", which nothing links to) would give a cell's code and output one name.
    for cell in soup.select('[id^="cell-id="]'):
        del cell["id"]
    for cell in soup.select(".jp-RenderedMarkdown"):
        _arithmatex(soup, cell)
    for a in soup.select("a.anchor-link"):
        a["class"] = "headerlink"
    leftover = soup.find(["style", "script", "link", "iframe"]) or soup.select_one(".highlight-ipynb")
    if leftover is not None:
        raise PluginError(f"{source}: the rendered notebook still has {str(leftover)[:80]!r}; "
                          "has mkdocs-jupyter's template changed?")
    return str(soup)


def on_page_context(context, page, config, nav):
    """The page's edit link points at the notebook's source, not at a file in docs/."""
    name = Path(page.file.src_uri).stem
    if name in NOTEBOOKS and page.file.src_uri.endswith(".ipynb") and page.edit_url:
        docs = Path(config.docs_dir).name + "/"
        base = page.edit_url[: page.edit_url.rindex(docs)] if docs in page.edit_url else None
        page.edit_url = base + NOTEBOOKS[name] if base else None
    return context


def on_page_content(html, page, config, files):
    name = Path(page.file.src_uri).stem
    if name not in NOTEBOOKS or not page.file.src_uri.endswith(".ipynb"):
        return html
    html = to_material(html, NOTEBOOKS[name])
    download = files.get_file_from_path(f"{name}/{name}.ipynb")
    href = get_relative_url(download.url, page.url)
    button = f'<p><a class="md-button md-button--primary" href="{href}" download>Download this notebook (.ipynb)</a></p>'
    return re.sub(r"(</h1>)", lambda m: m[1] + button, html, count=1)
