"""The offline copy of the site: built with Material's `offline` plugin, packed as a zip.

scripts/build.py makes it beside every site it builds (`make build`), every
edition in one zip (the Chinese one in its zh/ folder). The site is built a second time with the
`offline` plugin enabled (`OFFLINE=true`, see mkdocs.yml and
hooks/offline_copy.py), strictly. The zip holds one folder; a reader unpacks
it and opens its index.html from the file system. The zip is deterministic:
sorted entries, fixed timestamps and modes, so the same built files always
give the same bytes. It is written beside its target and renamed into place,
so a failed run leaves no half zip (hooks/project_files.py).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from strict_build import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from offline_copy import ZIP_NAME  # noqa: E402,F401 - one name, shared with the home page's link; re-exported
from project_files import write_atomic  # noqa: E402 - likewise, after hooks/ is on the path

# What only a web host uses: a 404 page with absolute links, and the sitemap.
HOST_ONLY = {"404.html", "sitemap.xml", "sitemap.xml.gz"}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def pack(folder: Path, output: Path, top: str) -> int:
    """Zip every file under `folder` as `top/<path>`, deterministically; return the entry count.

    The zip is made in memory and written with write_atomic: all of it or nothing.
    """
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    paths = [folder / name for name in names if Path(name).name not in HOST_ONLY]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # unix, so that the mode below is read
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    write_atomic(output, buffer.getvalue())
    return len(paths)


def build_offline(config_file: Path, site_dir: Path) -> bool:
    """The site built with the offline plugin on, strictly; its messages pass through."""
    return mkdocs_build(config_file, site_dir, OFFLINE="true")
