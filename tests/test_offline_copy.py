"""The offline copy: a deterministic zip of one folder that works from file://.

The zip is the one `make build` writes beside the site (the session's
`built_site`). Unpacked and opened from file:// in Chromium: every page loads
with no failed or third-party request, math renders with its fonts, figures
load, snippet links lead to the files, the footer links walk the whole nav,
and search finds pages.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import Recorder, content_problems, probe, search, switch_language
from offline import FIXED_TIME, ZIP_NAME, pack

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def offline_copy(built_site, tmp_path_factory):
    """(zip, unpacked folder): the zip `make build` wrote into the site, unpacked."""
    archive = built_site / ZIP_NAME
    unpacked = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as z:
        z.extractall(unpacked)
    return archive, unpacked / Path(ZIP_NAME).stem


def test_offline_zip_is_one_folder_and_deterministic(offline_copy, tmp_path):
    archive, folder = offline_copy
    with zipfile.ZipFile(archive) as z:
        infos = z.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and all(n.startswith(folder.name + "/") for n in names)
    assert {i.date_time for i in infos} == {FIXED_TIME}
    assert not {"404.html", "sitemap.xml", "sitemap.xml.gz"} & {n.split("/", 1)[1] for n in names}
    # The same files give the same bytes, whatever their timestamps on disk.
    for path in folder.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    again = tmp_path / "again.zip"
    pack(folder, again, folder.name)
    assert again.read_bytes() == archive.read_bytes()


def offline_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if "assets" not in p.relative_to(folder).parts)


def page_problems(context, folder: Path) -> list[str]:
    """Open every page of the unpacked copy, both editions, from file://; every problem a reader would meet."""
    problems = []
    for path in offline_pages(folder):
        name = path.relative_to(folder).as_posix()
        page = context.new_page()
        recorder = Recorder(page)
        page.emulate_media(color_scheme="light")
        page.goto(path.as_uri(), wait_until="load")
        found = content_problems(page, "light")
        fonts = page.evaluate(probe("katex_fonts"))
        if page.locator(".katex").count():
            if ["KaTeX_Main", "loaded"] not in fonts:
                found.append("KaTeX's main font did not load from file://")
            found += [f"font {family} failed to load" for family, status in fonts if status == "error"]
        for href in page.eval_on_selector_all("span.filename a", "els => els.map((a) => a.href)"):
            target = Path(unquote(urlsplit(href).path))
            source = ROOT / target.relative_to(folder / ("zh" if name.startswith("zh/") else ""))
            if not target.is_file() or target.read_bytes() != source.read_bytes():
                found.append(f"snippet link {href} is not the file {source.relative_to(ROOT)}")
        problems += [f"{name}: {p}" for p in recorder.problems + found]
        page.close()
    return problems


def walk_problems(context, folder: Path, site_url: str) -> list[str]:
    """From each edition's home page, the footer's "next" links walk its whole nav."""
    problems = []
    page = context.new_page()
    page.goto((folder / "index.html").as_uri(), wait_until="load")
    # The home page links to the zip on the hosted site: the copy does not hold itself.
    zip_links = page.eval_on_selector_all(f'a[href$="{ZIP_NAME}"]', "els => els.map((a) => a.href)")
    if zip_links != [site_url + ZIP_NAME]:
        problems.append(f"index.html: the zip link is {zip_links}, not the hosted {site_url + ZIP_NAME}")
    for home in ("index.html", "zh/index.html"):
        page.goto((folder / home).as_uri(), wait_until="load")
        visited = [page.url]
        while page.locator("a.md-footer__link--next").count():
            page.locator("a.md-footer__link--next").click()
            page.wait_for_load_state("load")
            if not page.url.startswith("file://") or page.url in visited:
                problems.append(f"{home}: the next link leads to {page.url}")
                break
            visited.append(page.url)
        links = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "els => els.map((a) => a.href)")
        nav = dict.fromkeys(a for a in links if "#" not in a)
        if len(visited) != len(nav):
            problems.append(f"{home}: the next links visit {len(visited)} pages, the nav lists {len(nav)}")
    page.close()
    return problems


def switch_and_search_problems(context, folder: Path) -> list[str]:
    """The language switch leads to the same page in the other edition; search works in both."""
    problems = []
    page = context.new_page()
    page.goto((folder / "errata.html").as_uri(), wait_until="load")
    for lang, expected in (("zh", folder / "zh" / "errata.html"), ("en", folder / "errata.html")):
        switch_language(page, lang)
        if page.url != expected.as_uri():
            problems.append(f"the switch to {lang} leads to {page.url}, not {expected.as_uri()}")
    # Search, from the index inlined by the offline plugin, through the iframe-worker shim.
    for home, query in (("index.html", "backward"), ("zh/index.html", "学习率")):
        page.goto((folder / home).as_uri(), wait_until="load")
        results = search(page, query)
        if not results:
            problems.append(f"{home}: search for {query!r} shows no result")
        elif not all(url.startswith((folder / home).parent.as_uri()) for url in results):
            problems.append(f"{home}: a search result for {query!r} leads out of the edition: {results}")
    page.close()
    return problems


def test_offline_copy_works_from_the_file_system(offline_copy, site_config, browser):
    _, folder = offline_copy
    context = browser.new_context()
    try:
        problems = page_problems(context, folder)
        problems += walk_problems(context, folder, site_config.site_url)
        problems += switch_and_search_problems(context, folder)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
