"""scripts/figures.py on bad input: one line naming the file (and line), the right exit status, nothing written.

Each test breaks a copy of a fixture folder (tests/figure_runs.py) and runs
the script on it in a fresh process.
"""

import shutil
from pathlib import Path

from figure_runs import FIXTURES, figures, line_of, snippets_with, statuses, tree


def test_figures_that_is_not_a_dict_literal_is_refused_naming_its_line(tmp_path):
    snippets = snippets_with(tmp_path, "several")
    module = snippets / "several/fig_fixture_several.py"
    module.write_text(module.read_text().replace("FIGURES = {", "FIGURES = dict({") + ")\n", encoding="utf-8")
    module.write_text(module.read_text().replace("draw_small}\n)", "draw_small})"), encoding="utf-8")
    proc = figures("--snippets", snippets, "--out", tmp_path / "out")
    assert proc.returncode == 1
    assert proc.stderr == (
        f"{module}:{line_of(module, 'FIGURES = ')}: FIGURES must be a dict literal whose keys "
        "are the figure names, as strings\n"
    )


# Bad input: one line naming the file, the right exit status, nothing written.


def test_an_unknown_name_exits_2_listing_the_valid_names(built, tmp_path):
    proc = figures("--snippets", built[0], "--out", tmp_path / "out", "--only", "fixture_lines")
    assert proc.returncode == 2
    assert proc.stderr == (
        "figures.py: unknown name 'fixture_lines'; valid names: fixture_bars, fixture_line, "
        "fixture_small, fixture_wide, values:line\n"
    )
    assert not (tmp_path / "out").exists()


def test_figure_code_that_raises_names_its_file_and_line_and_leaves_the_previous_figure(built, out, tmp_path):
    snippets = Path(shutil.copytree(built[0], tmp_path / "snippets"))
    broken = snippets / "line/fig_fixture_line.py"
    shutil.copy(FIXTURES / "raises/fig_fixture_raises.py", broken)
    before = tree(out)
    proc = figures("--snippets", snippets, "--out", out)
    assert proc.returncode == 1
    line = line_of(broken, "raise ValueError")
    assert f"{broken}:{line}: ValueError: the loss went negative\n" in proc.stderr
    assert statuses(proc.stdout)["fixture_line"] == "FAILED"
    after = tree(out)
    assert {k: after[k] for k in before if k.startswith("figures/")} == {
        k: before[k] for k in before if k.startswith("figures/")
    }
    assert set(after) == set(before)  # no temporary file left behind, nothing removed


def test_an_error_in_a_sibling_module_names_the_sibling(built, tmp_path):
    snippets = Path(shutil.copytree(built[0], tmp_path / "snippets"))
    sibling = snippets / "line/curve.py"
    sibling.write_text(
        sibling.read_text().replace("def points():", "def points():\n    {}['missing']"), encoding="utf-8"
    )
    proc = figures("--snippets", snippets, "--out", tmp_path / "out", "--only", "fixture_line")
    assert proc.returncode == 1
    assert proc.stderr == f"{sibling}:{line_of(sibling, 'missing')}: KeyError: 'missing'\n"


def test_a_syntax_error_names_its_file_and_line(built, tmp_path):
    snippets = Path(shutil.copytree(built[0], tmp_path / "snippets"))
    broken = snippets / "line/fig_fixture_line.py"
    broken.write_text(broken.read_text().replace("def draw():", "def draw(:"), encoding="utf-8")
    proc = figures("--snippets", snippets, "--out", tmp_path / "out", "--only", "fixture_line")
    assert proc.returncode == 1
    assert proc.stderr.startswith(f"{broken}:{line_of(broken, 'def draw(:')}: SyntaxError: ")
    assert not (tmp_path / "out/figures").exists()


def test_a_module_without_draw_is_named(tmp_path):
    snippets = snippets_with(tmp_path, "nodraw")
    proc = figures("--snippets", snippets, "--out", tmp_path / "out")
    assert proc.returncode == 1
    assert (
        proc.stderr
        == f"{snippets / 'nodraw/fig_fixture_nodraw.py'}:1: defines no draw() function (see docs/contributing.md)\n"
    )
    assert not (tmp_path / "out/figures").exists()


def test_values_that_are_not_strings_are_refused(built, tmp_path):
    snippets = Path(shutil.copytree(built[0], tmp_path / "snippets"))
    module = snippets / "line/values.py"
    module.write_text(module.read_text().replace("str(len(x))", "len(x)"), encoding="utf-8")
    proc = figures("--snippets", snippets, "--out", tmp_path / "out", "--only", "values:line")
    assert proc.returncode == 1
    assert proc.stderr.startswith(
        f"{module}:{line_of(module, 'def values')}: TypeError: values()['points'] is int, not str"
    )


def test_a_name_defined_in_two_folders_is_refused(tmp_path):
    snippets = snippets_with(tmp_path, "line")
    shutil.copytree(snippets / "line", snippets / "line_again")
    proc = figures("--snippets", snippets, "--out", tmp_path / "out")
    assert proc.returncode == 1
    assert proc.stderr == (
        f"{snippets / 'line_again/fig_fixture_line.py'}: figure name 'fixture_line' is already "
        f"defined by {snippets / 'line/fig_fixture_line.py'}; figure names must be unique\n"
    )


def test_a_missing_snippets_folder_exits_2_naming_it(tmp_path):
    proc = figures("--snippets", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert proc.returncode == 2
    assert proc.stderr == f"{tmp_path / 'nowhere'}: snippets folder not found\n"
