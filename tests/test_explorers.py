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

The rest is what every reader needs: the keyboard alone, a phone's touch,
both palettes, less motion, instant navigation, Chinese, and the size budget.
"""

import gzip
import json
import math
import re
import time
import warnings
import zipfile
from pathlib import Path

import pytest
import torch
from browser import content_problems, probe
from offline import ZIP_NAME
from page_code import page_module
from site_server import serve_site

ROOT = Path(__file__).resolve().parent.parent

ONE = "gradient-descent/"
TWO = "one-neuron-fit/"
BUDGET = 10 * 1024  # bytes of JavaScript and CSS for the explorers, gzipped, on a page
SHIPPED = ["javascripts/explorers.js", "stylesheets/explorers.css"]
PALETTES = ["light", "dark"]


@pytest.fixture(scope="module")
def url(built_site):
    with serve_site(built_site) as base:
        yield base


@pytest.fixture
def new_page(browser):
    """A function that opens a page of a fresh context; every context is closed afterwards."""
    contexts = []

    def new(path=None, base=None, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        if path is not None:
            page.goto(base + path, wait_until="networkidle")
        return page

    yield new
    for context in contexts:
        context.close()


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


def widget_data(page, kind: str) -> dict:
    return json.loads(page.locator(f'.explorer[data-kind="{kind}"]').get_attribute("data-explorer"))


# --- the one-weight explorer against gradient_descent.py --------------------------------


def test_one_weight_counts_are_the_page_codes_at_every_slider_position_and_button(new_page, url, gd):
    page = new_page(ONE, url)
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


def test_the_data_attribute_holds_the_values_file(new_page, url, root):
    page = new_page(ONE, url)
    for kind, slug, path in [("one-weight", "gradient_descent", ONE), ("two-weights", "one_neuron_fit", TWO)]:
        page.goto(url + path, wait_until="networkidle")
        values = json.loads((root / f"docs/values/{slug}.json").read_text(encoding="utf-8"))
        assert widget_data(page, kind) == json.loads(values["explorer"])


# --- the two-weight explorer against the notebook's fit_product ---------------------------------


GRID = [-1.1, 0.4, 1.2]  # start points (w1, w2) on this grid, dragged there, in all four quadrants
POSITIONS = [150, 450, 600]  # slider positions, besides the rate buttons (600: the largest rate)


def screen_point(page, root, w1: float, w2: float) -> tuple[float, float]:
    """Where (w1, w2) is on screen, from the drawn axes and the handle's aria-valuemin/max."""
    axes = root.locator("line.ex-axis")
    horizontal, vertical = axes.nth(0).bounding_box(), axes.nth(1).bounding_box()
    handle = root.locator(".ex-handle")
    lo, hi = float(handle.get_attribute("aria-valuemin")), float(handle.get_attribute("aria-valuemax"))
    x = horizontal["x"] + (w1 - lo) / (hi - lo) * horizontal["width"]
    y = vertical["y"] + (hi - w2) / (hi - lo) * vertical["height"]
    return x, y


def drag_to(page, root, w1, w2):
    """Drag the start point to (w1, w2) with the mouse, as a reader does."""
    root.locator("svg").first.scroll_into_view_if_needed()
    box = root.locator(".ex-hit").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(*screen_point(page, root, w1, w2), steps=4)
    page.mouse.up()


def test_two_weight_steps_are_the_notebooks_on_a_grid_of_starts(new_page, url, nb):
    page = new_page(TWO, url)
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


# --- every reader ---------------------------------------------------------------------


def test_keyboard_alone_sets_every_control(new_page, url):
    page = new_page(ONE, url)
    root = page.locator('.explorer[data-kind="one-weight"]')
    eta = lambda: float(root.get_attribute("data-eta"))  # noqa: E731
    # Tab order: slider, field, then the buttons.
    root.locator("input[type=range]").focus()
    before = eta()
    page.keyboard.press("ArrowRight")
    assert eta() > before
    page.keyboard.press("End")
    assert eta() > widget_data(page, "one-weight")["eta_max"]
    assert "never converges" in root.locator(".ex-status").text_content()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('ex-field')")
    page.keyboard.press("Control+A")
    page.keyboard.type("2e-4")
    page.keyboard.press("Enter")
    assert eta() == 2e-4
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert eta() == widget_data(page, "one-weight")["post_eta"]
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert eta() == widget_data(page, "one-weight")["rates"][1]["eta"]
    # A typed rate that is not a positive number is refused, in the live region.
    root.locator(".ex-field").fill("-1")
    root.locator(".ex-field").press("Enter")
    assert "positive number" in root.locator("[role=status]").text_content()

    page.goto(url + TWO, wait_until="networkidle")
    root = page.locator('.explorer[data-kind="two-weights"]')
    start = widget_data(page, "two-weights")["start"]
    w = lambda: (float(root.get_attribute("data-w1")), float(root.get_attribute("data-w2")))  # noqa: E731
    root.locator(".ex-handle").focus()
    page.keyboard.press("ArrowRight")
    assert w() == (round(start[0] * 100 + 1) / 100, round(start[1] * 100) / 100)
    page.keyboard.press("Shift+ArrowUp")
    assert w()[1] == pytest.approx(round(start[1] * 100) / 100 + 0.1, abs=1e-12)
    assert root.locator(".ex-handle").get_attribute("aria-valuetext") == f"w₁ = {w()[0]:.2f}, w₂ = {w()[1]:.2f}"
    page.keyboard.press("Home")
    assert list(w()) == start
    assert page.problems == []


