"""Math costs a page only what the reader sees of it (hooks/katex.py, docs/javascripts/katex.js).

Pages without math load no KaTeX, and no page has its script as a tag; on
pages with math, the first screen's formulas come rendered in the HTML and the
rest are rendered as the reader scrolls near them, so a phone's main thread is
not blocked rendering hundreds of formulas nobody has reached yet.
That every formula does render (when printed, and after instant navigation
from a page without KaTeX) is test_browser.py's to check.
"""

from pathlib import Path
from types import SimpleNamespace

import pytest
from katex import MATH, TAGS, without_katex
from math_first_screen import FIRST_SCREEN, columns, first_screen, render
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent

# (top in screens from the top of the page, rendered?) of every formula
FORMULAS = """() => [...document.querySelectorAll('.arithmatex')].map((el) =>
  [el.getBoundingClientRect().top / innerHeight, !!el.querySelector('.katex')])"""
SHOWN = "[...document.querySelectorAll('.arithmatex')].filter((el) => el.checkVisibility())"


def test_only_pages_with_math_load_katex(built_site):
    html = {page.relative_to(built_site).as_posix(): page.read_text() for page in sorted(built_site.rglob("*.html"))}
    loads = {name: len(TAGS.findall(text)) for name, text in html.items()}
    with_math = {name for name, text in html.items() if MATH in text}
    assert with_math and len(with_math) < len(loads), "the site should have pages with math and without"
    assert {name: n for name, n in loads.items() if n != (1 if name in with_math else 0)} == {}  # the stylesheet
    assert not [name for name, text in html.items() if "katex.min.js" in text], "katex.js loads the script itself"


def test_the_first_screens_formulas_are_rendered_at_build_time(built_site):
    rendered = {}
    for page in sorted(built_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if MATH in text:
            article = text[text.index("<article") :]
            done = article.count('data-katex="done"')
            assert done == article.count('<span class="katex">'), f"{page}: a formula rendered but not marked done"
            rendered[page.relative_to(built_site).as_posix()] = (done, article.count(MATH))
    assert rendered and all(done <= total for done, total in rendered.values()), rendered
    assert sum(done for done, _ in rendered.values()) > 50


def test_the_first_screen_is_counted_in_columns():
    assert columns("<p>a <em>b</em>\n  c&amp;</p>") == len("a b c&")
    assert columns("梯度 x") == 6  # a Chinese character is two columns wide, as on screen
    wide = "<p>" + "x" * (FIRST_SCREEN - 10) + '</p><span class="arithmatex">\\(a\\)</span>'
    assert [m["tex"] for m in first_screen(wide + wide)] == ["\\(a\\)"]


def test_tex_katex_cannot_parse_fails_in_one_line():
    config = SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml"))
    assert render([("w_1", False)], "glossary.md", config)[0].startswith('<span class="katex">')
    message = r"^glossary\.md: KaTeX cannot render '\\\\frac\{a': KaTeX parse error"
    with pytest.raises(PluginError, match=message) as raised:
        render([("w", False), ("\\frac{a", True)], "glossary.md", config)
    assert "\n" not in str(raised.value)


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
    # The first screens' formulas were rendered at build time: a phone loads KaTeX only once the reader scrolls.
    assert page.evaluate("typeof katex") == "undefined", "KaTeX's script was loaded before the reader scrolled"
    # The last formula shown, scrolled to; then one in a solution that is still folded, opened.
    page.evaluate(f"() => {{ {SHOWN}.pop().scrollIntoView(); }}")
    page.wait_for_function(f"() => {SHOWN}.pop().querySelector('.katex')")
    page.evaluate("document.querySelector('details:not([open]) .arithmatex').closest('details').id = 'folded'")
    folded = page.locator("details#folded")
    assert not folded.locator(".arithmatex .katex").count(), "a formula in a folded solution waits too"
    folded.locator("summary").click()
    folded.locator(".arithmatex .katex").first.wait_for()
    assert page.problems == []
