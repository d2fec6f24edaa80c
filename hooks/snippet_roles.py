"""What each file of snippets/<page_slug>/ is, in one place.

- A figure module, `fig_<name>.py`, and the numbers module, `values.py`, belong
  to the figure pipeline (scripts/figures.py). They may import the page's own
  code from their folder, so they do not run alone: they are not published.
- The other Python files are the pages' code, embedded in their pages and
  published with the site, where every one must run when a reader downloads
  it alone (the notebook source of a notebook page included). Other files
  (the linter's settings, the figures' translations) are tooling, not code a
  reader runs.
"""

from __future__ import annotations

from pathlib import PurePath

FIGURE_PREFIX = "fig_"
VALUES_FILE = "values.py"
NOT_CODE = {"__pycache__"}  # nothing a reader should save; nor is any hidden folder (caches)


def is_pipeline_module(path: PurePath) -> bool:
    return path.name == VALUES_FILE or (path.name.startswith(FIGURE_PREFIX) and path.suffix == ".py")


def is_published(path: PurePath) -> bool:
    """Whether a file under snippets/ is published for readers."""
    hidden = any(part.startswith(".") for part in path.parts)
    return (
        path.suffix == ".py" and not is_pipeline_module(path) and not hidden and not NOT_CODE.intersection(path.parts)
    )
