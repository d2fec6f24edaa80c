"""The learning-rate explorers for every reader: keyboard, screen readers, both palettes,
less motion, instant navigation, a phone's touch, Chinese, no JavaScript, the offline copy.

The numbers they show are checked in tests/test_explorers.py.
"""

import re
import zipfile
from pathlib import Path

import pytest
from browser import content_problems, contrast, probe, render_all_math
from explorer_pages import ONE, TWO, screen_point, widget_data
from offline import ZIP_NAME

PALETTES = ["light", "dark"]


def test_keyboard_alone_sets_every_control(open_page, served_site):
    page = open_page(ONE, served_site)
    root = page.locator('.explorer[data-kind="one-weight"]')

    def eta():
        return float(root.get_attribute("data-eta"))

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

    page.goto(served_site + TWO, wait_until="networkidle")
    root = page.locator('.explorer[data-kind="two-weights"]')
    start = widget_data(page, "two-weights")["start"]

    def w():
        return float(root.get_attribute("data-w1")), float(root.get_attribute("data-w2"))

    root.locator(".ex-handle").focus()
    page.keyboard.press("ArrowRight")
    assert w() == (round(start[0] * 100 + 1) / 100, round(start[1] * 100) / 100)
    page.keyboard.press("Shift+ArrowUp")
    assert w()[1] == pytest.approx(round(start[1] * 100) / 100 + 0.1, abs=1e-12)
    assert root.locator(".ex-handle").get_attribute("aria-valuetext") == f"w₁ = {w()[0]:.2f}, w₂ = {w()[1]:.2f}"
    page.keyboard.press("Home")
    assert list(w()) == start
    assert page.problems == []


def test_names_for_screen_readers(open_page, served_site):
    page = open_page(ONE, served_site)
    for path, kind in [(ONE, "one-weight"), (TWO, "two-weights")]:
        page.goto(served_site + path, wait_until="networkidle")
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
def test_both_palettes_are_readable(palette, open_page, served_site):
    """Text 4.5:1 (the site's own check), every line and mark of the widgets 3:1, on the page."""
    page = open_page(color_scheme=palette)
    for path in (ONE, TWO):
        page.goto(served_site + path, wait_until="networkidle")
        root = page.locator(".explorer")
        root.locator("button").first.click()  # a pressed button too
        page.mouse.move(0, 0)
        assert content_problems(page, palette) == []
        drawn = root.evaluate(probe("explorer_graphics_contrast"))
        assert drawn, "the probe found nothing drawn"
        low = [f"{what} is {ratio:.2f}:1 on the page" for what, fg, bg in drawn if (ratio := contrast(fg, bg)) < 3]
        assert low == []
    assert page.problems == []


def test_reduced_motion_means_no_animation(open_page, served_site):
    for motion, animated in [("no-preference", True), ("reduce", False)]:
        page = open_page(ONE, served_site, reduced_motion=motion)
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


def test_instant_navigation_mounts_each_explorer_once_and_leaves_no_listener(open_page, served_site):
    page = open_page("", served_site)
    page.evaluate("window.__sameDocument = true")
    cdp = page.context.new_cdp_session(page)
    scripts = {}
    cdp.on("Debugger.scriptParsed", lambda e: scripts.__setitem__(e["scriptId"], e.get("url", "")))
    cdp.send("Debugger.enable")
    home = listeners(cdp, scripts)
    assert home["window"] and home["document"]  # Material's own: the listing works
    for path, kind in [(ONE, "one-weight"), (TWO, "two-weights"), (ONE, "one-weight")]:
        follow_link(page, served_site + path)
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
    follow_link(page, served_site)
    assert not ours(listeners(cdp, scripts))
    assert page.evaluate("window.__sameDocument === true"), "a page was reloaded, not navigated to instantly"
    assert page.problems == []


def test_phone_touch_drag_and_no_overflow(open_page, served_site):
    page = open_page(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2)
    for path in (ONE, TWO):
        page.goto(served_site + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        box = page.locator(".explorer svg").first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    root = page.locator('.explorer[data-kind="two-weights"]')
    render_all_math(page)  # or formulas rendered as the page scrolls move the point under the finger
    root.locator("svg").first.scroll_into_view_if_needed()
    cdp = page.context.new_cdp_session(page)
    hit = root.locator(".ex-hit").bounding_box()
    x, y = hit["x"] + hit["width"] / 2, hit["y"] + hit["height"] / 2
    target = screen_point(page, root, -0.5, 0.5)
    scrolled = page.evaluate("scrollY")

    def touch(kind, points):
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", [{"x": x, "y": y}])
    for i in range(1, 6):
        touch("touchMove", [{"x": x + (target[0] - x) * i / 5, "y": y + (target[1] - y) * i / 5}])
    touch("touchEnd", [])
    w1, w2 = float(root.get_attribute("data-w1")), float(root.get_attribute("data-w2"))
    assert abs(w1 + 0.5) <= 0.02 and abs(w2 - 0.5) <= 0.02, (w1, w2)
    assert page.evaluate("scrollY") == scrolled, "dragging the point scrolled the page"
    assert page.problems == []


def test_chinese_edition_shows_chinese(open_page, served_site):
    page = open_page()
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
        page.goto(served_site + path, wait_until="networkidle")
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


def test_without_javascript_the_figures_and_a_note_remain(open_page, served_site):
    page = open_page(ONE, served_site, java_script_enabled=False)
    assert page.locator('img[src*="descent_steps-light.svg"]').is_visible()
    assert "needs JavaScript" in page.locator(".explorer").text_content()


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
