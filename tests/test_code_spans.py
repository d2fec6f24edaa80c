"""Highlighted code is written with fewer spans and coloured as before (hooks/code_spans.py)."""

import re
from pathlib import Path

import material
import pytest
from code_spans import PLAIN, TOKEN, colour_groups, fewer_spans
from mkdocs.exceptions import PluginError

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
LINE = (
    '<span class="n">x_train</span> <span class="o">=</span> <span class="n">np</span><span class="o">.</span>'
    '<span class="n">array</span><span class="p">([[</span><span class="mf">4.7</span><span class="p">],</span>'
    '<span class="w"> </span><span class="p">[</span><span class="mf">2.4</span><span class="p">]])</span>'
)


@pytest.fixture(scope="module")
def groups():
    sheets = [next(MATERIAL_CSS.glob(f"{name}.*.min.css")).read_text(encoding="utf-8") for name in ("main", "palette")]
    return colour_groups(sheets)


def test_groups_follow_materials_colours(groups):
    assert groups["n"] == PLAIN  # names are drawn in the code's own colour
    assert groups["o"] == groups["p"] == groups["c1"] != PLAIN  # one colour, in both palettes
    assert groups["s2"] == groups["si"] != groups["mf"]  # strings and numbers differ
    assert groups["hll"] == "keep" and "w" not in groups  # a highlighted line is not a colour; space is unstyled


def test_plain_tokens_are_unwrapped_and_neighbours_joined(groups):
    assert fewer_spans(LINE, groups) == (
        'x_train <span class="o">=</span> np<span class="o">.</span>array<span class="p">([[</span>'
        '<span class="mf">4.7</span><span class="p">], [</span><span class="mf">2.4</span><span class="p">]])</span>'
    )


def test_other_markup_ends_a_run(groups):
    code = '<span id="__span-0-1"><span class="p">(</span>\n</span><span id="__span-0-2"><span class="p">)</span>'
    assert fewer_spans(code, groups) == code
    keep = '<span class="hll"><span class="p">(</span></span>'
    assert fewer_spans(keep, groups) == keep


def test_an_undefined_colour_fails_in_one_line():
    with pytest.raises(PluginError, match=r"^Material colours \.highlight \.p with --md-code-hl-punctuation") as raised:
        colour_groups([".highlight .p{color:var(--md-code-hl-punctuation-color)}"])
    assert "\n" not in str(raised.value)


def test_built_code_keeps_its_text_and_loses_plain_spans(built_site, groups):
    plain = {cls for cls, key in groups.items() if key == PLAIN} | {"w"}
    spans = 0
    for page in sorted(built_site.rglob("*.html")):
        for code in re.findall(r"<code[^>]*>(.*?)</code>", page.read_text(encoding="utf-8"), re.S):
            tokens = [m["cls"] for m in TOKEN.finditer(code) if m["cls"]]
            assert not plain & set(tokens), f"{page}: a plain token is still wrapped"
            assert fewer_spans(code, groups) == code, f"{page}: code written with spans that could be joined"
            spans += len(tokens)
    assert spans > 1000, "the site's code should still be highlighted"
