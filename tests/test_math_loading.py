"""Math costs a page only what the reader sees of it (hooks/katex.py, docs/javascripts/katex.js).

Pages without math load no KaTeX; on pages with math, what is on screen is
rendered at load and the rest as the reader scrolls near it, so a phone's main
thread is not blocked rendering hundreds of formulas nobody has reached yet.
That every formula does render (when printed, and after instant navigation
from a page without KaTeX) is test_browser.py's to check.
"""

import pytest
from katex import MATH, TAGS, without_katex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

# (top in screens from the top of the page, rendered?) of every formula
FORMULAS = """() => [...document.querySelectorAll('.arithmatex')].map((el) =>
  [el.getBoundingClientRect().top / innerHeight, !!el.querySelector('.katex')])"""
SHOWN = "[...document.querySelectorAll('.arithmatex')].filter((el) => el.checkVisibility())"


def test_only_pages_with_math_load_katex(built_site):
    html = {page.relative_to(built_site).as_posix(): page.read_text() for page in sorted(built_site.rglob("*.html"))}
    loads = {name: len(TAGS.findall(text)) for name, text in html.items()}
    with_math = {name for name, text in html.items() if MATH in text}
    assert with_math and len(with_math) < len(loads), "the site should have pages with math and without"
    assert {name: n for name, n in loads.items() if n != (2 if name in with_math else 0)} == {}


def test_unexpected_katex_tags_fail_in_one_line():
    config = MkDocsConfig()
    config.load_dict({"extra_css": ["assets/katex/katex.min.css"], "extra_javascript": ["assets/katex/katex.min.js"]})
    with pytest.raises(PluginError, match=r"^glossary\.md: found 0 of KaTeX's 2 tags") as raised:
        without_katex('<script defer src="assets/katex/katex.min.js"></script>', "glossary.md", config)
    assert "\n" not in str(raised.value)


def test_math_renders_as_the_reader_scrolls(site, open_page):
    url, _ = site
    page = open_page("gradient-descent/", url, viewport={"width": 390, "height": 844})
    page.wait_for_function("() => document.documentElement.dataset.mathPending !== undefined")
    formulas = page.evaluate(FORMULAS)
    on_screen = [rendered for top, rendered in formulas if top < 1]
    far_below = [rendered for top, rendered in formulas if top > 3]
    assert on_screen and all(on_screen), "the formulas on screen are rendered at load"
    assert far_below and not any(far_below), "formulas three screens down wait until the reader nears them"
    # The last formula shown, scrolled to; then one in a solution that is still folded, opened.
    page.evaluate(f"() => {{ {SHOWN}.pop().scrollIntoView(); }}")
    page.wait_for_function(f"() => {SHOWN}.pop().querySelector('.katex')")
    page.evaluate("document.querySelector('details:not([open]) .arithmatex').closest('details').id = 'folded'")
    folded = page.locator("details#folded")
    assert not folded.locator(".arithmatex .katex").count(), "a formula in a folded solution waits too"
    folded.locator("summary").click()
    folded.locator(".arithmatex .katex").first.wait_for()
    assert page.problems == []
