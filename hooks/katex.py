"""Serve KaTeX from the npm package, so math renders with no CDN.

`npm ci` puts the pinned `katex` package in node_modules/; this hook adds the
files the pages need to the build as `assets/katex/...`. Only the woff2 fonts
are copied: every browser that runs the site's JavaScript reads woff2. The
stylesheet is served with each @font-face rule naming its woff2 file only, so
that it names no file the site does not ship (LinkChecker, tests/test_links.py,
reads the CSS and follows every url() in it).

Only pages with math load KaTeX's stylesheet: on the others its <link> is
left out. No page has KaTeX's script as a tag: docs/javascripts/katex.js loads
it when a formula not rendered at build time (hooks/math_first_screen.py) nears
the screen, so a phone parses its 270 KB only if the reader gets that far. A
page reached by instant navigation gets the stylesheet from Material, which
syncs <head>.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook

DIST = Path("node_modules/katex/dist")
SCRIPT = "katex.min.js"
STYLESHEET = "katex.min.css"
FONT_FACE = re.compile(r"@font-face\s*{[^}]*}")
# The tags MkDocs writes for extra_css and extra_javascript, at any depth.
TAGS = re.compile(
    rf'<link rel="stylesheet" href="[^"]*assets/katex/{re.escape(STYLESHEET)}">\s*'
    rf'|<script src="[^"]*assets/katex/{re.escape(SCRIPT)}"></script>\s*'
)
MATH = 'class="arithmatex"'  # how arithmatex marks a formula in a page's HTML
# One font's sources as KaTeX lists them: its woff2 first, then the woff and
# ttf fallbacks, `src:url(fonts/X.woff2) format("woff2"),url(fonts/X.woff) ...`.
WOFF2_FIRST = re.compile(
    r'(?P<woff2>src:\s*url\([^)]+\.woff2\)\s*format\("woff2"\))(?:\s*,\s*url\([^)]+\)\s*format\("[^"]+"\))+'
)


def woff2_only(css: str) -> str:
    """KaTeX's stylesheet with every @font-face rule naming its woff2 file and nothing else.

    Raises ValueError, in one line, if a rule does not list its sources as KaTeX
    0.16-0.19 do: then the rewrite would leave fallbacks the site does not ship.
    """
    rules = FONT_FACE.findall(css)
    if not rules:
        raise ValueError("it has no @font-face rule")
    rewritten = [WOFF2_FIRST.sub(r"\g<woff2>", rule, count=1) for rule in rules]
    for rule, new in zip(rules, rewritten, strict=True):
        if new == rule or re.search(r"\.(woff|ttf)\)", new):
            raise ValueError(f"this @font-face rule does not list woff2 first, then woff and ttf: {rule[:120]}")
    parts = iter(rewritten)
    return FONT_FACE.sub(lambda _: next(parts), css)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    dist = project_root(config) / DIST
    if not (dist / SCRIPT).is_file():
        raise PluginError(f"{dist}/{SCRIPT} is missing: run `npm ci` (or `make setup`)")
    try:
        css = woff2_only((dist / STYLESHEET).read_text(encoding="utf-8"))
    except ValueError as exc:
        raise PluginError(f"{dist / STYLESHEET}: cannot serve its fonts as woff2 only: {exc}") from None
    files.append(File.generated(config, f"assets/katex/{STYLESHEET}", content=css))
    for path in [dist / SCRIPT, *sorted((dist / "fonts").glob("*.woff2"))]:
        uri = "assets/katex/" + path.relative_to(dist).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def configured_tags(config: MkDocsConfig) -> int:
    """How many of KaTeX's two files the configuration loads on every page."""
    scripts = [str(getattr(script, "path", script)) for script in config.extra_javascript]
    return sum(f"assets/katex/{name}" in files for name, files in ((STYLESHEET, config.extra_css), (SCRIPT, scripts)))


def without_katex(html: str, where: str, config: MkDocsConfig) -> str:
    """The page with KaTeX's tags taken out; a PluginError if they are not as MkDocs writes them."""
    html, found = TAGS.subn("", html)
    if found != (wanted := configured_tags(config)):
        raise PluginError(f"{where}: found {found} of KaTeX's {wanted} tags to leave out (hooks/katex.py TAGS)")
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if MATH in (page.content or ""):
        return output
    return without_katex(output, page.file.src_uri, config)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return without_katex(output, template_name, config) if template_name == "404.html" else output
