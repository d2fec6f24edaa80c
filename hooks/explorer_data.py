"""Give each explorer on a page its numbers, from docs/values/<page_slug>.json.

A page places an explorer as a div with a placeholder attribute,

    <div class="explorer" data-kind="one-weight" data-values="gradient_descent.explorer">

and this hook replaces `data-values="<page_slug>.<key>"` with
`data-explorer="..."`: the value of that key (a JSON string, written by
`snippets/<page_slug>/values.py`), HTML-escaped. docs/javascripts/explorers.js
reads it from there. It runs on the page's HTML, so Markdown pages and the
notebook page (whose Markdown cells get no macros) work the same way.

Why an attribute: an inline `<script type="application/json">` is re-created by
Material's instant navigation with only its text, and then runs as JavaScript;
a fetch of the JSON file fails in the offline copy, which is opened from file://.
A missing key fails the build with one line naming the page.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from page_values import VALUES_DIR  # the macros' numbers files, read here too
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook
from snippet_lines import source_name

PLACEHOLDER = re.compile(r'data-values="(?P<slug>\w+)\.(?P<key>\w+)"')


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "data-values=" not in html_text:
        return html_text
    root = project_root(config)
    loaded: dict[str, tuple[str, dict | None]] = {}

    def replace(m: re.Match) -> str:
        slug, key = m["slug"], m["key"]
        if slug not in loaded:
            path = Path(config.docs_dir).resolve() / VALUES_DIR / f"{slug}.json"
            shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            loaded[slug] = (shown, json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None)
        shown, values = loaded[slug]
        if values is None or key not in values:
            why = "does not exist" if values is None else f"has no key {key!r}"
            raise PluginError(
                f'{source_name(page, config)}: data-values="{slug}.{key}": {shown} {why}; run `make figures`'
            )
        return f'data-explorer="{html.escape(values[key], quote=True)}"'

    return PLACEHOLDER.sub(replace, html_text)
