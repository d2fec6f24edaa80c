"""The learning-rate explorers (docs/javascripts/explorers.js), against the pages' own Python.

The one-weight explorer on the gradient-descent page must show, at every
slider position and for every rate it has a button for, the step counts of
the page's `steps_to_tolerance` and `predicted_steps`; the two-weight explorer
on the notebook page, on a grid of start points dragged there with the mouse
and several rates, the steps of the notebook's `fit_product` in float64. The
rate and the start are read from the widget itself (its data-eta, data-w1 and
data-w2 hold them to 17 significant digits); the Python is the pages' own,
imported with tests/page_code.py (under conftest.py's reproducible
environment, so torch sums as the notebook's kernel does: with
MKL_CBWR=COMPATIBLE; MKL's other code paths use fused multiply-adds, which
round differently). No count is written in this file.

Equal counts alone would not show equal arithmetic: a left-to-right sum in
place of NumPy's order changes the gradient's last bits at every slider
position but, measured, no count. So the widget also leaves its last iterate
in data-last, and that must be the very double the page's code reaches after
as many updates.

Also here: the numbers come from the values files, and the widgets fit the
size budget. What every reader needs (keyboard, touch, palettes, motion,
instant navigation, Chinese, the offline copy) is in test_explorers_readers.py.
"""

import gzip
import json
import math
import time
import warnings

import pytest
import torch
from browser import probe
from explorer_pages import ONE, TWO, drag_to, widget_data
from page_code import page_module

BUDGET = 10 * 1024  # bytes of JavaScript and CSS for the explorers, gzipped, on a page
SHIPPED = ["javascripts/explorers.js", "stylesheets/explorers.css"]


@pytest.fixture(scope="module")
def gd():
    """The gradient-descent page's code."""
    return page_module("snippets/gradient_descent/gradient_descent.py")


@pytest.fixture(scope="module")
def nb():
    """The notebook's code, run as a script."""
    import matplotlib.pyplot as plt

    module = page_module("snippets/one_neuron_fit/one_neuron_fit.py")
    plt.close("all")  # the notebook's figures
    return module


def count(text: str):
    """A count as the widget shows it: an integer, or None for a sentence saying there is none."""
    return int(text) if text.isdigit() else None


def same(a: float, b: float) -> bool:
    """The same double (NaN counts as the same as NaN)."""
    return a == b or (math.isnan(a) and math.isnan(b))


# --- the one-weight explorer against gradient_descent.py --------------------------------


def test_one_weight_counts_are_the_page_codes_at_every_slider_position_and_button(open_page, served_site, gd):
    page = open_page(ONE, served_site)
    root = page.locator('.explorer[data-kind="one-weight"]')
    started = time.perf_counter()
    rows = root.evaluate(probe("explorer_sweep"))
    for i in range(root.locator("button").count()):
        button = root.locator("button").nth(i)
        button.click()
        rows.append({"button": button.text_content(), **root.evaluate(probe("explorer_one_weight"))})
        assert button.get_attribute("aria-pressed") == "true"
    browser_seconds = time.perf_counter() - started
    started = time.perf_counter()
    expected = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # diverging rates overflow to inf
        for row in rows:
            eta, updates = float(row["eta"]), int(row["last"].split()[0])
            # The counts, and the iterate after as many updates as the widget made.
            last = float(gd.descend(0.0, eta, steps=updates)[-1])
            expected.append((gd.steps_to_tolerance(eta), gd.predicted_steps(eta), last))
    python_seconds = time.perf_counter() - started
    data = widget_data(page, "one-weight")
    differences = []
    for row, (steps, predicted, last) in zip(rows, expected, strict=True):
        eta = float(row["eta"])
        if not same(float(row["last"].split()[1]), last):
            differences.append(f"{row}: after the same updates descend() gives w = {last!r}")
        r = f"{1 - 2 * eta * data['sum_xx']:.4f}".replace("-0.0000", "0.0000")
        shown = (count(row["counted"]), count(row["predicted"]), row["r"])
        if shown != (steps, predicted, r):
            differences.append(f"{row}: the page's code gives {steps}, {predicted}, r = {r}")
        if predicted is None and row["predicted"] != "never converges":
            differences.append(f"{row}: predicted_steps is None, but the widget does not say it never converges")
        assert row["valuetext"].startswith(f"η = {eta:.3e}".replace("e-0", "e-"))
    print(
        f"\none weight: {len(rows)} rates ({sum('position' in r for r in rows)} slider positions, "
        f"{sum('button' in r for r in rows)} buttons): browser {browser_seconds:.1f} s, "
        f"Python {python_seconds:.1f} s"
    )
    assert not differences, "\n".join(differences[:20])
    # The buttons are the rates the page names, each once, with the exact value of the code.
    etas = [float(row["eta"]) for row in rows if "button" in row]
    assert etas == [rate["eta"] for rate in data["rates"]] and len(set(etas)) == len(etas)
    assert page.problems == []


