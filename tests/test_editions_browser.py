"""Both editions in a real browser: search in each language, and the language switch.

The built site is served as a static host would (tests/browser_fixtures.py).
Search must find each Chinese query's pages in the Chinese edition (Material
segments Chinese with jieba; hooks/search_chinese.py), and the English
queries in the English one. The language switch leads to the same page in
the other edition, also after instant navigation has changed the page.
"""

import pytest
from browser import navigation_problems, search, switch_language

# query -> a page its results must include, in the edition of the query's language.
QUERIES = {
    "学习率": "zh/gradient-descent/",
    "梯度下降": "zh/gradient-descent/",
    "损失函数": "zh/gradient-descent/",
    "自动求导": "zh/autograd/",
    "backward": "autograd/",
    "learning rate": "gradient-descent/",
}


@pytest.mark.parametrize(("query", "expected"), QUERIES.items(), ids=QUERIES.keys())
def test_search_finds_the_page(query, expected, site, new_page):
    url, _ = site
    page = new_page()
    page.goto(url + ("zh/" if expected.startswith("zh/") else ""), wait_until="networkidle")
    results = search(page, query)
    assert url + expected in results, f"{query!r}: {len(results)} results, not {expected}: {results}"


def test_the_language_switch_follows_instant_navigation(site, new_page):
    url, _ = site
    page = new_page()
    problems = navigation_problems(page, url, [url + "gradient-descent/", url + "errata/"])
    assert not problems, problems
    switch_language(page, "zh")
    assert page.url == url + "zh/errata/"
    assert page.evaluate("document.documentElement.lang") == "zh"
    problems = navigation_problems(page, url + "zh/errata/", [url + "zh/autograd/"])
    assert not problems, problems
    switch_language(page, "en")
    assert page.url == url + "autograd/"
