"""The numbers in the prose: every docs/values/<page_slug>.json, as the macro `<page_slug>`.

mkdocs-macros loads this module (`module_name: hooks/page_values` in
mkdocs.yml). Each numbers file that scripts/figures.py writes from a
`snippets/<page_slug>/values.py` becomes one variable, so a page writes
`{{ gradient_descent.w_star }}` and a new page needs no entry in any list.
JSON, not YAML: YAML would read a value such as 1e-06 as a string in one
place and a float in another.
"""

from __future__ import annotations

import json
from pathlib import Path

VALUES_DIR = "values"  # under docs/, where scripts/figures.py writes the numbers files


def define_env(env) -> None:
    """mkdocs-macros' entry point: one variable per numbers file."""
    for path in sorted((Path(env.conf["docs_dir"]) / VALUES_DIR).glob("*.json")):
        env.variables[path.stem] = json.loads(path.read_text(encoding="utf-8"))
