"""Git dates from a shallow clone: each page's "last updated" date, as CI and Read the Docs check out.

A CI runner or Read the Docs clones one commit deep, and a maintainer may build
with a page not yet committed. The build must stay strict and warning-free, and
each page must show its own commit's date.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git(*args, cwd, date="2024-02-03T04:05:06+00:00"):
    env = dict(
        os.environ,
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_shallow_clone_with_an_uncommitted_page_builds_strictly(tmp_path):
    """As a CI runner or Read the Docs checks the site out: one commit deep, and a new page not in git."""
    source, clone = tmp_path / "source", tmp_path / "clone"
    uncommitted = "docs/contributing.md"
    for name in git("ls-files", "-co", "--exclude-standard", cwd=ROOT).splitlines():
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    git("init", "-q", "-b", "main", cwd=source)
    git("add", "-A", cwd=source)
    git("rm", "-q", "--cached", uncommitted, cwd=source)
    git("commit", "-q", "-m", "first", cwd=source, date="2024-01-02T03:04:05+00:00")
    with (source / "docs/index.md").open("a") as f:
        f.write("\n")
    git("commit", "-q", "-am", "second", cwd=source)
    git("clone", "-q", "--depth", "1", source.as_uri(), str(clone), cwd=tmp_path)
    assert git("rev-parse", "--is-shallow-repository", cwd=clone).strip() == "true"
    shutil.copy2(source / uncommitted, clone / uncommitted)
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / ".cache").is_dir():  # executed notebooks, so the clone need not run them again
        shutil.copytree(ROOT / ".cache", clone / ".cache", symlinks=True)
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITLAB_CI", "READTHEDOCS")}
    proc = subprocess.run(
        [sys.executable, "scripts/build.py", "--site-dir", str(tmp_path / "site")],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 0 and not warnings, "\n".join(warnings)
    # The committed page has its commit's date; the new one, the build's.
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'git-revision-date-localized-plugin-date"[^>]*>\s*February 3, 2024', home), "no git date"
    assert "git-revision-date-localized-plugin-date" in (tmp_path / "site/contributing/index.html").read_text()
