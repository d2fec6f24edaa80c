"""Every page states its own description, which becomes its `<meta name="description">`.

A Markdown page gives it in its front matter (`description: ...`). A notebook
page (mkdocs-jupyter) has no front matter that MkDocs reads, so it gives it in
the notebook's metadata, which jupytext keeps in the file's header:

    # ---
    # jupyter:
    #   description: One sentence about the page.
    #   jupytext: ...

(and `description_zh:` for the Chinese edition), and this hook copies it into
the page's meta, where Material's template reads it. A page without one fails
the build with its path: otherwise it would silently inherit the site's
description, the same on every page.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from snippet_lines import source_name  # hooks/ is on sys.path while MkDocs loads a hook

NOTEBOOK_SUFFIXES = (".ipynb", ".py")
BETWEEN_CJK = re.compile(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")


def notebook_description(path: str, key: str = "description") -> object:
    import jupytext  # only needed when the site has notebook pages

    return jupytext.read(path).metadata.get(key)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    docs = Path(config.docs_dir).resolve()
    if page.file.abs_src_path is None:  # a page generated in memory
        name = f"page {page.file.src_uri}"
    else:
        name = source_name(page, config)
        if not Path(page.file.abs_src_path).resolve().is_relative_to(docs):
            # a page a hook generates, e.g. a notebook written to .cache/
            name = f"page {page.file.src_uri} (built from {name})"
    if page.file.src_uri.endswith(NOTEBOOK_SUFFIXES):
        # One notebook source holds every edition: `description:`, and `description_<lang>:` for the others.
        lang = config.theme["language"]
        key = "description" if lang == config.extra["i18n"]["languages"][0]["lang"] else f"description_{lang}"
        if key != "description" and page.file.src_uri in config.extra["i18n"].get("fallback", []):
            key = "description"  # shown in the default language, description and all
        description = notebook_description(page.file.abs_src_path, key)
        where = f"no `{key}:` in the notebook metadata (jupytext header, under `jupyter:`)"
    else:
        description = page.meta.get("description")
        where = "no `description:` in the front matter"
    if not isinstance(description, str) or not description.strip():
        raise PluginError(f"{name}: {where}; one sentence for search engines and link previews")
    # One line; a line break between two Chinese characters (YAML folds it to a space) is no space.
    page.meta["description"] = BETWEEN_CJK.sub("", " ".join(description.split()))
    return markdown
