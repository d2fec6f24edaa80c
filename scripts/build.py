"""Build the site strictly, and swap it in only if the build passes.

    python scripts/build.py [--config-file mkdocs.yml] [--site-dir site]

`mkdocs build --strict` writes pages as it goes and aborts at the end, so a
failed build into site/ would leave it half-written. This builds into a fresh
folder beside the target and renames it into place only on success. mkdocs
names the page of a broken link but not the line: each such warning is
repeated here as `docs/page.md:LINE: ...`.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config

LINK_WARNING = re.compile(r"Doc file '(?P<page>[^']+)' contains (?:a|an absolute|an unrecognized relative) link '(?P<link>[^']+)'")


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


def build(config_file: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file),
         "--site-dir", str(staging)],
        capture_output=True, text=True, env=env, check=False,
    )
    docs_dir = Path(load_config(str(config_file)).docs_dir)
    # Not --quiet: with it mkdocs stops counting warnings, and strict mode passes them.
    for line in proc.stderr.splitlines():
        if line.startswith("INFO") or not line.strip():
            continue
        print(locate(Path(os.path.relpath(docs_dir)), line) or line, file=sys.stderr)
    if proc.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site_dir} left as it was", file=sys.stderr)
        return 1
    previous = site_dir.with_name(f".{site_dir.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    args = parser.parse_args(argv)
    return build(args.config_file, args.site_dir)


if __name__ == "__main__":
    sys.exit(main())
