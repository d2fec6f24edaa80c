"""Helpers shared by the tests of the two "Beyond the post" pages.

test_beyond_the_post.py and test_training_in_pytorch.py check the same kinds
of things about their pages: modules of a snippet folder loaded quietly, a
file's standalone output against the outputs its blocks show on the page,
numbers typed by hand in the prose, and the shape of the exercises.
"""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

from project_files import load_module

ROOT = Path(__file__).resolve().parent.parent
SECTION = re.compile(r"# --8<-- \[start:(\w+)\]\n(.*?)# --8<-- \[end:\1\]", re.DOTALL)


def load(folder: Path, name: str):
    """A module of a snippet folder, its printing swallowed, its siblings importable."""
    sys.path.insert(0, str(folder))
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return load_module(folder / f"{name}.py", f"_claims_{folder.name}_{name}")
    finally:
        sys.path.remove(str(folder))


def sections(path: Path) -> dict[str, str]:
    return dict(SECTION.findall(path.read_text(encoding="utf-8")))


def shown_outputs(page: Path, snippet: str) -> list[tuple[str, str]]:
    """(section, output shown under it) for every block of `page` embedding `snippet`, in page order.

    Blocks may be indented (inside a solution); the indentation is removed.
    """
    pattern = re.compile(
        rf'^(?P<indent>[ \t]*)--8<-- "{re.escape(snippet)}:(?P<section>\w+)"\n'
        r"(?:(?!--8<--).)*?<!--pytest-codeblocks:expected-output-->\s*\n"
        r"[ \t]*```text\n(?P<output>.*?)^[ \t]*```[ \t]*$",
        re.DOTALL | re.MULTILINE,
    )
    return [
        (m["section"], re.sub(rf"(?m)^{m['indent']}", "", m["output"]))
        for m in pattern.finditer(page.read_text(encoding="utf-8"))
    ]


def standalone_stdout(path: Path) -> str:
    proc = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=120, check=True
    )
    return proc.stdout


def typed_numbers(page: Path) -> list[str]:
    """Numbers of two or more digits, or with a decimal point, left in the prose.

    Outside fences (indented ones too), HTML comments, macros, inline code and
    link targets; the front matter is dropped.
    """
    prose = page.read_text(encoding="utf-8").split("---", 2)[2]
    for pattern in (r"^[ \t]*(`{3,}).*?^[ \t]*\1[ \t]*$", r"<!--.*?-->", r"\{\{.*?\}\}", r"`[^`\n]+`", r"\]\([^)]*\)"):
        prose = re.sub(pattern, " ", prose, flags=re.DOTALL | re.MULTILINE)
    return re.findall(r"\d+\.\d+|\d{2,}", prose)


def macros(page: Path, slug: str) -> set[str]:
    return set(re.findall(rf"\{{\{{\s*{slug}\.(\w+)\s*\}}\}}", page.read_text(encoding="utf-8")))


def exercise_problems(page: Path, snippet: str) -> list[str]:
    """What is wrong with the page's exercises: 4 to 6, numbered, each with a worked,
    run and checked solution, and at least one that asks for a prediction first."""
    text = page.read_text(encoding="utf-8").split("## Exercises", 1)[1]
    numbers = re.findall(r"^\*\*Exercise (\d):", text, re.MULTILINE)
    solutions = re.findall(rf'--8<-- "{re.escape(snippet)}:ex(\d)"', text)
    problems = []
    if not 4 <= len(numbers) <= 6 or numbers != [str(i + 1) for i in range(len(numbers))]:
        problems.append(f"exercises numbered {numbers}")
    if solutions != numbers:
        problems.append(f"solutions {solutions} for exercises {numbers}")
    if text.count('??? note "Solution"') != len(numbers):
        problems.append("not one collapsed solution per exercise")
    if text.count("<!--pytest-codeblocks:expected-output-->") != len(numbers):
        problems.append("not one checked output per solution")
    if "Predict, then run" not in text:
        problems.append("no exercise asks for a prediction before running")
    return problems