def test_names_for_screen_readers(new_page, url):
    page = new_page(ONE, url)
    for path, kind in [(ONE, "one-weight"), (TWO, "two-weights")]:
        page.goto(url + path, wait_until="networkidle")
        root = page.locator(f'.explorer[data-kind="{kind}"]')
        range_ = root.locator("input[type=range]")
        assert range_.evaluate("r => r.labels.length && r.labels[0].textContent") == "Learning rate η"
        assert re.fullmatch(r"η = \d\.\d{3}e-\d+, [\d.]+ η_max", range_.get_attribute("aria-valuetext"))
        assert root.locator(".ex-field").evaluate("f => f.labels[0].textContent.trim()") == "Type η"
        assert root.locator("[role=status][aria-live=polite]").count() == 1
        assert all(b.strip() for b in root.locator("button").all_text_contents())
    handle = root.locator(".ex-handle")
    assert handle.get_attribute("role") == "slider" and handle.get_attribute("aria-label")
    assert handle.get_attribute("tabindex") == "0"


@pytest.mark.parametrize("palette", PALETTES)
def test_both_palettes_are_readable(palette, new_page, url):
    """Text 4.5:1 (the site's own check), every line and mark of the widgets 3:1, on the page."""
    page = new_page(color_scheme=palette)
    for path in (ONE, TWO):
        page.goto(url + path, wait_until="networkidle")
        root = page.locator(".explorer")
        root.locator("button").first.click()  # a pressed button too
        page.mouse.move(0, 0)
        assert content_problems(page, palette) == []
        assert root.evaluate(probe("explorer_graphics_contrast")) == []
    assert page.problems == []


def test_reduced_motion_means_no_animation(new_page, url):
    for motion, animated in [("no-preference", True), ("reduce", False)]:
        page = new_page(ONE, url, reduced_motion=motion)
        root = page.locator(".explorer")
        root.locator("button").nth(2).click()
        running = root.evaluate("r => r.getAnimations({ subtree: true }).length")
        assert (running > 0) == animated, (motion, running)


def listeners(cdp, scripts: dict) -> dict:
    """The event listeners on window and on document that the site's scripts added, by type and script.

    `scripts` maps script ids to URLs (CDP's Debugger.scriptParsed); listeners of
    scripts without a URL (playwright's own, for its actions) are left out.
    """
    found = {}
    for name in ("window", "document"):
        handle = cdp.send("Runtime.evaluate", {"expression": name})["result"]["objectId"]
        entries = cdp.send("DOMDebugger.getEventListeners", {"objectId": handle})["listeners"]
        found[name] = sorted(
            (e["type"], scripts[e["scriptId"]].rsplit("/", 1)[-1]) for e in entries if scripts.get(e["scriptId"])
        )
    return found


def ours(found: dict) -> list:
    """The listeners explorers.js left on window or document (Material's come and go by page)."""
    return [entry for where in found.values() for entry in where if entry[1] == "explorers.js"]


def follow_link(page, target: str):
    """Click a link to `target` as a reader does, and wait for instant navigation to show it."""
    page.evaluate(
        """(target) => [...document.querySelectorAll("a[href]")]
      .find((a) => a.href.split("#")[0] === target && a.checkVisibility()).click()""",
        target,
    )
    page.wait_for_url(lambda u: u.split("#")[0] == target)
    page.wait_for_function(
        "(t) => document.querySelector('link[rel=canonical]') && location.href.split('#')[0] === t"
        " && document.querySelector('.md-content h1')",
        arg=target,
    )
    page.wait_for_load_state("networkidle")


def test_instant_navigation_mounts_each_explorer_once_and_leaves_no_listener(new_page, url):
    page = new_page("", url)
    page.evaluate("window.__sameDocument = true")
    cdp = page.context.new_cdp_session(page)
    scripts = {}
    cdp.on("Debugger.scriptParsed", lambda e: scripts.__setitem__(e["scriptId"], e.get("url", "")))
    cdp.send("Debugger.enable")
    home = listeners(cdp, scripts)
    assert home["window"] and home["document"]  # Material's own: the listing works
    for path, kind in [(ONE, "one-weight"), (TWO, "two-weights"), (ONE, "one-weight")]:
        follow_link(page, url + path)
        page.wait_for_selector(f'.explorer[data-kind="{kind}"][data-mounted] .ex-status')
        root = page.locator(".explorer")
        assert root.count() == 1 and root.locator(".ex-controls").count() == 1
        assert (
            page.locator(".md-content h1")
            .first.text_content()
            .startswith({"one-weight": "Gradient descent", "two-weights": "The one-neuron fit"}[kind])
        )
        # The reader's own input only (playwright's locator actions add listeners of their own).
        for selector, key in [
            ("button:nth-of-type(2)", "Enter"),
            ("input[type=range]", "ArrowLeft"),
            (".ex-handle", "ArrowDown"),
        ]:
            if root.locator(selector).count():
                root.locator(selector).first.evaluate("el => el.focus()")
                page.keyboard.press(key)
        if kind == "two-weights":
            hit = root.locator(".ex-hit").bounding_box()
            page.mouse.move(hit["x"] + hit["width"] / 2, hit["y"] + hit["height"] / 2)
            page.mouse.down()
            page.mouse.move(hit["x"], hit["y"] + 40, steps=3)
            page.mouse.up()
        assert not ours(listeners(cdp, scripts)), path
    follow_link(page, url)
    assert not ours(listeners(cdp, scripts))
    assert page.evaluate("window.__sameDocument === true"), "a page was reloaded, not navigated to instantly"
    assert page.problems == []


