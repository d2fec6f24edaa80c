"""Notebook pages: one jupytext source in snippets/, executed once, shown and downloadable.

A notebook page is a nav entry `<name>.ipynb` in mkdocs.yml; its source is
`snippets/<page_slug>/<page_slug>.py` (`<page_slug>` is `<name>` with `-` as
`_`), a percent-format file that also runs as a plain script. No list to keep:
the nav is the list. At every build this hook

1. executes the source once in a fresh kernel (hooks/notebook_run.py, cached);
2. adds the executed notebook, outputs included, to the site as the download
   `<name>/<name>.ipynb`: a reader who runs it gets the outputs shown;
3. hands mkdocs-jupyter a copy of it as the page, in which a code cell with a
   `figure="<name>"` metadata shows the site's light and dark figure files
   (drawn by scripts/figures.py from a `fig_*.py` module) instead of its inline
   PNG, and links to `page.md` become links to that page (checked to exist);
4. makes the rendered notebook part of the Material page
   (hooks/notebook_html.py) and puts the download button under its title.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
from i18n import default_language, language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from notebook_html import SOLUTION_TAG, to_material
from notebook_lang import apply_toc_ids, english_ids, for_language
from notebook_run import CACHE, cell_lines, executed
from project_files import project_root, write_atomic

MD_LINK = re.compile(r"\]\((?P<page>[\w/.-]+\.md)(?P<anchor>#[\w-]+)?\)")
# A figure's alt text, in the Markdown cell just before its cell (so it can wrap, and be translated).
ALT = re.compile(r"<!--\s*alt:\s*(?P<alt>.*?)\s*-->", re.DOTALL)
SCHEMES = ("light", "dark")

# Per build: page name -> its source, relative to the project root; and, in an
# edition other than the default, the default edition's heading ids.
_sources: dict[str, str] = {}
_heading_ids: dict[str, list[str] | None] = {}
LABELS = {
    "en": {"solution": "Solution", "download": "Download this notebook (.ipynb)"},
    "zh": {"solution": "解答", "download": "下载这个 notebook（.ipynb）"},
}


def nav_notebooks(nav) -> list[str]:
    """The `<name>.ipynb` entries anywhere in a (nested) mkdocs nav, in order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".ipynb") else []
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [found for item in items for found in nav_notebooks(item)]


def notebook_source(page: str) -> str:
    """`one-neuron-fit.ipynb` -> `snippets/one_neuron_fit/one_neuron_fit.py`."""
    slug = Path(page).stem.replace("-", "_")
    return f"snippets/{slug}/{slug}.py"


def figure_files(docs: Path, figure: str) -> dict[str, str]:
    """{scheme: path under docs/} of the figure's files, whatever their format; {} if it has none."""
    found = {}
    for scheme in SCHEMES:
        matches = sorted((docs / "figures").glob(f"{figure}-{scheme}.*"))
        if len(matches) == 1:
            found[scheme] = matches[0].relative_to(docs).as_posix()
    return found if len(found) == len(SCHEMES) else {}


def link_pages(nb, rel: str, files: Files, resolve) -> None:
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


def page_notebook(nb, name: str, rel: str, config: MkDocsConfig, files: Files):
    """The notebook as the page shows it: site figures in place of inline ones, site links."""
    page = copy.deepcopy(nb)
    page_url = File(f"{name}.md", None, "", config.use_directory_urls).url
    link_pages(page, rel, files, lambda target: get_relative_url(target.url, page_url))
    docs = Path(config.docs_dir)
    known = sorted({p.name.rsplit("-", 1)[0] for p in (docs / "figures").glob("*-light.*")})
    for index, cell in enumerate(page.cells):
        figure = cell.metadata.get("figure")
        if figure is None:
            continue
        paths = figure_files(docs, figure)
        if not paths:
            raise PluginError(
                f'{rel}: a cell shows figure="{figure}", which no figure module draws '
                f"(figures: {', '.join(known) or 'none'}); see docs/contributing.md"
            )
        alt = figure_alt(page.cells, index, rel).replace('"', "&quot;")
        images = [
            f'<img src="{get_relative_url(path, page_url)}#only-{scheme}" alt="{alt}">'
            for scheme, path in paths.items()
        ]
        cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": "\n".join(images)})]
    return page


