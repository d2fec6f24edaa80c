"""Build the site strictly, every edition and the offline zip, and swap it in only if all passed.

    python scripts/build.py [--config-file mkdocs.yml] [--site-dir site] [--no-offline]

Each language of `extra.i18n` in mkdocs.yml is an edition: the first is built
from mkdocs.yml into site/, each other one from mkdocs.<lang>.yml into
site/<root> (site/zh/), after it, since a build empties its own folder.

`mkdocs build --strict` writes pages as it goes and aborts at the end, so a
failed build into site/ would leave it half-written. This builds into a fresh
folder beside the target and renames it into place only on success. The site
is what is deployed: the pages, and beside them the offline copy's zip that
the home page links to (scripts/offline.py; `--no-offline` leaves it out, for
the test fixtures' sites). Folders are made 0755 and files 0644, so a web
server running as another user can read them. Warnings name the page and line
(scripts/strict_build.py).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.config import load_config
from offline import ZIP_NAME, build_offline, pack
from strict_build import mkdocs_build


def publishable(folder: Path) -> None:
    """Folders 0755 and files 0644: readable by a web server running as any user."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def editions(config_file: Path) -> list[tuple[Path, str]]:
    """(configuration file, folder under the site) of each edition, the default first.

    The site's own mkdocs.yml must have a mkdocs.<lang>.yml for each of its
    languages; another configuration (a test fixture's) builds the editions
    whose files exist beside it.
    """
    languages = load_config(str(config_file)).extra.get("i18n", {}).get("languages", [])
    found = [(config_file, "")]
    for entry in languages[1:]:
        other = config_file.with_name(f"{config_file.stem}.{entry['lang']}{config_file.suffix}")
        if other.is_file():
            found.append((other, entry["root"]))
        elif config_file.name == "mkdocs.yml":
            raise SystemExit(f"{config_file}: extra.i18n names {entry['lang']!r}, but {other} is missing")
    return found


def build_editions(config_file: Path, site_dir: Path, builder) -> bool:
    return all(builder(config, site_dir / root) for config, root in editions(config_file))


def build(config_file: Path, site_dir: Path, offline: bool = True) -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    try:
        ok = build_editions(config_file, staging, mkdocs_build)
        if ok and offline:
            with tempfile.TemporaryDirectory(prefix="offline-") as tmp:
                ok = build_editions(config_file, Path(tmp) / "site", build_offline)
                if ok:
                    pack(Path(tmp) / "site", staging / ZIP_NAME, Path(ZIP_NAME).stem)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if not ok:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed: {site_dir} left as it was", file=sys.stderr)
        return 1
    publishable(staging)
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
    parser.add_argument(
        "--no-offline",
        dest="offline",
        action="store_false",
        help="leave out the offline copy's zip (the test fixtures' sites)",
    )
    args = parser.parse_args(argv)
    return build(args.config_file, args.site_dir, args.offline)


if __name__ == "__main__":
    sys.exit(main())
