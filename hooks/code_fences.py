"""Fenced code blocks in a Markdown page, read one way by the hooks and the test harness."""

from __future__ import annotations

import re
from collections.abc import Iterator

# An opening or closing fence: indentation, three or more backticks or tildes, the info string.
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def language(info: str) -> str:
    """The language of a fence's info string: `python title="x"` -> `python`."""
    words = info.strip().split()
    return words[0].lstrip("{.").rstrip("}") if words else ""


def closes(opening: re.Match, line: str) -> bool:
    """Whether `line` closes the fence opened by `opening`: same character, at least as long, no info."""
    m = FENCE.match(line)
    return (
        m is not None
        and m["fence"][0] == opening["fence"][0]
        and len(m["fence"]) >= len(opening["fence"])
        and not m["info"].strip()
    )


def fences(lines: list[str]) -> Iterator[tuple[int, re.Match, list[str]]]:
    """(index of the opening line, its match, the body lines) for each outermost fence."""
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if m is None:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if closes(m, lines[j])), len(lines))
        yield i, m, lines[i + 1 : end]
        i = end + 1
