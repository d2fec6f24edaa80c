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
pytest_plugins = ["figure_runs"]  # the `built` and `out` fixtures of the figure tests


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
    """mkdocs.yml, loaded as MkDocs loads it."""
    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The whole site as `make build` leaves it (strict, offline zip included), built once per session."""
    site = tmp_path_factory.mktemp("built") / "site"
    proc = build(site)
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 0 and not warnings, "\n".join(warnings)
    return site


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session. Without it the tests skip, except on CI, where they fail.

    Shared by every module that drives a browser: playwright's sync API cannot
    start a second time in a thread while the first is running.
    """
    from browser import require_chromium
    from chromium import launch_browser
    from playwright.sync_api import sync_playwright

    require_chromium()
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served_site(built_site):
    """The URL of the built site, served as a static host would (scripts/site_server.py)."""
    from site_server import serve_site

    with serve_site(built_site) as url:
        yield url


@pytest.fixture
def open_page(browser):
    """open_page(path=None, base=None, **context_options): a page of a fresh context, at base + path.

    The page collects its console errors and uncaught exceptions in page.problems;
    every context is closed after the test.
    """
    contexts = []

    def new(path=None, base=None, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.problems = []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        if path is not None:
            page.goto(base + path, wait_until="networkidle")
        return page

    yield new
    for context in contexts:
        context.close()