def figure_alt(cells, index: int, rel: str) -> str:
    """The alt text of the figure cell at `index`: `<!-- alt: ... -->` in the Markdown cell before it."""
    before = cells[index - 1] if index else None
    found = ALT.search(before.source) if before is not None and before.cell_type == "markdown" else None
    if found is None:
        raise PluginError(
            f'{rel}: the cell with figure="{cells[index].metadata["figure"]}" needs its alt text, '
            "`<!-- alt: what the figure shows -->`, in the Markdown cell just before it"
        )
    return " ".join(found["alt"].split())


def download_notebook(nb, rel: str, config: MkDocsConfig, files: Files):
    """The notebook as a reader downloads it: links to pages made absolute to site_url,
    solution cells collapsed (JupyterLab's source_hidden and outputs_hidden)."""
    download = copy.deepcopy(nb)
    base = config.site_url or ""
    link_pages(download, rel, files, lambda target: base + target.url)
    for cell in download.cells:
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            cell.metadata["jupyter"] = {"source_hidden": True, "outputs_hidden": True}
    return download


def on_serve(server, *, config: MkDocsConfig, builder):
    for source in _sources.values():
        server.watch(str(project_root(config) / source))
    return server


@event_priority(100)  # before mkdocs-jupyter turns *.ipynb files into pages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = project_root(config)
    _sources.clear()
    for entry in nav_notebooks(config.nav or []):
        name, rel = Path(entry).stem, notebook_source(entry)
        if not (root / rel).is_file():
            raise PluginError(f"mkdocs.yml: the nav names {entry}, a notebook page whose source {rel} does not exist")
        _sources[name] = rel
        full = executed(root / rel, root)  # every edition's cells, executed once
        lang, default = language(config), default_language(config)
        markers = cell_lines((root / rel).read_text(encoding="utf-8"))
        nb = for_language(full, lang, default, rel, markers)
        if (
            lang != default
            and entry not in config.extra["i18n"].get("fallback", [])
            and not any(cell.metadata.get("lang") == lang for cell in full.cells)
        ):
            raise PluginError(f"{rel}: no {lang} cells; translate it, or declare {entry} in extra.i18n.fallback")
        _heading_ids[name] = english_ids(full, default) if lang != default else None
        download = download_notebook(nb, rel, config, files)
        files.append(File.generated(config, f"{name}/{name}.ipynb", content=nbformat.writes(download)))
        page_path = root / CACHE / "pages" / lang / f"{name}.ipynb"
        write_atomic(page_path, nbformat.writes(page_notebook(nb, name, rel, config, files)))
        # A plain File with src_dir, not File.generated: mkdocs-jupyter's NotebookFile
        # wrapper finds the source through src_dir, which a generated file lacks.
        files.append(File(page_path.name, str(page_path.parent), config.site_dir, config.use_directory_urls))
    return files


def _notebook_name(page: Page) -> str | None:
    name = Path(page.file.src_uri).stem
    return name if page.file.src_uri.endswith(".ipynb") and name in _sources else None


@event_priority(-50)  # after git-revision-date-localized has dated the page by its file
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Date the page by its source's git history: its page file is generated into .cache/."""
    name = _notebook_name(page)
    plugin = config.plugins.get("git-revision-date-localized")
    if name is None or plugin is None or not plugin.config.get("enabled"):
        return markdown
    # The plugin's own lookup and formatting, pointed at the source (the plugin is pinned).
    commit, timestamp = plugin.util.get_git_commit_timestamp(str(project_root(config) / _sources[name]))
    return plugin._render_date(
        markdown, page, plugin._get_locale(page), "git_revision_date_localized", commit, timestamp
    )


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """The page's edit link points at the notebook's source, not at a file in docs/."""
    name = _notebook_name(page)
    if name and page.edit_url:
        docs = Path(config.docs_dir).name + "/"
        base = page.edit_url[: page.edit_url.rindex(docs)] if docs in page.edit_url else None
        page.edit_url = base + _sources[name] if base else None
    return context


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    name = _notebook_name(page)
    if name is None:
        return html
    labels = LABELS[language(config)]
    ids = _heading_ids.get(name)
    html = to_material(html, _sources[name], labels["solution"], ids)
    if ids is not None:
        apply_toc_ids(page.toc, ids)
    download = files.get_file_from_path(f"{name}/{name}.ipynb")
    href = get_relative_url(download.url, page.url)
    button = f'<p><a class="md-button md-button--primary" href="{href}" download>{labels["download"]}</a></p>'
    return re.sub(r"(</h1>)", lambda m: m[1] + button, html, count=1)
