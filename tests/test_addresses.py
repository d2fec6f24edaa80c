"""hooks/addresses.py: edit, repository and canonical links name the repository the build runs in.

The hook's choice is tested on the loaded mkdocs.yml with the variables each
host sets (GitHub Actions, Read the Docs, a clone with its `origin`), and once
through a real build of a one-page site with GitHub Actions' variables.
"""

from __future__ import annotations

import re

import pytest
from addresses import Repository, from_remote, repository, set_addresses
from mkdocs.config import load_config
from sites import ROOT, build, fixture_config

ACTIONS = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "Some-Owner/some-repo"}
NO_ADDRESS = {"SITE_URL": None, "READTHEDOCS_CANONICAL_URL": None}


def no_origin() -> str:
    return ""


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/Some-Owner/some-repo",
        "https://github.com/Some-Owner/some-repo.git",
        "https://x-access-token:secret@github.com/Some-Owner/some-repo.git",
        "git@github.com:Some-Owner/some-repo.git",
        "ssh://git@github.com/Some-Owner/some-repo.git",
    ],
)
def test_github_remotes_are_read(url):
    assert from_remote(url) == Repository("https://github.com", "Some-Owner", "some-repo")


@pytest.mark.parametrize("url", ["", "/work/main", "https://gitlab.com/a/b.git", "https://github.com/only-owner"])
def test_other_remotes_are_not_github_repositories(url):
    assert from_remote(url) is None


def test_actions_come_first_then_read_the_docs_then_origin():
    rtd = {"READTHEDOCS_GIT_CLONE_URL": "git@github.com:rtd-owner/rtd-repo.git"}

    def origin():
        return "https://github.com/clone-owner/clone-repo.git"

    assert repository({**ACTIONS, **rtd}, origin).url == "https://github.com/Some-Owner/some-repo"
    assert repository(rtd, origin).url == "https://github.com/rtd-owner/rtd-repo"
    assert repository({}, origin).url == "https://github.com/clone-owner/clone-repo"
    assert repository({}, no_origin) is None


def test_pages_address_of_a_project_and_of_a_user_site():
    assert Repository("https://github.com", "Some-Owner", "some-repo").pages_url == (
        "https://some-owner.github.io/some-repo/"
    )
    assert Repository("https://github.com", "Some-Owner", "some-owner.github.io").pages_url == (
        "https://some-owner.github.io/"
    )
    assert Repository("https://github.example.com", "a", "b").pages_url is None  # GitHub Enterprise


def loaded():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_on_actions_repo_and_site_addresses_follow_the_repository():
    config = set_addresses(loaded(), env=ACTIONS, origin=no_origin)
    assert config.repo_url == "https://github.com/Some-Owner/some-repo"
    assert config.repo_name == "Some-Owner/some-repo"
    assert config.site_url == "https://some-owner.github.io/some-repo/"


@pytest.mark.parametrize("variable", ["SITE_URL", "READTHEDOCS_CANONICAL_URL"])
def test_a_given_site_address_is_kept(variable):
    before = loaded().site_url
    config = set_addresses(loaded(), env={**ACTIONS, variable: "https://docs.example.org/"}, origin=no_origin)
    assert config.site_url == before  # mkdocs.yml reads the variable itself (!ENV)
    assert config.repo_url == "https://github.com/Some-Owner/some-repo"


def test_without_a_repository_mkdocs_yml_stays():
    before = loaded()
    config = set_addresses(loaded(), env={}, origin=no_origin)
    assert (config.repo_url, config.site_url) == (before.repo_url, before.site_url)
    assert config.repo_name == "/".join(before.repo_url.rstrip("/").split("/")[-2:])


def test_a_build_on_actions_links_to_its_repository(tmp_path):
    hooks = "hooks: [hooks/addresses.py, hooks/katex.py]\n"
    site = tmp_path / "site"
    with fixture_config("addresses", "tests/fixtures/addresses", extra=hooks) as config:
        proc = build(site, config, offline=False, env={**ACTIONS, **NO_ADDRESS})
    assert proc.returncode == 0, proc.stderr
    page = (site / "index.html").read_text(encoding="utf-8")
    repo = "https://github.com/Some-Owner/some-repo"
    assert re.search(rf'<a href="{repo}/edit/main/docs/index\.md"[^>]*rel="edit"', page), "edit link"
    assert f'<a href="{repo}" title="Go to repository"' in page, "repository link"
    assert '<link rel="canonical" href="https://some-owner.github.io/some-repo/">' in page
    assert "<loc>https://some-owner.github.io/some-repo/</loc>" in (site / "sitemap.xml").read_text()
