"""The Chinese figures: the same drawing, every text replaced by its translation.

A snippet folder with a `figures.zh.toml` gets a Chinese variant of each of its
figures (`figures/<name>-zh-light.svg`, ...). The file maps each English text
of the folder's figures to its Chinese; a key starting with `^` is a regular
expression, whose groups the translation uses as `\\1`, `\\2`. Math (`$...$`)
needs no translation. Drawn in WenQuanYi Micro Hei, from a pinned wheel whose
hash is checked here, so the glyphs are the same on every machine.

Imported by figures_render.py, which runs the drawing code; this module only
knows about text and fonts.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from importlib import resources
from pathlib import Path

LANGUAGES = ("zh",)  # besides English, the languages a folder may translate its figures into
TRANSLATIONS = "figures.{lang}.toml"
FONT_PACKAGE, FONT_FILE = "paperang_p2_fonts_cjk", "fonts/wqy-microhei.ttc"
FONT_SHA256 = "2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3"  # Debian's wqy-microhei.ttc
FONT_FAMILY = "WenQuanYi Micro Hei"
# The same file's second face, with Latin letters of one width: a text drawn with
# family="monospace" resolves to one font only (matplotlib falls back to no other
# for a generic family), so that font must have the Chinese glyphs too.
FONT_FAMILY_MONO = "WenQuanYi Micro Hei Mono"
MATH = re.compile(r"\$[^$]*\$")
LATIN = re.compile(r"[A-Za-z]")


class TranslationError(Exception):
    """A figure text without a translation, or a bad translations file; one line."""


def languages(folder: Path) -> list[str]:
    """The languages the folder's figures are translated into."""
    return [lang for lang in LANGUAGES if (folder / TRANSLATIONS.format(lang=lang)).is_file()]


def font_path() -> Path:
    """The CJK font file, after checking it is the pinned one."""
    try:
        path = Path(str(resources.files(FONT_PACKAGE) / FONT_FILE))
    except ModuleNotFoundError:
        raise TranslationError(
            f"the Chinese figures need the font package {FONT_PACKAGE}: run `make setup` (it is in requirements.txt)"
        ) from None
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != FONT_SHA256:
        raise TranslationError(f"{path}: sha256 {digest}, not the pinned {FONT_SHA256}")
    return path


def rc(lang: str) -> dict:
    """matplotlib settings for a language's figures: its font first, DejaVu Sans for the rest."""
    return {"font.family": [FONT_FAMILY, "DejaVu Sans"], "font.monospace": [FONT_FAMILY_MONO, "DejaVu Sans Mono"]}


def load(folder: Path, lang: str) -> list[tuple[re.Pattern, str]]:
    """The folder's translations as (pattern matching a whole text, replacement)."""
    path = folder / TRANSLATIONS.format(lang=lang)
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TranslationError(f"{path}: {exc}") from None
    rules = []
    for key, value in table.items():
        if not isinstance(value, str):
            raise TranslationError(f"{path}: the translation of {key!r} is not a string")
        try:
            pattern = re.compile(key if key.startswith("^") else re.escape(key))
        except re.error as exc:
            raise TranslationError(f"{path}: {key!r} is not a regular expression: {exc}") from None
        rules.append((pattern, value))
    return rules


def needs_translation(text: str) -> bool:
    return bool(LATIN.search(MATH.sub("", text)))


def translate(text: str, rules) -> str | None:
    """The translation of `text`, or None if no rule matches it."""
    for pattern, replacement in rules:
        m = pattern.fullmatch(text)
        if m:
            return m.expand(replacement)
    return None
