"""Load Material's bundle with `defer`, so no script holds back the first paint.

Material writes its bundle as a plain <script> at the end of <body>, and
mkdocs.yml loads the site's own scripts after it with `defer: true`. A plain
script there still blocks rendering: the browser does not paint the page
until it has fetched and run it (on a phone on a slow network, Lighthouse
counted 0.5-0.9 s of First Contentful Paint for the bundle and the scripts
after it). Deferred scripts run once the page is parsed, in the order they
are written, so the bundle still runs before the site's scripts that use its
`document$`.

The tag is matched as Material 9.x writes it; if an upgrade writes it
differently, the build fails saying so, in one line naming the page.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

BUNDLE = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def deferred(html: str, where: str) -> str:
    """The page with Material's bundle deferred; a PluginError if the tag is not there once."""
    html, found = BUNDLE.subn(r'<script src="\g<src>" defer></script>', html)
    if found != 1:
        raise PluginError(f"{where}: found {found} of Material's bundle <script> tags (hooks/deferred_scripts.py)")
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return deferred(output, page.file.src_uri)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return deferred(output, template_name) if template_name == "404.html" else output
