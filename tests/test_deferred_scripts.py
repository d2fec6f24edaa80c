"""No script holds back a page's first paint (hooks/deferred_scripts.py, mkdocs.yml's extra_javascript)."""

import re

import pytest
from deferred_scripts import deferred
from mkdocs.exceptions import PluginError

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")


def test_every_script_with_a_source_is_deferred(built_site):
    pages = sorted(built_site.rglob("*.html"))
    tags = {page: SCRIPT.findall(page.read_text(encoding="utf-8")) for page in pages}
    assert all(any("bundle." in tag for tag in found) for found in tags.values()), "every page loads Material's bundle"
    assert {page: tag for page, found in tags.items() for tag in found if " defer" not in tag} == {}


def test_materials_bundle_runs_first():
    html = '<script src="../assets/javascripts/bundle.0123abcd.min.js"></script><script src="x.js" defer></script>'
    assert deferred(html, "p.md").startswith('<script src="../assets/javascripts/bundle.0123abcd.min.js" defer>')


def test_a_missing_bundle_fails_in_one_line():
    with pytest.raises(PluginError, match=r"^glossary\.md: found 0 of Material's bundle <script> tags \(") as raised:
        deferred('<script src="bundle.js" async></script>', "glossary.md")
    assert "\n" not in str(raised.value)
