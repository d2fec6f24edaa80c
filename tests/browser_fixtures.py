"""The fixtures of the browser tests: one Chromium, fresh pages, the built site served.

Registered by tests/conftest.py (`pytest_plugins`), so every test module that
opens pages shares the one browser: playwright's sync API allows a single
instance per thread.
"""

import pytest
from browser import require_chromium
from chromium import launch_browser
from playwright.sync_api import sync_playwright
from site_server import serve_site, site_pages


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session. Without it the tests skip, except on CI, where they fail."""
    require_chromium()
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """A fresh page in a fresh context that may read the clipboard (for the copy buttons)."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context.new_page
    context.close()


@pytest.fixture(scope="session")
def site(built_site):
    """(base URL, page paths) of the built site, every edition, served as a static host would."""
    with serve_site(built_site) as url:
        yield url, site_pages(built_site)


@pytest.fixture(scope="session")
def served_site(site):
    """The URL of the built site, served as a static host would (scripts/site_server.py)."""
    return site[0]


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
