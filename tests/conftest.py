"""Shared fixtures and options for the whole suite."""

from pathlib import Path

import pytest

from sites import build

ROOT = Path(__file__).resolve().parent.parent


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
def built_site(tmp_path_factory) -> Path:
    """The whole site, built once per test session with `scripts/build.py` (strict)."""
    site = tmp_path_factory.mktemp("built") / "site"
    proc = build(site)
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 0 and not warnings, "\n".join(warnings)
    return site
