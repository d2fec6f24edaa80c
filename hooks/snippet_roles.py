"""What each file of snippets/<page_slug>/ is, in one place.

- A figure module, `fig_<name>.py`, and the numbers module, `values.py`, belong
  to the figure pipeline (scripts/figures.py). They may import the page's own
  code from their folder, so they do not run alone: they are not published.
- Everything else is the page's code, embedded in its page and published with
  the site, where every file must run when a reader downloads it alone (the
  notebook source of a notebook page included).
"""

from __future__ import annotations

from pathlib import PurePath

FIGURE_PREFIX = "fig_"
VALUES_FILE = "values.py"
# Nothing a reader should save: caches, and the lint settings of the displayed code.
NOT_CODE = {"__pycache__", ".pytest_cache", ".ipynb_checkpoints", ".ruff_cache", "ruff.toml"}


def is_pipeline_module(path: PurePath) -> bool:
    return path.name == VALUES_FILE or (path.name.startswith(FIGURE_PREFIX) and path.suffix == ".py")


def is_published(path: PurePath) -> bool:
    """Whether a file under snippets/ is published for readers."""
    return not is_pipeline_module(path) and not NOT_CODE.intersection(path.parts) and path.suffix != ".pyc"