def test_the_data_attribute_holds_the_values_file(open_page, served_site, root):
    page = open_page(ONE, served_site)
    for kind, slug, path in [("one-weight", "gradient_descent", ONE), ("two-weights", "one_neuron_fit", TWO)]:
        page.goto(served_site + path, wait_until="networkidle")
        values = json.loads((root / f"docs/values/{slug}.json").read_text(encoding="utf-8"))
        assert widget_data(page, kind) == json.loads(values["explorer"])


GRID = [-1.1, 0.4, 1.2]  # start points (w1, w2) on this grid, dragged there, in all four quadrants
POSITIONS = [150, 450, 600]  # slider positions, besides the rate buttons (600: the largest rate)


def test_two_weight_steps_are_the_notebooks_on_a_grid_of_starts(open_page, served_site, nb):
    page = open_page(TWO, served_site)
    root = page.locator('.explorer[data-kind="two-weights"]')
    buttons = root.locator(".ex-buttons button")
    names = [buttons.nth(i).text_content() for i in range(buttons.count() - 1)]  # the last one resets the start
    range_ = root.locator("input[type=range]")
    # The grid, the saddle at the origin (where no update moves), and the notebook's seeded start.
    starts = [(a, b) for a in GRID for b in GRID] + [(0.0, 0.0), None]
    rows = []
    started = time.perf_counter()
    for start in starts:
        if start is None:
            buttons.last.click()  # the notebook's seeded start
        else:
            drag_to(page, root, *start)
            w1, w2 = float(root.get_attribute("data-w1")), float(root.get_attribute("data-w2"))
            assert abs(w1 - start[0]) <= 0.015 and abs(w2 - start[1]) <= 0.015, (start, w1, w2)
        for i, name in enumerate(names):
            buttons.nth(i).click()
            rows.append({"rate": name, **root.evaluate(probe("explorer_two_weights"))})
        for position in POSITIONS:
            range_.evaluate(
                "(r, k) => { r.value = k; r.dispatchEvent(new Event('input', { bubbles: true })); }", position
            )
            rows.append({"rate": f"slider {position}", **root.evaluate(probe("explorer_two_weights"))})
    browser_seconds = time.perf_counter() - started
    data = widget_data(page, "two-weights")
    started = time.perf_counter()
    expected = []
    for row in rows:
        start, updates = (float(row["w1"]), float(row["w2"])), int(row["last"].split()[0])
        path, met = nb.fit_product(float(row["eta"]), data["max_steps"], dtype=torch.float64, start=start)
        # The steps, and the weights after as many updates as the widget made (None if it stopped before).
        expected.append((len(path) - 1 if met else None, path[updates] if updates < len(path) else None))
    python_seconds = time.perf_counter() - started
    differences = []
    for row, (steps, last) in zip(rows, expected, strict=True):
        if count(row["steps"]) != steps:
            differences.append(f"{row}: fit_product gives {steps}")
        shown = [float(v) for v in row["last"].split()[1:]]
        if last is None or not all(same(a, b) for a, b in zip(shown, last, strict=True)):
            differences.append(f"{row}: after the same updates fit_product's weights are {last}")
    print(
        f"\ntwo weights: {len(starts)} starts x {len(names) + len(POSITIONS)} rates = {len(rows)} runs "
        f"({sum(s is not None for s, _ in expected)} converge): browser {browser_seconds:.1f} s, "
        f"Python {python_seconds:.1f} s"
    )
    assert not differences, "\n".join(differences[:20])
    assert any(s is None for s, _ in expected) and any(s is not None for s, _ in expected)
    assert page.problems == []


def test_javascript_and_css_within_budget_on_each_page(built_site):
    """What the widgets add to a page, gzipped as the server sends it: at most BUDGET."""
    sizes = {name: len(gzip.compress((built_site / name).read_bytes(), compresslevel=6)) for name in SHIPPED}
    print(f"\nexplorers, gzipped: {sizes}, {sum(sizes.values())} bytes on every page")
    assert sum(sizes.values()) <= BUDGET, sizes
    for path in (ONE, TWO):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert all(f'{name}"' in html for name in SHIPPED), path
        assert '<script type="application/json"' not in html and 'type="module"' not in html
