"""Start the page's scripts once the parsed page has been painted.

Material writes its bundle as a plain <script> at the end of <body>, and
mkdocs.yml's extra_javascript follows it. A plain script there blocks the
first paint until it is fetched and run (Lighthouse counted 0.5-0.9 s of a
phone's First Contentful Paint for them). Deferred, they no longer block the
first paint, but they run as soon as parsing ends, before the browser paints
the article: on a phone the first frame shows only the header, and the first
paragraph, the Largest Contentful Paint, waits for the bundle's start-up
(a 200 ms task at 4x CPU slowdown). Lighthouse then counted 1.6-2.8 s of LCP
on pages whose first paint came at 1.1-1.5 s.

So the tags are replaced by one inline script that, after DOMContentLoaded,
waits for the next frame to be painted (requestAnimationFrame, then a task)
and then adds the same scripts, in the same order, as ordered scripts
(async = false): the bundle still runs before the site's scripts that use
its `document$`. The bundle starts on DOMContentLoaded, so the loader sends
that event again once the bundle has run (nothing else here listens for it).
A preload link for each script, where the tags were, has it fetched while
the page is parsed, as before, so no script waits for the network once the
page is painted. Instant navigation keeps them: they lie outside the
container that Material swaps.

The bundle's tag is matched as Material 9.x writes it; if an upgrade writes
it differently, the build fails saying so, in one line naming the page.
"""

from __future__ import annotations

import json
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

SCRIPT = re.compile(r'<script src="(?P<src>[^"]+)"(?: defer)?></script>\s*')
BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# Fetched while the page is parsed, at the low priority of a deferred script, as before.
PRELOAD = '<link rel="preload" as="script" href="{src}" fetchpriority="low">'
# Material's bundle starts its components on DOMContentLoaded, which has fired
# by the time it runs here: once it has run, the event is sent again for it.
LOADER = """<script>
addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => setTimeout(() => {{
  for (const [i, src] of {sources}.entries()) {{
    const script = Object.assign(document.createElement("script"), {{ src, async: false }});
    if (i === 0) script.onload = () => document.dispatchEvent(new Event("DOMContentLoaded"));
    document.body.append(script);
  }}
}})), {{ once: true }});
</script>"""


def after_paint(html: str, where: str) -> str:
    """The page with the bundle and the scripts after it started after the first paint; a PluginError if no bundle."""
    found = list(SCRIPT.finditer(html))
    bundles = [m for m in found if BUNDLE.search(m["src"])]
    if len(bundles) != 1:
        raise PluginError(
            f"{where}: found {len(bundles)} of Material's bundle <script> tags (hooks/scripts_after_paint.py)"
        )
    start = bundles[0].start()
    sources = [m["src"] for m in found if m.start() >= start]
    preloads = "".join(PRELOAD.format(src=src) for src in sources)
    return html[:start] + preloads + LOADER.format(sources=json.dumps(sources)) + SCRIPT.sub("", html[start:])


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return after_paint(output, page.file.src_uri)


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    return after_paint(output, template_name) if template_name == "404.html" else output
