"""Phones get a figure's narrow layout, where it has one.

A figure module whose drawing function takes `narrow` (scripts/figures_render.py)
is drawn a second time for small screens, into `figures/<name>-narrow-light.svg`
and `-narrow-dark.svg`. Pages name only the usual files,
`![alt](figures/<name>-light.svg#only-light)`; in the built HTML of every page,
Markdown and notebook pages alike, this hook wraps each such image that has a
narrow file in a `<picture>` whose `<source>` picks the narrow file on screens
up to NARROW_MAX wide:

    <picture><source media="(max-width: 600px)" srcset="../figures/x-narrow-light.svg">
    <img alt="..." src="../figures/x-light.svg#only-light"></picture>

The `<img>` is left as it was, its src still ending in `#only-light` or
`#only-dark`, which is what Material's palette switch hides and shows; the
browser shows the file the `<source>` picks (`img.currentSrc`), and the
browser tests judge that one (tests/probes/content_checks.js, figures_shown.js).
"""

from __future__ import annotations

import html
import posixpath
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# Up to this viewport width a phone or a small tablet in portrait: the wide
# figures (6.4 to 9.6 inches) would show their 10 pt text below 11 CSS px.
NARROW_MAX = "600px"
FIGURE = re.compile(
    r'<img\b[^>]*?\bsrc="(?P<dir>[^"]*?)(?P<name>[\w.-]+?)-(?P<scheme>light|dark)\.svg#only-(?P=scheme)"[^>]*>'
)


def narrow_file(name: str, scheme: str) -> str:
    return f"figures/{name}-narrow-{scheme}.svg"


def with_narrow_variants(content: str, page_uri: str, exists) -> str:
    """`content` with each figure image that has a narrow file wrapped in a <picture>.

    `page_uri` is the page's URL relative to the site (`autograd/`), `exists`
    tells whether a file of the site (`figures/x-narrow-light.svg`) exists.
    Images already in a <picture> are left alone, so the hook may run twice.
    """

    def wrap(m: re.Match) -> str:
        before = content[: m.start()]
        if before.rfind("<picture") > before.rfind("</picture>"):
            return m[0]
        # The image's own folder, resolved against the page: is that the site's figures/?
        folder = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri + "x"), html.unescape(m["dir"])))
        if folder != "figures" or not exists(narrow_file(m["name"], m["scheme"])):
            return m[0]
        srcset = f"{m['dir']}{m['name']}-narrow-{m['scheme']}.svg"
        return f'<picture><source media="(max-width: {NARROW_MAX})" srcset="{srcset}">{m[0]}</picture>'

    return FIGURE.sub(wrap, content)


@event_priority(-100)  # after the notebook hook has made the notebook's HTML the page's
def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return with_narrow_variants(content, page.url, lambda uri: files.get_file_from_path(uri) is not None)
