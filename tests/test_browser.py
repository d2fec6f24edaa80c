"""What readers get, in a real browser: every page of the built site, in both palettes.

The built site is served on 127.0.0.1 with gzip (scripts/site_server.py) and
opened in Debian's headless Chromium (scripts/chromium.py). Every page must
show no console error, uncaught exception, failed or third-party request, raw
or unrendered math, broken image or image without alt text, unreadable figure,
wrong figure variant, serious or critical axe-core violation (text contrast
included), or copy button that copies anything but its code; instant
navigation must re-render math and figures; the palette toggle must swap the
figures. Full-page screenshots of every page in both palettes go to
screenshots/ (ignored by git), for review.

The fixture site in tests/fixtures/browser/ breaks each of these on purpose,
and the tests below prove `check_page` reports each one.
"""

from pathlib import Path

import pytest
from browser import check_page, content_problems, navigation_problems, toggle_palette
from site_server import serve_site
from sites import build, fixture_config

ROOT = Path(__file__).resolve().parent.parent

PALETTES = ["light", "dark"]
SCHEMES = {"default": "light", "slate": "dark"}
SCREENSHOTS = ROOT / "screenshots"
FIXTURES = "tests/fixtures/browser/docs"


@pytest.fixture
def new_page(browser):
    """A fresh page in a fresh context that may read the clipboard (for the copy buttons)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page
    context.close()


def page_name(path: str) -> str:
    """A file-name-safe name for a page path: "" -> "index", "a/b/" -> "a-b", "404.html" -> "404"."""
    name = path.strip("/").removesuffix(".html").replace("/", "-")
    return name or "index"


def report(problems: dict) -> str:
    return "\n".join(f"{page or 'index'}: {problem}" for page, found in problems.items() for problem in found)


# --- the built site -------------------------------------------------------------


def test_site_pages_are_found(built_site, site):
    _, pages = site
    assert "" in pages and "404.html" in pages, pages
    # every page the sitemap lists is built
    for path in pages:
        assert (built_site / path / "index.html").is_file() or (built_site / path).is_file(), path


@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_has_no_problems(palette, site, new_page):
    url, pages = site
    problems = {}
    for path in pages:
        screenshot = SCREENSHOTS / f"{page_name(path)}-{palette}.png"
        problems[path] = check_page(new_page(), url + path, palette, screenshot)
    assert not report(problems), "\n" + report(problems)


def test_instant_navigation_rerenders_every_page(site, new_page):
    url, pages = site
    targets = [url + path for path in pages if path not in ("", "404.html")]
    assert targets, "the site has no page besides the home page"
    problems = navigation_problems(new_page(), url, targets)
    assert problems == []


def test_palette_toggle_swaps_figures(built_site, site, new_page):
    url, pages = site
    html = {path: built_site / path / "index.html" for path in pages}
    with_figures = [path for path, file in html.items() if file.is_file() and "#only-dark" in file.read_text()]
    assert with_figures, "no page shows a figure"
    page = new_page()
    page.emulate_media(color_scheme="dark")  # the system is dark; the reader picks light, then dark
    page.goto(url + with_figures[0], wait_until="networkidle")
    seen = []
    for _ in range(2):
        palette = SCHEMES[toggle_palette(page)]
        seen.append(palette)
        assert content_problems(page, palette) == []
    assert seen == ["light", "dark"]


# --- the fixture site: each failure is caught ---------------------------------------


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory):
    """The broken pages of tests/fixtures/browser/, built with the site's configuration and served."""
    pages = sorted(p.name for p in (ROOT / FIXTURES).glob("*.md"))
    extra = (
        "hooks: [hooks/katex.py]  # KaTeX only: the other hooks serve the real pages\n"
        "extra_javascript: [assets/katex/katex.min.js, render_math_on_load.js]\n"
    )
    site = tmp_path_factory.mktemp("browser-fixtures") / "site"
    with fixture_config("browser", FIXTURES, pages, extra) as config:
        proc = build(site, config, offline=False)
    assert proc.returncode == 0, proc.stderr
    with serve_site(site) as url:
        yield url


# page -> (palette, part of the problem check_page must report)
CAUGHT = {
    "console_error": ("light", "console error: fixture: something went wrong"),
    "uncaught_exception": ("light", "uncaught exception: Cannot read properties of null (reading 'render')"),
    "failed_request": ("light", "failed_request/no-such-data.json (HTTP 404)"),
    "third_party": ("light", "request to a third-party host: https://cdn.example.com/figure.png"),
    "broken_image": ("light", "image did not load: /gradient-descent-autograd/broken_image/no-such-figure.svg"),
    "image_without_alt": ("light", "image without alt text: /gradient-descent-autograd/figures/curve-light.svg"),
    "raw_math": ("light", 'raw math visible: "ML is not read by arithmatex: $$J(w) = (w - 3)^2$$"'),
    "bad_tex": ("light", "1 of 1 math elements not rendered"),
    "figure_wrong_variant": (
        "light",
        "figures/curve-dark.svg#only-light is marked #only-light but is not the -light.svg",
    ),
    "figure_no_dark_variant": ("dark", "figures/curve-light.svg#only-light has no #only-dark variant"),
    "figure_unreadable": ("dark", "figures/unreadable-dark.svg#only-dark is hard to read in the dark palette"),
    "low_contrast": ("light", "axe serious color-contrast in the light palette"),
    "copy_prompt": ("light", "copy button 1 (#__code_0 > code) copies prompts and output"),
    "copy_output": ("light", "copy button 1 (#__code_0 > code) copies an output block"),
    "copy_other_text": ("light", "copy button 1 (#__code_0 > code) copied 'pip install something-else'"),
}


@pytest.mark.parametrize("palette", PALETTES)
def test_clean_fixture_page_has_no_problems(palette, fixture_site, new_page):
    assert check_page(new_page(), fixture_site, palette) == []


@pytest.mark.parametrize(("case", "expected"), CAUGHT.items(), ids=CAUGHT.keys())
def test_each_failure_is_caught(case, expected, fixture_site, new_page):
    palette, problem = expected
    problems = check_page(new_page(), f"{fixture_site}{case}/", palette)
    assert any(problem in found for found in problems), problems


def test_math_not_rerendered_after_instant_navigation_is_caught(fixture_site, new_page):
    problems = navigation_problems(new_page(), fixture_site, [f"{fixture_site}math/"])
    assert problems and problems[0].startswith(f"{fixture_site}math/: 2 of 2 math elements not rendered"), problems
