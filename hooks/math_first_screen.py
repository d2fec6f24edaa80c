"""Render the formulas of a page's first screen at build time.

docs/javascripts/katex.js renders formulas in the browser as the reader nears
them, which spares a phone rendering hundreds at load. The formulas a reader
sees first, though, would then be drawn twice: as TeX source at the first
paint, then as math once KaTeX has loaded, moving the text around them
(Lighthouse's Cumulative Layout Shift) and holding back the page's largest
paint. So the formulas in the first FIRST_SCREEN columns of an article's text
are rendered here, by the same KaTeX (hooks/katex_render.cjs, run by Node), and
marked data-katex="done", which katex.js skips. A column is a Latin letter's
width; a Chinese character takes two, as it does on screen.

A formula KaTeX cannot parse fails the build, in one line naming the page.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import unicodedata

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook

# About two screens of text on a 390 px phone and one and a half at 1280 px.
# katex.js renders the rest half a screen ahead of the reader, so on a phone
# it need not load KaTeX at all until the reader scrolls.
FIRST_SCREEN = 2500
RENDERER = "hooks/katex_render.cjs"
# How arithmatex (generic: true) writes a formula: its TeX, escaped, between
# \( \) inline or \[ \] on a line of its own.
FORMULA = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<tex>.*?)</(?P=tag)>', re.S)
TAG = re.compile(r"<[^>]*>")


def columns(markup: str) -> int:
    """How wide the text of an HTML fragment is, in columns (white space collapsed)."""
    text = " ".join(html.unescape(TAG.sub(" ", markup)).split())
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def first_screen(article: str) -> list[re.Match]:
    """The formulas that start within the first FIRST_SCREEN columns of an article."""
    found, width, last = [], 0, 0
    for match in FORMULA.finditer(article):
        width += columns(article[last : match.start()])
        if width >= FIRST_SCREEN:
            break
        found.append(match)
        width += columns(match["tex"])
        last = match.end()
    return found


def render(formulas: list[tuple[str, bool]], where: str, config: MkDocsConfig) -> list[str]:
    """KaTeX's HTML for each (tex, display) formula; a one-line PluginError if one does not parse."""
    try:
        done = subprocess.run(
            ["node", RENDERER],
            input=json.dumps(formulas),
            capture_output=True,
            text=True,
            cwd=project_root(config),
            check=False,
        )
    except FileNotFoundError:
        raise PluginError(f"{where}: rendering math needs Node (`node`), which `make setup` uses for npm") from None
    if done.returncode != 0:
        try:
            failed = json.loads(done.stdout)
        except json.JSONDecodeError:
            raise PluginError(f"{where}: {RENDERER} failed: {done.stderr.strip().splitlines()[-1:]}") from None
        tex = formulas[failed["index"]][0]
        raise PluginError(f"{where}: KaTeX cannot render {tex[:80]!r}: {failed['message']}")
    return json.loads(done.stdout)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    start = output.find("<article")
    end = output.find("</article>", start)
    if start < 0 or end < 0:
        return output
    article = output[start:end]
    found = first_screen(article)
    if not found:
        return output
    formulas = [(html.unescape(m["tex"]).strip()[2:-2], m["tex"].strip().startswith("\\[")) for m in found]
    rendered = iter(render(formulas, page.file.src_uri, config))
    parts, last = [], 0
    for match in found:
        tag = match["tag"]
        formula = f'<{tag} class="arithmatex" data-katex="done">{next(rendered)}</{tag}>'
        parts += [article[last : match.start()], formula]
        last = match.end()
    return output[:start] + "".join(parts) + article[last:] + output[end:]
