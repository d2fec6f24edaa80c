"""Shared fixtures and options for the whole suite."""

import os
from pathlib import Path

from reproducible import REPRODUCIBLE_ENV

# Before any test module imports torch: the tests run the pages' code in this
# process under the same environment as the figures, the notebook kernel and
# the code-block harness, so that they see the same last digits.
os.environ.update(REPRODUCIBLE_ENV)

import pytest
from mkdocs.config import load_config
from sites import build

ROOT = Path(__file__).resolve().parent.parent
# The `built` and `out` fixtures of the figure tests; the browser, its pages, the served site.
pytest_plugins = ["figure_runs", "browser_fixtures"]


def pytest_addoption(parser):
    parser.addoption(
        "--docs-dir",
        default=None,
        help="check the code blocks of the pages in this folder instead of the site's docs/ "
        "(the harness tests point it at tests/fixtures/pages/<case>)",
    )


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def site_config():
    """mkdocs.yml, loaded as MkDocs loads it, with the addresses hooks/addresses.py gives a build here."""
    from addresses import set_addresses

    return set_addresses(load_config(str(ROOT / "mkdocs.yml")))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site as `make build` leaves it (strict, offline zip included), built once per session."""
    site = tmp_path_factory.mktemp("built") / "site"
    proc = build(site)
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 0 and not warnings, "\n".join(warnings)
    return site
