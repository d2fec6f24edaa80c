"""What every hosted page carries: its description, canonical link, edit link and date.

Read from the site as `make build` leaves it (the session's `built_site`):
sitemap.xml lists every page, 404.html is the site's own, the home page links
to the offline zip beside it, and no page asks a third-party host for
repository facts.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from offline import ZIP_NAME
from site_server import site_pages

ROOT = Path(__file__).resolve().parent.parent


class Tags(HTMLParser):
    """The start tags of a page, as (tag, attributes) pairs."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def find(self, tag, **attrs) -> list[dict]:
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}  # data_md_component=...
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]


def page_file(site: Path, path: str) -> Path:
    return site / path / "index.html" if not path.endswith(".html") else site / path


@pytest.fixture(scope="session")
def hosted_pages(built_site):
    """{page path: its parsed HTML} for every page of the built site but 404.html."""
    return {
        path: Tags(page_file(built_site, path).read_text(encoding="utf-8"))
        for path in site_pages(built_site)
        if path != "404.html"
    }


def test_every_page_has_its_description_canonical_link_edit_link_and_date(hosted_pages, site_config):
    problems, descriptions = [], {}
    repo = site_config.repo_url.rstrip("/") + "/edit/main/"
    for path, tags in hosted_pages.items():
        name = path or "index"
        meta = tags.find("meta", name="description")
        description = meta[0].get("content", "").strip() if meta else ""
        if not description or description == " ".join(site_config.site_description.split()):
            problems.append(f"{name}: no description of its own")
        descriptions.setdefault(description, []).append(name)
        canonical = [a["href"] for a in tags.find("link", rel="canonical")]
        if canonical != [site_config.site_url + path]:
            problems.append(f"{name}: canonical link {canonical}, not {site_config.site_url + path}")
        edit = [a["href"] for a in tags.find("a", rel="edit")]
        if len(edit) != 1 or not edit[0].startswith(repo) or not (ROOT / edit[0][len(repo) :]).is_file():
            problems.append(f"{name}: edit link {edit} is not {repo}<a file of the repository>")
        if not any("git-revision-date-localized-plugin-date" in a.get("class", "") for _, a in tags.tags):
            problems.append(f"{name}: no last-updated date")
    problems += [f"{', '.join(pages)}: share one description" for pages in descriptions.values() if len(pages) > 1]
    assert not problems, "\n".join(problems)


def test_home_pages_link_to_the_offline_zip_beside_the_site(hosted_pages, built_site):
    """make build writes the zip beside index.html; the Chinese home page, in zh/, links up to it."""
    for home in ("", "zh/"):
        links = [a["href"] for a in hosted_pages[home].find("a") if a.get("href", "").endswith(".zip")]
        assert len(links) == 1 and (built_site / home / links[0]).resolve() == built_site / ZIP_NAME, (home, links)


def test_pages_ask_no_third_party_host_for_repository_facts(hosted_pages):
    """Material's repository widget would ask api.github.com for stars and forks on every visit."""
    widgets = [path or "index" for path, tags in hosted_pages.items() if tags.find("a", data_md_component="source")]
    assert not widgets, f"pages with Material's repository-facts widget: {widgets}"


def test_sitemap_lists_every_page(built_site, site_config):
    html_pages = sorted(
        p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if "assets" not in p.parts
    )
    listed = set(site_pages(built_site)) - {"404.html"}
    assert {("" if p == "./" else p) for p in html_pages} == listed
    assert site_config.site_url.startswith("https://")


def test_404_page_is_the_sites_own(built_site, site_config):
    tags = Tags((built_site / "404.html").read_text(encoding="utf-8"))
    text = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in text
    # Served for any missing URL, at any depth: its links must be absolute paths.
    prefix = urlsplit(site_config.site_url).path
    links = {a["href"] for a in tags.find("a") if a.get("href", "").startswith(prefix)}
    assert {prefix + p for p in site_pages(built_site) if p != "404.html"} <= links, links
