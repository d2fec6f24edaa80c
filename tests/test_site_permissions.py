"""The built site is readable by a web server running as any user.

scripts/build.py makes every folder 0755 and every file 0644 (tempfile and
mkdtemp would leave 0600 and 0700, which a server running as another user
cannot read); the offline zip's entries carry 0644 too, so they unpack
readable. Checked on the site as `make build` leaves it.
"""

import stat
import zipfile

from offline import ZIP_NAME


def mode(path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_every_folder_is_0755_and_every_file_0644(built_site):
    paths = [built_site, *sorted(built_site.rglob("*"))]
    assert any(p.name == ZIP_NAME for p in paths), f"{ZIP_NAME} is missing from the site"
    wrong = [
        f"{p.relative_to(built_site).as_posix() or '.'}: {mode(p):o}, not {want:o}"
        for p in paths
        if mode(p) != (want := 0o755 if p.is_dir() else 0o644)
    ]
    assert not any(p.is_symlink() for p in paths), "a symbolic link in the site: hosts may not follow it"
    assert not wrong, f"{len(wrong)} of {len(paths)} wrong:\n" + "\n".join(wrong[:20])


def test_the_offline_zip_unpacks_files_as_0644(built_site):
    with zipfile.ZipFile(built_site / ZIP_NAME) as archive:
        entries = archive.infolist()
    wrong = [f"{e.filename}: {e.external_attr >> 16:o}" for e in entries if (e.external_attr >> 16) & 0o7777 != 0o644]
    assert entries and not wrong, "\n".join(wrong[:20])
