"""The layout probes of tests/test_layout.py catch each failure they look for.

Each case is a small page, written here, with one fault, shown at a phone's
width in Chromium: the probe must name the faulty element, and the same page
without the fault must pass.
"""

import pytest
from browser import probe

# Material's markup of a code block: the copy button in a <nav> placed in the
# corner of the <pre>, or (pre static) of the block, where the title is.
CODE_BLOCK = (
    '<div class="highlight" style="position: relative; width: 300px; font: 16px/1.4 monospace">{title}'
    '<pre id="c" style="position: {pre}; margin: 0"><nav style="position: absolute; top: 4px; right: 4px">'
    '<button data-md-type="copy" data-clipboard-target="#c &gt; code" style="width: 24px; height: 24px">c</button>'
    '</nav><code style="display: block; overflow-x: auto; padding: {padding}"><span>import torch</span>\n'
    "<span>x = 1</span></code></pre></div>"
)
TITLE = (
    '<span class="filename" style="display: block; padding: 9px {pad} 9px 0">'
    "snippets/<wbr>gradient_descent/{wbr}x.py</span>"
)
# case -> (probe, its argument, faulty page, the same page without the fault, part of the problem reported)
CASES = {
    "overflow": (
        "overflow",
        "pre > code",
        '<p id="wide" style="width: 600px">too wide</p>',
        '<p id="wide" style="max-width: 100%">fits</p>',
        'p#wide "too wide" overflows the 390 px viewport',
    ),
    "scrolls": (
        "overflow",
        "pre > code",
        '<div id="box" style="overflow-x: auto"><p style="width: 900px">wide</p></div>',
        '<pre><code style="display: block; overflow-x: auto"><span style="display: inline-block; width: 900px">'
        "code</span></code></pre>",
        'div#box "wide" scrolls sideways',
    ),
    "copy_covers_code": (
        "copy_button_cover",
        None,
        CODE_BLOCK.format(title="", pre="relative", padding="0 16px"),
        CODE_BLOCK.format(title="", pre="relative", padding="40px 16px 0"),
        'copy button of #c > code sits beside code line "import torch"',
    ),
    "copy_covers_title": (
        "copy_button_cover",
        None,
        CODE_BLOCK.format(title=TITLE.format(pad="0", wbr="<wbr>"), pre="static", padding="0 16px"),
        CODE_BLOCK.format(title=TITLE.format(pad="40px", wbr="<wbr>"), pre="static", padding="0 16px"),
        'covers its title "snippets/gradient_descent/x.py"',
    ),
    "title_breaks_in_a_name": (
        "title_breaks",
        None,
        '<div class="highlight" style="width: 120px; font: 16px monospace; overflow-wrap: anywhere">'
        + TITLE.format(pad="0", wbr="")
        + "</div>",
        '<div class="highlight" style="width: 200px; font: 16px monospace">'
        + TITLE.format(pad="0", wbr="<wbr>")
        + "</div>",
        "wraps after",
    ),
    "scroller_without_sign": (
        "scrolling_regions",
        ".md-typeset div.arithmatex",
        '<div class="md-typeset"><div class="arithmatex" style="overflow-x: auto">'
        '<p style="width: 900px">J</p></div></div>',
        '<div class="md-typeset"><div class="arithmatex" style="overflow-x: auto" tabindex="0" data-scroll="start">'
        '<p style="width: 900px">J</p></div></div>',
        'formula "J" scrolls sideways but cannot be reached by keyboard',
    ),
}


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def run(page, name, argument, body):
    page.set_content(f"<!doctype html><html><body style='margin: 0'>{body}</body></html>")
    return page.evaluate(probe(name), argument)


@pytest.mark.parametrize("case", CASES)
def test_each_layout_fault_is_named(case, phone):
    name, argument, faulty, fixed, problem = CASES[case]
    found = run(phone, name, argument, faulty)
    assert any(problem in line for line in found), found
    assert run(phone, name, argument, fixed) == []
