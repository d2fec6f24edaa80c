"""No script holds back the first paint of a page's article (hooks/scripts_after_paint.py)."""

import json
import re

import pytest
from mkdocs.exceptions import PluginError
from scripts_after_paint import after_paint

SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[^>]*>")
LOADED = re.compile(r"for \(const \[i, src\] of (\[[^\]]*\])\.entries\(\)\)")
PRELOADED = re.compile(r'<link rel="preload" as="script" href="([^"]+)" fetchpriority="low">')


def test_every_page_starts_the_bundle_then_extra_javascript_after_painting(built_site, site_config):
    extra = [str(script.path) for script in site_config["extra_javascript"]]
    problems = {}
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        loaded = [json.loads(found) for found in LOADED.findall(html)]
        if SCRIPT.findall(html) or len(loaded) != 1:
            problems[page] = (SCRIPT.findall(html), loaded)
            continue
        if PRELOADED.findall(html) != loaded[0]:
            problems[page] = ("preloaded", PRELOADED.findall(html), "loaded", loaded[0])
            continue
        names = [src.rsplit("/", 1)[-1] for src in loaded[0]]
        if not re.fullmatch(r"bundle\.[0-9a-f]+\.min\.js", names[0]) or names[1:] != [
            p.rsplit("/", 1)[-1] for p in extra
        ]:
            problems[page] = names
    assert problems == {}


def test_the_bundle_and_what_follows_it_are_loaded_in_order():
    html = (
        '<script src="head.js"></script><p>x</p>'
        '<script src="../assets/javascripts/bundle.0123abcd.min.js"></script>\n'
        '<script src="../x.js" defer></script><script src="../y.js" defer></script></body>'
    )
    out = after_paint(html, "p.md")
    sources = ["../assets/javascripts/bundle.0123abcd.min.js", "../x.js", "../y.js"]
    assert out.startswith('<script src="head.js"></script><p>x</p><link rel="preload"')
    assert '<script>\naddEventListener("DOMContentLoaded"' in out
    assert PRELOADED.findall(out) == sources and LOADED.findall(out) == [json.dumps(sources)]
    assert out.endswith("</script></body>") and out.count("<script src=") == 1


def test_a_missing_bundle_fails_in_one_line():
    with pytest.raises(PluginError, match=r"^glossary\.md: found 0 of Material's bundle <script> tags \(") as raised:
        after_paint('<script src="bundle.js" async></script>', "glossary.md")
    assert "\n" not in str(raised.value)
