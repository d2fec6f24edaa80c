"""Every code block on every page runs as shown, with the output shown.

One test checks each page's structure (includes, fences, markers); one test
per block checks its run. A page's blocks all run once, in order, in one
fresh process (scripts/run_blocks.py), the first time one of its blocks is
tested. The harness itself is scripts/page_blocks.py, which `make outputs`
shares. See docs/contributing.md for the rules a page follows.
"""

from functools import cache
from pathlib import Path

import pytest
from block_runs import problem, run_page
from page_blocks import PageError, Site

SITE = Site()


@cache
def blocks_of(page: Path):
    return SITE.blocks(page)


@cache
def results_of(page: Path):
    return run_page(blocks_of(page))


def pytest_generate_tests(metafunc):
    option = metafunc.config.getoption("--docs-dir")
    pages = SITE.pages(Path(option).resolve() if option else None)
    if "page" in metafunc.fixturenames:
        metafunc.parametrize("page", pages, ids=SITE.name)
    if "block" in metafunc.fixturenames:
        params = []
        for page in pages:
            try:
                blocks = blocks_of(page)
            except PageError:
                continue  # test_page_can_be_checked reports it
            for block in blocks:
                # Skips are decided once, in block.skip_reason, and reported with page:line.
                marks = [mark for mark in block.marks if mark.name not in {"skip", "skipif"}]
                if block.skip_reason:
                    marks.append(pytest.mark.skip(reason=f"{block.where}: {block.skip_reason}"))
                params.append(pytest.param(page, block, marks=marks, id=block.where))
        if not params:
            params = [pytest.param(None, None, marks=pytest.mark.skip(reason="no runnable blocks on these pages"))]
        metafunc.parametrize(("block_page", "block"), params)


def test_page_can_be_checked(page):
    problem = None
    try:
        blocks_of(page)
    except PageError as exc:
        problem = str(exc)
    if problem:
        pytest.fail(problem, pytrace=False)


def test_block(block_page, block):
    found = problem(block, results_of(block_page))
    if found:
        pytest.fail(found, pytrace=False)
