"""Material's palette stylesheet is served without its restyle-everything rule (hooks/palette_switch.py)."""

import pytest
from mkdocs.exceptions import PluginError
from palette_switch import RULE, without_switching_rule


def test_served_palette_stylesheets_lack_the_rule(built_site):
    sheets = sorted(built_site.rglob("assets/stylesheets/palette.*.min.css"))
    assert len(sheets) == 2, sheets  # one per edition
    for sheet in sheets:
        css = sheet.read_text(encoding="utf-8")
        assert "[data-md-color-scheme=slate]" in css and "data-md-color-switching" not in css, sheet


def test_a_changed_rule_fails_in_one_line():
    assert without_switching_rule(f"a{{color:red}}{RULE}b{{color:blue}}", "p.css") == "a{color:red}b{color:blue}"
    with pytest.raises(PluginError, match=r"^palette\.x\.min\.css: Material's palette-switching rule") as raised:
        without_switching_rule(RULE.replace("0s", "0ms"), "palette.x.min.css")
    assert "\n" not in str(raised.value)
