"""The project's own numbers that docs/contributing.md and docs/index.md quote.

Each is read from the one file that sets it, so the pages cannot drift from
the rules the tests enforce.
"""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def constant(path, name):
    """The value of a module-level constant `name = <literal>` in a Python file."""
    for node in ast.parse((ROOT / path).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"{path} sets no {name}")


def values():
    snippets_ruff = tomllib.loads((ROOT / "snippets/ruff.toml").read_text(encoding="utf-8"))
    return {
        "python_version": (ROOT / ".python-version").read_text(encoding="utf-8").strip(),
        "code_columns": str(snippets_ruff["line-length"]),
        "snippet_timeout": str(constant("tests/test_snippet_files.py", "TIMEOUT")),
        "max_file_lines": str(constant("tests/test_lint.py", "MAX_LINES")),
    }


if __name__ == "__main__":
    for key, value in values().items():
        print(f"{key}: {value}")
