"""scripts/figures.py: the committed figures and numbers are current, builds are deterministic and cached.

Most tests run the script on copies of tests/fixtures/figures/ in a temporary
folder (tests/figure_runs.py), so they never touch docs/.
tests/test_figure_errors.py holds the bad inputs.
"""

import json
import re
import shutil
from pathlib import Path

from figure_runs import GOOD, figures, imported_modules, snippets_with, statuses, tree

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GOOD_OUTPUTS = {
    "figures/fixture_line-light.svg",
    "figures/fixture_line-dark.svg",
    "figures/fixture_bars-light.png",
    "figures/fixture_bars-dark.png",
    "figures/fixture_small-light.svg",
    "figures/fixture_small-dark.svg",
    "figures/fixture_wide-light.svg",
    "figures/fixture_wide-dark.svg",
    "figures/fixture_wide-narrow-light.svg",
    "figures/fixture_wide-narrow-dark.svg",
    "values/line.json",
}


# The site's own figures and numbers.


def test_committed_figures_and_numbers_match_a_fresh_regeneration():
    proc = figures("--check")
    assert proc.returncode == 0, proc.stderr


def test_a_fresh_clone_has_nothing_to_build_and_imports_neither_torch_nor_matplotlib(tmp_path):
    # The committed outputs and manifest, as a fresh clone has them, in a copy so docs/ is never written.
    out = tmp_path / "docs"
    for name in ("figures", "values"):
        if (DOCS / name).is_dir():
            shutil.copytree(DOCS / name, out / name)
    shutil.copy(DOCS / ".generated.json", out / ".generated.json")
    proc = figures("--out", out, importtime=True)
    assert proc.returncode == 0, proc.stderr
    assert set(statuses(proc.stdout).values()) <= {"cached"}, proc.stdout
    assert not imported_modules(proc.stderr) & {"torch", "matplotlib"}


def test_every_figure_is_shown_on_a_page_with_alt_text_and_both_variants(built_site):
    """Read from the built site, so Markdown pages and notebook pages count alike."""
    image = re.compile(r"<img (?P<attrs>[^>]*)>")
    src = re.compile(
        r'src="(?:\.\./)*figures/(?P<name>[\w-]+)-(?P<variant>light|dark)\.(?:svg|png)(?P<anchor>#[\w-]*)?"'
    )
    alt = re.compile(r'alt="(?P<alt>[^"]*)"')
    # A narrow layout is offered by a <picture>'s <source> (hooks/figure_variants.py).
    source = re.compile(r'<source [^>]*srcset="(?:\.\./)*figures/(?P<name>[\w-]+)-(?P<variant>light|dark)\.svg"')
    used, offered = {}, {}
    for page in sorted(built_site.rglob("*.html")):
        for m in source.finditer(page.read_text(encoding="utf-8")):
            offered.setdefault(m["name"], set()).add(m["variant"])
        for m in image.finditer(page.read_text(encoding="utf-8")):
            found = src.search(m["attrs"])
            if found is None:
                continue
            where = f"{page.relative_to(built_site)}: figures/{found['name']}-{found['variant']}"
            text = alt.search(m["attrs"])
            assert text and text["alt"].strip(), f"{where}: no alt text"
            assert found["anchor"] == f"#only-{found['variant']}", f"{where}: needs #only-{found['variant']}"
            used.setdefault(found["name"], set()).add(found["variant"])
    for name, variants in used.items():
        assert variants == {"light", "dark"}, f"figure {name} is shown only in {variants}"
    for name, variants in offered.items():
        assert variants == {"light", "dark"}, f"narrow layout {name} is offered only in {variants}"
    drawn = {p.stem.rsplit("-", 1)[0] for p in (DOCS / "figures").glob("*-light.*")}
    narrow = {name for name in drawn if name.endswith("-narrow")}
    assert not drawn - narrow - set(used), f"figures on no page: {sorted(drawn - narrow - set(used))}"
    assert narrow == set(offered), f"narrow layouts drawn {sorted(narrow)}, offered {sorted(offered)}"


# Building: outputs, determinism, the cache.


