"""Two editions from one source: English (mkdocs.yml) and Chinese (mkdocs.zh.yml, INHERITs it).

A page's Chinese edition is `docs/<page>.zh.md` beside `docs/<page>.md`; in the
Chinese build it is served at the English page's path, under `zh/`. This hook,
in each build:

- picks the build's pages: the English build drops every `*.zh.md`; the
  Chinese build reads each page from its `.zh.md` twin, and fails, naming the
  page, on one that has no twin unless `extra.i18n.fallback` in mkdocs.zh.yml
  declares it (it is then shown in English, with a notice, and its canonical
  link points at the English page);
- gives the Chinese build its own address (`site_url` + `zh/`) and points
  each page's edit link at the file it was built from;
- fills the header's language switch with links to the same page in the
  other edition (written here: MkDocs' `url` filter would mangle them);
- in the Chinese build, keeps inline math on one line with the punctuation
  after it, and shows the figures' Chinese variants
  (`figures/<name>-zh-light.svg`, drawn by scripts/figures.py) wherever a
  page shows `figures/<name>-light.svg`;
- in the English build, marks every run of Chinese text with `lang="zh"`,
  so that browsers and screen readers pick a Chinese font and voice.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

SUFFIX = ".{lang}.md"
HAN = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# A figure file in a src or srcset: figures/<name>[-narrow]-<scheme>.<ext> (names have no hyphen).
FIGURE_SRC = re.compile(
    r'(?P<before>(?:src|srcset)="[^"]*figures/)(?P<name>\w+)(?P<narrow>-narrow)?-(?P<scheme>light|dark)\.(?P<ext>svg|png)'
)
# Inline math and the Chinese punctuation right after it: kept on one line, or a
# line may start with the comma or full stop (the browser may break after math).
MATH_THEN_PUNCTUATION = re.compile(r'(<span class="arithmatex">(?:(?!</span>).)*</span>)([，。、；：？！）」』])', re.S)
NOTICE = {"zh": '!!! note "本页暂无中文版"\n\n    以下是英文原文。\n\n'}


class Alternates(list):
    """Truthy, so Material's header includes the language switch (overrides/partials/alternate.html),
    but empty when Material's base template iterates it for `<link rel="alternate">` tags: Material's
    script would fetch a sitemap.xml beside each, which an offline copy cannot."""

    def __bool__(self) -> bool:
        return True


def language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def settings(config: MkDocsConfig) -> dict:
    return config.extra["i18n"]


def default_language(config: MkDocsConfig) -> str:
    return settings(config)["languages"][0]["lang"]


def is_translation(src_uri: str, config: MkDocsConfig) -> bool:
    return any(src_uri.endswith(SUFFIX.format(lang=lang["lang"])) for lang in settings(config)["languages"])


@event_priority(90)  # before the other hooks read site_url
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = language(config)
    roots = {entry["lang"]: entry["root"] for entry in settings(config)["languages"]}
    if lang not in roots:
        raise PluginError(f"{config.config_file_path}: theme.language {lang!r} is not in extra.i18n.languages")
    if config.site_url and roots[lang] and not config.site_url.endswith(roots[lang]):
        config.site_url = config.site_url + roots[lang]
    config.extra["alternate"] = Alternates()
    return config


@event_priority(110)  # before the notebook and snippet hooks look at the pages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    lang = language(config)
    docs = Path(config.docs_dir)
    if lang == default_language(config):
        for file in [f for f in files if f.src_uri.endswith(".md") and is_translation(f.src_uri, config)]:
            files.remove(file)
        return files
    suffix = SUFFIX.format(lang=lang)
    fallback = set(settings(config).get("fallback", []))
    for file in [f for f in files if f.src_uri.endswith(suffix)]:
        files.remove(file)  # served at its English twin's path, below
    for file in files.documentation_pages():
        if not file.src_uri.endswith(".md") or file.abs_src_path is None or is_translation(file.src_uri, config):
            continue
        twin = docs / (file.src_uri[: -len(".md")] + suffix)
        if twin.is_file():
            file.abs_src_path = str(twin)
        elif file.src_uri not in fallback:
            raise PluginError(
                f"docs/{file.src_uri}: no {lang} edition docs/{twin.relative_to(docs).as_posix()}; "
                f"translate it, or declare it in extra.i18n.fallback of the {lang} configuration"
            )
    return files


def is_fallback(page: Page, config: MkDocsConfig) -> bool:
    return language(config) != default_language(config) and page.file.src_uri in settings(config).get("fallback", [])


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if is_fallback(page, config):
        return NOTICE[language(config)] + markdown
    return markdown


def alternates(page: Page, config: MkDocsConfig) -> list[dict]:
    """The language switch's entries: the same page in every edition, as links relative to this page."""
    here = next(e for e in settings(config)["languages"] if e["lang"] == language(config))
    entries = []
    for entry in settings(config)["languages"]:
        target = entry["root"] + page.url
        href = get_relative_url(target, here["root"] + page.url)
        if (not target or target.endswith("/")) and not href.endswith("/"):
            href += "/"  # a folder: '..' -> '../'
        entries.append(
            {"lang": entry["lang"], "name": entry["name"], "href": href, "current": entry["lang"] == here["lang"]}
        )
    return entries


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    context["i18n_alternates"] = alternates(page, config)
    lang = language(config)
    if lang == default_language(config):
        return context
    if is_fallback(page, config):
        root = next(e["root"] for e in settings(config)["languages"] if e["lang"] == lang)
        page.canonical_url = config.site_url.removesuffix(root) + page.url
    elif page.edit_url and page.file.src_uri.endswith(".md"):
        page.edit_url = page.edit_url.removesuffix(".md") + SUFFIX.format(lang=lang)
    return context


def translated_figures(html: str, docs: Path, lang: str) -> str:
    """`figures/<name>[-narrow]-light.svg` -> `figures/<name>-<lang>[-narrow]-light.svg` where it exists."""

    def replace(m: re.Match) -> str:
        variant = f"{m['name']}-{lang}{m['narrow'] or ''}-{m['scheme']}.{m['ext']}"
        return m["before"] + variant if (docs / "figures" / variant).is_file() else m[0]

    return FIGURE_SRC.sub(replace, html)


def mark_chinese(html: str) -> str:
    """Wrap each run of Chinese text outside code, math and marked elements in `<span lang="zh">`."""
    if not HAN.search(html):
        return html
    soup = BeautifulSoup(html, "html.parser")
    for text in list(soup.find_all(string=HAN)):
        if not isinstance(text, NavigableString) or text.find_parent(["code", "pre", "script", "style"]) is not None:
            continue
        if any(parent.get("lang") for parent in text.parents if parent.name) or text.find_parent(class_="katex"):
            continue
        pieces, last = [], 0
        for m in HAN.finditer(text):
            pieces.append(text[last : m.start()])
            span = soup.new_tag("span", attrs={"lang": "zh"})
            span.string = m.group()
            pieces.append(span)
            last = m.end()
        pieces.append(text[last:])
        text.replace_with(*[p for p in pieces if p != ""])
    return str(soup)


@event_priority(-100)  # after every other hook has written the page's HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = language(config)
    if lang == default_language(config):
        return mark_chinese(html)
    html = MATH_THEN_PUNCTUATION.sub(r'<span class="nowrap">\1\2</span>', html)
    return translated_figures(html, Path(config.docs_dir), lang)
