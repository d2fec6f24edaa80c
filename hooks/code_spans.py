"""Write highlighted code with as few <span>s as it takes to colour it as Material does.

Pygments wraps nearly every token in its own span: a name, a dot, a bracket,
a space. On the notebook page those spans are three quarters of the page's
5,000 elements, and a phone styles and lays out every one at load (Lighthouse's
Total Blocking Time). Most of them change nothing on screen under Material's
stylesheets: names and white space are drawn in the code's own colour, and
operators, punctuation and comments share one colour. So, in every <code>:

- a span whose class Material colours as plain code, or does not style at all,
  is replaced by its text;
- neighbouring spans that Material draws in the same colour, in the light and
  the dark palette alike, become one span (white space between them joins it).

Which classes those are is read from Material's own stylesheets at each build
(GROUPS), so an upgrade that recolours a token changes the output with it. A
class Material styles with anything but one colour (a diff's background, a
highlighted line) is left alone. The text of the code is not changed.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

PLAIN = "plain"
CODE = re.compile(r"(<code[^>]*>)(.*?)(</code>)", re.S)
# A Pygments token: a span with one short class and only text inside.
TOKEN = re.compile(r'<span class="(?P<cls>[a-z0-9]{1,3})">(?P<text>[^<]*)</span>|(?P<other><[^>]*>)|(?P<plain>[^<]+)')
RULE = re.compile(r"(?P<selectors>[^{}]+)\{(?P<body>[^{}]*)\}")
HIGHLIGHT_CLASS = re.compile(r"^(?:\.md-typeset\s+)?\.highlight\s+\.(?P<cls>[a-z0-9]{1,3})$")
COLOR = re.compile(r"^color:var\((?P<var>--md-code-hl-[a-z]+-color)\)$")
GROUPS: dict[str, str] = {}  # class -> colour key, PLAIN, or "keep" (styled otherwise)


def colour_groups(stylesheets: list[str]) -> dict[str, str]:
    """Each Pygments class Material's stylesheets style, mapped to what it is drawn with.

    A class coloured with one --md-code-hl-*-color maps to that variable's
    values in every palette (so two classes map alike when they look alike in
    both), or to PLAIN when the variable is the code's own colour; a class in
    any other rule maps to "keep".
    """
    css = "\n".join(stylesheets)
    values: dict[str, list[str]] = {}
    for var, value in re.findall(r"(--md-code-hl-[a-z]+-color):([^;}]+)", css):
        values.setdefault(var, []).append(value.strip())
    groups: dict[str, str] = {}
    for rule in RULE.finditer(css):
        classes = [m["cls"] for s in rule["selectors"].split(",") if (m := HIGHLIGHT_CLASS.match(s.strip()))]
        colour = COLOR.match(rule["body"].strip().rstrip(";"))
        for cls in classes:
            if colour is None or cls in groups:  # styled otherwise, or by two rules
                groups[cls] = "keep"
                continue
            defined = values.get(colour["var"])
            if not defined:
                raise PluginError(f"Material colours .highlight .{cls} with {colour['var']}, defined nowhere")
            key = "|".join(defined)
            groups[cls] = PLAIN if set(defined) == {"var(--md-code-fg-color)"} else key
    return groups


def fewer_spans(code: str, groups: dict[str, str]) -> str:
    """The inside of a <code>, with plain tokens unwrapped and same-coloured neighbours joined."""
    out: list[str] = []
    run_key, run_cls, run_text, gap = None, "", "", ""

    def close() -> None:
        nonlocal run_key, run_text, gap
        if run_key is not None:
            out.append(f'<span class="{run_cls}">{run_text}</span>')
        out.append(gap)
        run_key, run_text, gap = None, "", ""

    for token in TOKEN.finditer(code):
        cls, text = token["cls"], token["text"]
        key = groups.get(cls, PLAIN) if cls else None
        token_plain = text if key == PLAIN else token["plain"]
        if token_plain is not None:
            if run_key is not None and not token_plain.strip():
                gap += token_plain  # white space may join the run around it
                continue
            close()
            out.append(token_plain)
        elif token["other"] is not None or key == "keep":
            close()
            out.append(token.group(0))
        elif key == run_key:
            run_text += gap + text
            gap = ""
        else:
            close()
            run_key, run_cls, run_text = key, cls, text
    close()
    return "".join(out)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    sheets = [f for f in files if re.fullmatch(r"assets/stylesheets/(main|palette)\.[0-9a-f]+\.min\.css", f.src_uri)]
    if len(sheets) != 2:
        raise PluginError(f"expected Material's main and palette stylesheets, found {[f.src_uri for f in sheets]}")
    css = [f.content_string for f in sheets]
    GROUPS.clear()
    GROUPS.update(colour_groups(css))
    if GROUPS.get("n") != PLAIN or GROUPS.get("o") != GROUPS.get("p"):
        raise PluginError("Material's code colours are not as hooks/code_spans.py expects (names plain, o as p)")
    return files


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return CODE.sub(lambda m: m[1] + fewer_spans(m[2], GROUPS) + m[3], output)
