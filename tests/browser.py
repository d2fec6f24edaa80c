"""What a reader meets on a page, checked in Debian's Chromium (scripts/chromium.py).

    from browser import require_chromium, check_page, navigation_problems

`check_page(page, url)` opens one page and returns the problems a reader would
meet there, one line each: console errors, failed or third-party requests,
unrendered math, broken images, figures in the wrong palette or unreadable,
copy buttons that copy anything but code, and every serious or critical
axe-core violation (contrast included). The tests assert that list is empty
on every page. The JavaScript that runs in the page lives in tests/probes/.
"""

from __future__ import annotations

import contextlib
import io
import os
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pytest
from chromium import MISSING_CHROMIUM, chromium_present
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from site_server import LOCAL_HOST

ROOT = Path(__file__).resolve().parent.parent
PROBES = Path(__file__).with_name("probes")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")  # axe impacts that fail a page
PROMPT = ("$ ", ">>> ", "... ", "In [", "Out[")
# Math renders as it nears the screen (docs/javascripts/katex.js), all of it when
# the page is printed, and data-math-pending counts what is left; a page without
# that script (the fixture site's broken renderer) can only be waited for until
# every formula is rendered.
MATH_TIMEOUT_MS = 20_000


def render_all_math(page) -> None:
    """Have the page render every formula, as for printing, and wait (what is left is reported later)."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(probe("math_done"), timeout=MATH_TIMEOUT_MS)


def require_chromium() -> None:
    """Skip the calling test without Chromium, with the reason; on CI, fail instead."""
    if not chromium_present():
        if os.environ.get("CI"):
            pytest.fail(MISSING_CHROMIUM)
        pytest.skip(MISSING_CHROMIUM)


@cache
def probe(name: str) -> str:
    """The JavaScript of tests/probes/<name>.js, for page.evaluate."""
    return (PROBES / f"{name}.js").read_text(encoding="utf-8")


def is_local(url: str, host: str = LOCAL_HOST) -> bool:
    """Whether a request stays on this machine: data:, blob:, file: or the local server."""
    parts = urlsplit(url)
    return parts.scheme not in ("http", "https", "ws", "wss") or parts.hostname == host


class Recorder:
    """Collects what goes wrong on a page while it runs: console errors, uncaught
    exceptions, failed requests and requests to any host but the local one.

    Requests to other hosts are recorded and aborted, so a test never waits on
    the network (and this machine has none).
    """

    def __init__(self, page):
        self.problems: list[str] = []
        self.page = page
        page.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
        self._handlers = {
            "console": self._console,
            "pageerror": lambda error: self._add(f"uncaught exception: {error}"),
            "request": self._request,
            "requestfailed": self._failed,
            "response": self._response,
        }
        for event, handler in self._handlers.items():
            page.on(event, handler)

    def stop(self):
        """Record nothing more (third-party requests stay blocked)."""
        for event, handler in self._handlers.items():
            self.page.remove_listener(event, handler)

    def _add(self, problem: str):
        if problem not in self.problems:
            self.problems.append(problem)

    def _console(self, message):
        # "Failed to load resource" repeats a failed request, reported with its URL below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self._add(f"console error: {message.text}")

    def _request(self, request):
        if not is_local(request.url):
            self._add(f"request to a third-party host: {request.url}")

    def _failed(self, request):
        if is_local(request.url):
            self._add(f"failed request: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self._add(f"failed request: {response.url} (HTTP {response.status})")


def luminance(rgb) -> np.ndarray:
    """WCAG relative luminance of sRGB colours (0-255), the one copy of the formula."""
    c = np.asarray(rgb, dtype=float) / 255
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def contrast(a, b) -> np.ndarray:
    la, lb = luminance(a), luminance(b)
    return (np.maximum(la, lb) + 0.05) / (np.minimum(la, lb) + 0.05)


def figure_problems(png: bytes, page_background, palette: str, name: str) -> list[str]:
    """A shown figure must sit on the page's background and draw on it with readable ink.

    Its background is its most common colour; ink is every pixel clearly apart from
    it (contrast above 1.5); the strongest ink (99th percentile) needs 4.5:1, the
    contrast of body text. axe-core cannot see inside images: this is our own check.
    """
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    background = colours[counts.argmax()]
    problems = []
    against_page = float(contrast(background, page_background))
    if against_page > 1.5:
        problems.append(
            f"figure {name} has background rgb{tuple(int(v) for v in background)}, "
            f"not the {palette} page's rgb{tuple(page_background)} ({against_page:.1f}:1)"
        )
    ratio = contrast(pixels, background)
    ink = ratio[ratio > 1.5]
    strongest = float(np.percentile(ink, 99)) if ink.size else 1.0
    if strongest < 4.5:
        problems.append(
            f"figure {name} is hard to read in the {palette} palette: "
            f"its ink has a contrast of {strongest:.2f}:1 with its background (needs 4.5)"
        )
    return problems


def copy_problems(page) -> list[str]:
    """Every visible copy button must copy exactly its code, with no prompts and no output.

    The page's context needs the clipboard-read and clipboard-write permissions.
    """
    problems = []
    for i, copy in enumerate(page.evaluate(probe("copy_every_button")), 1):
        where = f"copy button {i} ({copy['target']})"
        copied, code = copy["copied"], copy["code"]
        if copy["output"]:
            problems.append(f"{where} copies an output block: output blocks (```text) need no copy button")
        elif copied != code:
            problems.append(f"{where} copied {copied[:60]!r}, not the code {code[:60]!r}")
        if any(line.startswith(PROMPT) for line in copied.splitlines()):
            problems.append(f"{where} copies prompts and output: {copied[:60]!r}")
    return problems


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now (every rule, every impact)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(probe("axe"))


def axe_problems(page, palette: str) -> list[str]:
    return [
        f"axe {v['impact']} {v['id']} in the {palette} palette ({v['count']}x): {v['help']}; " + " | ".join(v["nodes"])
        for v in axe_violations(page)
        if v["impact"] in SERIOUS
    ]


def check_page(page, url: str, palette: str = "light", screenshot: Path | None = None) -> list[str]:
    """Open `url` in `page` with the given palette and return every problem a reader would meet.

    `page` must be fresh (its events are recorded from now on) and belong to a
    context with clipboard permissions. With `screenshot`, a full-page PNG is
    written there.
    """
    recorder = Recorder(page)
    page.emulate_media(color_scheme=palette)
    page.goto(url, wait_until="networkidle")
    found = content_problems(page, palette) + axe_problems(page, palette) + copy_problems(page)
    recorder.stop()
    if screenshot is not None:
        # Last, and unrecorded: for a full-page screenshot playwright shrinks the page
        # to 1 x 1 px for a moment, which flips media queries (a <picture> then starts
        # to fetch a figure's narrow layout, and drops it): nothing a reader meets.
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True, animations="disabled")
    return recorder.problems + found


def content_problems(page, palette: str) -> list[str]:
    """Math, images and figures of what the page shows now (also after instant navigation)."""
    render_all_math(page)  # what is still unrendered then is reported below
    problems = page.evaluate(probe("content_checks"), palette)
    tofu = page.evaluate(probe("tofu"))
    if tofu["boxes"]:
        problems.append(
            f"{len(tofu['boxes'])} of {tofu['checked']} Chinese characters render as boxes "
            f"(no CJK font?): {''.join(tofu['boxes'][:20])}"
        )
    background = page.evaluate(probe("page_background"))
    figures = page.locator(f'img[src$="#only-{palette}"]')
    for i in range(figures.count()):
        figure = figures.nth(i)
        if figure.is_visible():
            png = figure.screenshot(animations="disabled")
            # The file shown (a <picture> may show the narrow layout), marked as the page marks it.
            shown, marked = (urlsplit(u) for u in figure.evaluate("img => [img.currentSrc || img.src, img.src]"))
            problems += figure_problems(png, background, palette, f"{shown.path}#{marked.fragment}")
    return problems


def navigation_problems(page, start: str, targets: list[str], palette: str = "light") -> list[str]:
    """Open `start`, then reach each of `targets` in turn by clicking a link to it.

    Material's instant navigation swaps the content in without reloading the
    page; every new content must pass the same math, image and figure checks,
    and the move must really be instant (a full reload would hide a script
    that renders only once).
    """
    recorder = Recorder(page)
    page.emulate_media(color_scheme=palette)
    page.goto(start, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    problems = []
    for target in targets:
        if not page.evaluate(probe("mark_link"), target):
            problems.append(f"{target}: no visible link to it on {page.url}")
            continue
        # Mark what is on screen now: the checks below must see the new content, and the
        # renderer's count from the old page must not pass for the new one.
        page.evaluate("""() => { document.querySelector('article').dataset.browserOld = '';
                                 document.documentElement.dataset.mathPending = 'stale'; }""")
        page.locator("[data-browser-next]").click()
        page.mouse.move(0, 0)  # a resting pointer: hover colours are not what a page shows
        page.wait_for_url(lambda url, target=target: url.split("#")[0] == target)
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => !document.querySelector('article[data-browser-old]')")
        if not page.evaluate("window.__sameDocument === true"):
            problems.append(f"{target}: the page was reloaded, not navigated to instantly")
        problems += [f"{target}: {problem}" for problem in content_problems(page, palette)]
    return recorder.problems + problems


def search(page, query: str, timeout_ms: int = 15_000) -> list[str]:
    """Type `query` into the page's search box, as a reader does; the result links' URLs ([] if none).

    Playwright types CJK text without key events: End is pressed after it, so
    that Material's keyup handler sees the query.
    """
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.keyboard.press("End")
    try:
        page.wait_for_selector(".md-search-result__item", timeout=timeout_ms)
    except PlaywrightTimeoutError:
        return []
    page.wait_for_timeout(500)  # results of the partly typed query are replaced by the final ones
    links = page.eval_on_selector_all(".md-search-result__item > a", "els => els.map((a) => a.href)")
    return list(dict.fromkeys(link.split("#")[0].split("?")[0] for link in links))  # pages, not highlights


def switch_language(page, lang: str) -> None:
    """Follow the header's language switch to the `lang` edition, as a reader does."""
    page.locator(".md-header .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{lang}"]').click()
    page.wait_for_function("(lang) => document.documentElement.lang === lang", arg=lang)
    page.wait_for_load_state("networkidle")  # late requests (the favicon), or the next goto aborts them


def toggle_palette(page) -> str:
    """Click the palette toggle in the header, as a reader does; returns the scheme shown now."""
    page.locator('form[data-md-component="palette"] label:visible').click()
    page.mouse.move(0, 0)
    # Colours fade to the new palette (CSS transitions): judge them once they have arrived.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")