def test_builds_light_and_dark_variants_and_the_values_file(built):
    snippets, out = built
    assert set(tree(out)) == GOOD_OUTPUTS | {".generated.json"}
    light, dark = (
        (out / "figures/fixture_line-light.svg").read_text(),
        (out / "figures/fixture_line-dark.svg").read_text(),
    )
    assert "#ffffff" in light and "#1e2129" in dark  # each on its palette's background
    assert "<dc:date>" not in light + dark and "Matplotlib v" not in light + dark
    assert b"Software" not in (out / "figures/fixture_bars-light.png").read_bytes()
    text = (out / "values/line.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True) + "\n"
    assert data["points"] == "21" and all(isinstance(v, str) for v in data.values())


def test_one_module_declares_several_figures_and_a_narrow_layout(built):
    """FIGURES names two figures; the one whose function takes `narrow` gets narrow variants too,
    and the manifest records each output's smallest text and width, in points."""
    _, out = built
    manifest = json.loads((out / ".generated.json").read_text())
    assert set(manifest["fixture_wide"]["outputs"]) == {
        f"figures/fixture_wide-{layout}{variant}.svg" for layout in ("", "narrow-") for variant in ("light", "dark")
    }
    sizes = manifest["fixture_wide"]["text_pt"]
    assert sizes["figures/fixture_wide-light.svg"] == [9.0, 432.0]  # the titles' 9 pt; 6 in wide
    assert sizes["figures/fixture_wide-narrow-dark.svg"] == [9.0, 216.0]
    assert set(manifest["fixture_small"]["outputs"]) == {
        "figures/fixture_small-light.svg",
        "figures/fixture_small-dark.svg",
    }


def test_two_runs_in_separate_processes_give_byte_identical_files(built, tmp_path):
    snippets, first = built
    proc = figures("--snippets", snippets, "--out", tmp_path / "second", "--jobs", "2")  # a pool, unlike the first
    assert proc.returncode == 0, proc.stderr
    assert tree(tmp_path / "second") == tree(first)


def test_a_run_with_nothing_to_do_imports_neither_torch_nor_matplotlib(built):
    snippets, out = built
    before = tree(out)
    proc = figures("--snippets", snippets, "--out", out, importtime=True)
    assert proc.returncode == 0, proc.stderr
    assert statuses(proc.stdout) == dict.fromkeys(
        ["fixture_bars", "fixture_line", "fixture_small", "fixture_wide", "values:line"], "cached"
    )
    modules = imported_modules(proc.stderr)
    assert "figures_plan" in modules and not modules & {"torch", "matplotlib", "numpy"}
    assert tree(out) == before


def test_a_changed_input_or_a_hand_edited_output_is_rebuilt_and_nothing_else(built, out, tmp_path):
    snippets = Path(shutil.copytree(built[0], tmp_path / "snippets"))
    with (snippets / "line/curve.py").open("a") as handle:
        handle.write("\n# a changed comment is a changed input\n")
    (snippets / "bars/curve.py").touch()  # a newer file with the same bytes is no change
    proc = figures("--snippets", snippets, "--out", out)
    assert proc.returncode == 0, proc.stderr
    others = {"fixture_small": "cached", "fixture_wide": "cached"}
    assert statuses(proc.stdout) == {
        "fixture_line": "built",
        "values:line": "built",
        "fixture_bars": "cached",
        **others,
    }
    (out / "figures/fixture_bars-dark.png").write_bytes(b"edited by hand")
    proc = figures("--snippets", snippets, "--out", out)
    assert statuses(proc.stdout) == {
        "fixture_line": "cached",
        "values:line": "cached",
        "fixture_bars": "built",
        **others,
    }
    assert {k: v for k, v in tree(out).items() if k != ".generated.json"} == {
        k: v for k, v in tree(built[1]).items() if k != ".generated.json"
    }


def test_only_builds_the_named_target(tmp_path):
    snippets = snippets_with(tmp_path, *GOOD)
    proc = figures("--snippets", snippets, "--out", tmp_path / "out", "--only", "fixture_line")
    assert proc.returncode == 0, proc.stderr
    assert set(tree(tmp_path / "out/figures")) == {"fixture_line-light.svg", "fixture_line-dark.svg"}


def test_a_full_run_removes_orphaned_outputs(built, out):
    (out / "figures/renamed-light.svg").write_text("<svg/>")
    proc = figures("--snippets", built[0], "--out", out)
    assert proc.returncode == 0, proc.stderr
    assert "removed" in proc.stdout and not (out / "figures/renamed-light.svg").exists()


# --check


def test_check_passes_on_current_outputs(built):
    proc = figures("--snippets", built[0], "--out", built[1], "--check")
    assert proc.returncode == 0, proc.stderr


def test_check_lists_every_differing_missing_and_orphaned_output_and_changes_nothing(built, out):
    (out / "figures/fixture_line-light.svg").write_text("<svg/>")
    (out / "figures/fixture_bars-dark.png").unlink()
    (out / "figures/old-light.svg").write_text("<svg/>")
    (out / "values/line.json").write_text('{"points": "20"}\n')
    before = tree(out)
    proc = figures("--snippets", built[0], "--out", out, "--check")
    assert proc.returncode == 1
    problems = [line.split(": ", 1) for line in proc.stderr.splitlines()[:-1]]
    assert sorted((Path(path).relative_to(out).as_posix(), why.split(";")[0]) for path, why in problems) == [
        ("figures/fixture_bars-dark.png", "missing"),
        ("figures/fixture_line-light.svg", "differs from a fresh regeneration of fixture_line"),
        ("figures/old-light.svg", "orphaned"),
        ("values/line.json", "differs from a fresh regeneration of values:line"),
    ]
    assert tree(out) == before


def test_check_reports_a_manifest_not_regenerated_after_a_change(built, tmp_path):
    snippets = Path(shutil.copytree(built[0], tmp_path / "snippets"))
    with (snippets / "bars/curve.py").open("a") as handle:
        handle.write("\n# same bytes out, but the inputs changed\n")
    proc = figures("--snippets", snippets, "--out", built[1], "--check")
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[0].endswith(".generated.json: stale entries for fixture_bars")
