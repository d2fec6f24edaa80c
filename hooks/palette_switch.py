"""Serve Material's palette stylesheet without its transition-stopping rule.

Material sets `data-md-color-switching` on <body> while it applies a palette,
and its palette stylesheet then stops every transition on the page:
`[data-md-color-switching] *, ... {transition-duration: 0s !important}`. The
palette is applied on every page load, not only when the reader toggles it, so
the attribute is set and removed on each load, and because that rule matches
every element, each change restyles the whole page: about 110 ms of a phone's
main thread each time on the longest pages (Lighthouse's Total Blocking Time,
measured with 4x CPU slowdown). Without the rule, toggling the palette lets
the few colour transitions (links, buttons, 0.125-0.25 s) play instead of
snapping, and loading a page restyles nothing twice.

The rule is matched as Material 9.x writes it; if an upgrade changes it, the
build fails saying so, rather than serving the rule again unnoticed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

RULE = (
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}"
)


def without_switching_rule(css: str, name: str) -> str:
    """The stylesheet without RULE; a PluginError, in one line, if it is not there exactly once."""
    if css.count(RULE) != 1:
        raise PluginError(f"{name}: Material's palette-switching rule is not there as hooks/palette_switch.py expects")
    return css.replace(RULE, "")


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    sheets = [f for f in files if f.src_uri.startswith("assets/stylesheets/palette.") and f.src_uri.endswith(".css")]
    if len(sheets) != 1:
        raise PluginError(f"expected one Material palette stylesheet, found {[f.src_uri for f in sheets]}")
    [sheet] = sheets
    css = without_switching_rule(sheet.content_string, sheet.src_uri)
    files.remove(sheet)
    files.append(File.generated(config, sheet.src_uri, content=css))
    return files
