"""Every page on a wide screen and on a phone: laid out for the reader, in Chromium.

Three views of every page of the built site:

- wide: 1280 x 800 with a mouse, a laptop;
- phone: 390 x 844 with a mouse pointer, the width of a phone (Material makes
  code that scrolls focusable only where a pointer can hover, so axe-core runs
  here: with touch, Material leaves code blocks out of the tab order on purpose);
- touch: 390 x 844 as a touch phone (touch events, mobile viewport).

In each, as loaded and once all math is typeset: nothing sticks out of the
viewport and nothing scrolls sideways but the boxes that may (on a wide screen
formulas only; on a phone code blocks, formulas and tables' wrappers), every
element named when it does; no copy button covers code or its title;
file-path titles wrap only after a "/". On a phone, each box that scrolls is
reachable by keyboard and shows that it scrolls, axe-core finds no serious
or critical violation in either palette, and the smallest text of every
figure is at least 11 CSS px.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from browser import axe_problems, probe, render_all_math

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "docs" / ".generated.json"
PHONE = {"width": 390, "height": 844}
VIEWS = {
    "wide": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": PHONE},
    "touch": {"viewport": PHONE, "has_touch": True, "is_mobile": True},
}
# What may scroll sideways in each view (everything else must fit).
CODE, FORMULAS, TABLES = ".md-typeset pre > code", ".md-typeset div.arithmatex", ".md-typeset__scrollwrap"
SCROLLERS = {"wide": FORMULAS, "phone": f"{CODE}, {FORMULAS}, {TABLES}", "touch": f"{CODE}, {FORMULAS}, {TABLES}"}
SMALLEST_TEXT_PX = 11  # figure text on a phone, in CSS px: about the size of a phone's small print


def settle(page) -> None:
    """Render all the math and wait until scroll_regions.js has measured what it changed."""
    render_all_math(page)  # unrendered math is test_browser.py's to report
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def look_at(page, view: str, palette: str) -> dict[str, list]:
    """What each check finds on the page shown now (figures: the files shown and their widths)."""
    found = {
        "layout": page.evaluate(probe("overflow"), SCROLLERS[view])
        + page.evaluate(probe("copy_button_cover"))
        + page.evaluate(probe("title_breaks")),
        "scrolling": page.evaluate(probe("scrolling_regions"), SCROLLERS[view]),
        "figures": page.evaluate(probe("figures_shown")),
    }
    if view != "touch":
        found["axe"] = axe_problems(page, palette)
    return found


@pytest.fixture(scope="session")
def seen(browser, site):
    """seen(view, palette) -> {page path: what look_at found}, every page opened once per view and palette."""
    url, pages = site

    @cache
    def seen(view: str, palette: str) -> dict[str, dict]:
        context = browser.new_context(**VIEWS[view])
        results = {}
        try:
            for path in pages:
                page = context.new_page()
                page.emulate_media(color_scheme=palette)
                page.goto(url + path, wait_until="networkidle")
                # What a reader sees before scrolling: math below the fold is still raw TeX.
                at_load = page.evaluate(probe("overflow"), SCROLLERS[view])
                settle(page)
                found = results[path or "index"] = look_at(page, view, palette)
                found["layout"] += [f"before its math is typeset, {problem}" for problem in at_load]
                page.close()
        finally:
            context.close()
        return results

    return seen


def report(results: dict[str, dict], key: str) -> list[str]:
    return [f"{page}: {problem}" for page, found in results.items() for problem in found[key]]


@pytest.mark.parametrize("view", VIEWS)
def test_nothing_overflows_and_no_button_covers_code(view, seen):
    problems = report(seen(view, "light"), "layout")
    assert not problems, f"{len(problems)} problem(s) at {VIEWS[view]}:\n" + "\n".join(problems)


@pytest.mark.parametrize("view", ["wide", "phone"])
def test_what_scrolls_takes_focus_and_shows_it_scrolls(view, seen):
    problems = report(seen(view, "light"), "scrolling")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_no_serious_axe_violation_on_a_phone(palette, seen):
    problems = report(seen("phone", palette), "axe")
    assert not problems, "\n".join(problems)


def smallest_text_px(figure: dict, sizes: dict[str, list[float]]) -> float:
    """The smallest text of a shown figure in CSS px: its size in pt, scaled as the figure is."""
    rel = "figures/" + figure["file"].rsplit("/", 1)[-1]
    smallest_pt, width_pt = sizes[rel]
    return smallest_pt * figure["width"] / width_pt


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_figure_text_is_readable_on_a_phone(palette, seen):
    sizes = {
        rel: size
        for entry in json.loads(MANIFEST.read_text()).values()
        for rel, size in entry.get("text_pt", {}).items()
    }
    shown = {page: found["figures"] for page, found in seen("phone", palette).items() if found["figures"]}
    assert shown, "no page shows a figure"
    problems = []
    for page, figures in shown.items():
        for figure in figures:
            assert figure["file"].endswith(f"-{palette}.svg"), (
                f"{page}: {figure['file']} shown in the {palette} palette"
            )
            px = smallest_text_px(figure, sizes)
            if px < SMALLEST_TEXT_PX:
                problems.append(
                    f"{page}: {figure['file']} shows its smallest text at {px:.1f} px "
                    f"({figure['width']:.0f} px wide; needs {SMALLEST_TEXT_PX} px): give its drawing "
                    "function a narrow=False parameter (scripts/figures_render.py, hooks/figure_variants.py)"
                )
    assert not problems, "\n".join(problems)
