"""The repository and site addresses, from the repository the build runs in.

mkdocs.yml names a placeholder repository; a fork or a moved repository must
not link its pages' "edit" buttons there. This hook, the first of the list,
sets `repo_url` (and `repo_name`, "owner/name") from the first of

1. GitHub Actions: `GITHUB_SERVER_URL` + `GITHUB_REPOSITORY`, set in every step;
2. Read the Docs: `READTHEDOCS_GIT_CLONE_URL`, when it is a GitHub repository;
3. `git remote get-url origin`, when it is a GitHub repository;

and otherwise leaves mkdocs.yml's. When the build is given no address of its
own (`SITE_URL`, which the Pages workflow reads from Pages, or Read the Docs'
`READTHEDOCS_CANONICAL_URL`) and the repository is on github.com, `site_url`
becomes its GitHub Pages address, `https://<owner>.github.io/<name>/`.
"""

from __future__ import annotations

import os
import re
import subprocess
from typing import NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook

SITE_URL_VARIABLES = ("SITE_URL", "READTHEDOCS_CANONICAL_URL")  # the two mkdocs.yml reads
# https://github.com/o/n(.git), ssh://git@github.com/o/n.git, git@github.com:o/n.git
GITHUB_REMOTE = re.compile(
    r"^(?:https://(?:[^@/]+@)?|ssh://git@|git@)(?P<host>github\.com)[/:]"
    r"(?P<owner>[\w.-]+)/(?P<name>[\w.-]+?)(?:\.git)?/?$"
)


class Repository(NamedTuple):
    server: str  # https://github.com, or a GitHub Enterprise server
    owner: str
    name: str

    @property
    def url(self) -> str:
        return f"{self.server}/{self.owner}/{self.name}"

    @property
    def pages_url(self) -> str | None:
        """Its GitHub Pages address; a `<owner>.github.io` repository is the owner's own site."""
        if self.server != "https://github.com":
            return None
        host = f"{self.owner.lower()}.github.io"
        return f"https://{host}/" if self.name.lower() == host else f"https://{host}/{self.name}/"


def from_remote(url: str) -> Repository | None:
    m = GITHUB_REMOTE.match(url.strip())
    return Repository(f"https://{m['host']}", m["owner"], m["name"]) if m else None


def git_origin(folder) -> str:
    """`git remote get-url origin` in `folder`, or "" (no git, no repository, no origin)."""
    try:
        proc = subprocess.run(
            ["git", "remote", "get-url", "origin"], cwd=folder, capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return ""
    return proc.stdout.strip() if proc.returncode == 0 else ""


def repository(env, origin) -> Repository | None:
    """The repository the build runs in: Actions, then Read the Docs, then `origin()`."""
    server, slug = env.get("GITHUB_SERVER_URL", ""), env.get("GITHUB_REPOSITORY", "")
    if server and slug.count("/") == 1:
        return Repository(server.rstrip("/"), *slug.split("/"))
    for url in (env.get("READTHEDOCS_GIT_CLONE_URL", ""), origin()):
        if url and (found := from_remote(url)):
            return found
    return None


def set_addresses(config: MkDocsConfig, env=os.environ, origin=None) -> MkDocsConfig:
    """`config` with the addresses of the repository it is built from (see above)."""
    repo = repository(env, origin or (lambda: git_origin(project_root(config))))
    if repo is None:  # mkdocs.yml's repository stays; the header names it as the others
        found = from_remote(config.repo_url or "")
        if found:
            config.repo_name = f"{found.owner}/{found.name}"
        return config
    config.repo_url = repo.url
    config.repo_name = f"{repo.owner}/{repo.name}"
    if not any(env.get(name) for name in SITE_URL_VARIABLES) and repo.pages_url:
        config.site_url = repo.pages_url
    return config


@event_priority(100)  # before any plugin reads site_url or repo_url
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return set_addresses(config)