def test_phone_touch_drag_and_no_overflow(new_page, url):
    page = new_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2)
    for path in (ONE, TWO):
        page.goto(url + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        box = page.locator(".explorer svg").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    root = page.locator('.explorer[data-kind="two-weights"]')
    root.locator("svg").first.scroll_into_view_if_needed()
    cdp = page.context.new_cdp_session(page)
    hit = root.locator(".ex-hit").bounding_box()
    x, y = hit["x"] + hit["width"] / 2, hit["y"] + hit["height"] / 2
    target = screen_point(page, root, -0.5, 0.5)
    scrolled = page.evaluate("scrollY")
    touch = lambda kind, points: cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})  # noqa: E731
    touch("touchStart", [{"x": x, "y": y}])
    for i in range(1, 6):
        touch("touchMove", [{"x": x + (target[0] - x) * i / 5, "y": y + (target[1] - y) * i / 5}])
    touch("touchEnd", [])
    w1, w2 = float(root.get_attribute("data-w1")), float(root.get_attribute("data-w2"))
    assert abs(w1 + 0.5) <= 0.02 and abs(w2 - 0.5) <= 0.02, (w1, w2)
    assert page.evaluate("scrollY") == scrolled, "dragging the point scrolled the page"
    assert page.problems == []


def test_chinese_edition_shows_chinese(new_page, url):
    page = new_page()
    # The Chinese edition is the same pages with <html lang="zh">.
    page.route(
        "**/*",
        lambda route: (
            route.fulfill(response=(r := route.fetch()), body=r.text().replace('<html lang="en"', '<html lang="zh"'))
            if route.request.resource_type == "document"
            else route.continue_()
        ),
    )
    for path, words in [(ONE, ["学习率", "步数", "公式预测"]), (TWO, ["拖动起点", "局部", "步数"])]:
        page.goto(url + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.lang") == "zh"
        text = page.locator(".explorer").text_content()
        assert all(word in text for word in words), text
        # No English left: η_max and the Shift key are the only Latin words.
        assert set(re.findall(r"[A-Za-z]{4,}", text)) <= {"Shift"}, text
        assert ": " not in text, text  # Chinese punctuation: a full-width colon
    page.locator(".ex-field").fill("1")
    page.locator(".ex-field").press("Enter")
    assert "不收敛" in page.locator("[role=status]").text_content()
    assert page.problems == []


def test_without_javascript_the_figures_and_a_note_remain(new_page, url):
    page = new_page(ONE, url, java_script_enabled=False)
    assert page.locator('img[src*="descent_steps-light.svg"]').is_visible()
    assert "needs JavaScript" in page.locator(".explorer").text_content()


def test_javascript_and_css_within_budget_on_each_page(built_site):
    """What the widgets add to a page, gzipped as the server sends it: at most BUDGET."""
    sizes = {name: len(gzip.compress((built_site / name).read_bytes(), compresslevel=6)) for name in SHIPPED}
    print(f"\nexplorers, gzipped: {sizes}, {sum(sizes.values())} bytes on every page")
    assert sum(sizes.values()) <= BUDGET, sizes
    for path in (ONE, TWO):
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert all(f'{name}"' in html for name in SHIPPED), path
        assert '<script type="application/json"' not in html and 'type="module"' not in html


def test_offline_copy_runs_the_explorers_from_the_file_system(browser, built_site, tmp_path):
    """The copy readers open from file:// (no instant navigation there, no fetch possible)."""
    with zipfile.ZipFile(built_site / ZIP_NAME) as z:
        z.extractall(tmp_path)
    folder = tmp_path / Path(ZIP_NAME).stem
    context = browser.new_context()
    try:
        page = context.new_page()
        problems = []
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: r.url.startswith(("file:", "data:")) or problems.append(r.url))
        for name, kind, result in [
            ("gradient-descent.html", "one-weight", ".ex-counted"),
            ("one-neuron-fit.html", "two-weights", ".ex-steps"),
        ]:
            page.goto((folder / name).as_uri(), wait_until="load")
            root = page.locator(f'.explorer[data-kind="{kind}"][data-mounted]')
            root.locator("button").nth(1).click()
            assert root.locator(result).text_content().isdigit(), name
        assert problems == []
    finally:
        context.close()
