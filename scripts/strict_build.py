"""One strict `mkdocs build`, its warnings repeated with the page and line they come from.

mkdocs names the page of a broken link but not the line: each such warning is
printed as `docs/page.md:LINE: ...`. Used by scripts/build.py (the site) and
scripts/offline.py (the offline copy).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from mkdocs.config import load_config

LINK_WARNING = re.compile(
    r"Doc file '(?P<page>[^']+)' contains (?:a|an absolute|an unrecognized relative) link '(?P<link>[^']+)'"
)


def locate(docs_dir: Path, line: str) -> str | None:
    """`docs/page.md:LINE: <warning>` for a link warning, if the link can be found."""
    m = LINK_WARNING.search(line)
    if m is None:
        return None
    page = docs_dir / m["page"]
    try:
        lines = page.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for number, text in enumerate(lines, 1):
        if f"({m['link']}" in text or f"]: {m['link']}" in text or f'"{m["link"]}"' in text:
            warning = line.split(" - ", 1)[-1].strip()
            return f"{page.as_posix()}:{number}: {warning}"
    return None


def mkdocs_build(config_file: Path, site_dir: Path, **env: str) -> bool:
    """One strict `mkdocs build`; its warnings printed with page and line. True if it passed."""
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(config_file),
            "--site-dir",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        check=False,
    )
    docs_dir = Path(os.path.relpath(load_config(str(config_file)).docs_dir))
    # Not --quiet: with it mkdocs stops counting warnings, and strict mode passes them.
    for line in proc.stderr.splitlines():
        if line.startswith("INFO") or not line.strip():
            continue
        print(locate(docs_dir, line) or line, file=sys.stderr)
    return proc.returncode == 0
