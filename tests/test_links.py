"""Every link of the built site leads somewhere: LinkChecker, with anchors checked.

The site as `make build` leaves it (offline zip included) is served on
127.0.0.1 (scripts/site_server.py) and LinkChecker follows every link, image,
script, stylesheet and url() in a stylesheet from the home page, and checks
that every #fragment names an anchor of its page. Links to other hosts are
only read, never fetched (LinkChecker checks external URLs only when told to
with --check-extern): no request leaves this machine. Each host the site
links to must be listed in EXTERNAL with the reason it is linked, so a new
outside link is a decision, not an accident.

A small broken site written by the test proves that each kind of failure is
reported: a missing file, a missing anchor, an unlisted outside host.
"""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_server import serve_site

# Outside hosts the pages link to, and why; LinkChecker reads these URLs but never requests them.
EXTERNAL = {
    r"https://github\.com/": "the repository (header, edit links) and tools' repositories named in contributing",
    r"https://squidfunk\.github\.io/mkdocs-material/": "Material's 'Made with Material for MkDocs' footer",
    r"https://facelessuser\.github\.io/pymdown-extensions/": "the snippets extension, explained in contributing",
}
# Fast checking: the local server tells LinkChecker it may send 100 requests a second
# (it waits 0.1 to 0.6 s between requests to any other host).
CONFIG = """\
[checking]
threads=4
timeout=30
maxrequestspersecond=100
[filtering]
checkextern=0
[output]
status=0
[AnchorCheck]
"""
FAST = {"LinkChecker": "local test server"}
TIMEOUT = 600  # seconds, for the whole site


def linkcheck(url: str, workdir: Path) -> list[dict]:
    """Every URL LinkChecker met from `url`, as the rows of its CSV output."""
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "linkcheckerrc"
    config.write_text(CONFIG)
    # Its own home: no user configuration of this machine is read.
    env = {**os.environ, "HOME": str(workdir), "XDG_CONFIG_HOME": str(workdir), "XDG_DATA_HOME": str(workdir)}
    proc = subprocess.run(
        [sys.executable, "-m", "linkcheck", "--config", str(config), "--verbose", "--output", "csv/utf-8", url],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=TIMEOUT,
        check=False,
    )
    # Comment lines ("# created by ...") come before the header and after the rows;
    # a row may start with "#" too: a link to "#fragment" on the same page.
    table = proc.stdout[proc.stdout.find("urlname;") :]
    rows = [row for row in csv.DictReader(io.StringIO(table), delimiter=";") if not row["urlname"].startswith("# ")]
    assert rows, f"LinkChecker printed no result (exit {proc.returncode}):\n{proc.stderr[-2000:]}"
    return rows


def problems(rows: list[dict], base: str) -> list[str]:
    """One line per broken link, missing anchor, warning or unlisted outside host."""
    found = []
    for row in rows:
        url, where = row["url"] or row["urlname"], f"{row['parentname'] or 'start'}:{row['line']}"
        warning = " ".join(row["warningstring"].split())
        if row["valid"] != "True":
            found.append(f"{url} (linked from {where}): {row['result']}")
        elif warning:
            found.append(f"{url} (linked from {where}): {warning}")
        outside = urlsplit(url).scheme in ("http", "https") and not url.startswith(base)
        if outside and not any(re.match(pattern, url) for pattern in EXTERNAL):
            found.append(f"{url} (linked from {where}): a host not listed in EXTERNAL (tests/test_links.py)")
    return list(dict.fromkeys(found))


def test_every_link_and_anchor_of_the_site_resolves(built_site, tmp_path):
    with serve_site(built_site, headers=FAST) as url:
        rows = linkcheck(url, tmp_path)
        found = problems(rows, url)
    checked = [row for row in rows if row["url"].startswith(url)]
    # The walk reached every page, the zip and the KaTeX fonts.
    for part in ("autograd/", "one-neuron-fit/", "-offline.zip", "KaTeX_Main-Regular.woff2"):
        assert any(part in row["url"] for row in checked), f"LinkChecker never reached {part}"
    assert not found, f"{len(found)} problem(s):\n" + "\n".join(found)


# --- a broken site: each failure is reported ---------------------------------------

SITE_URL = "https://example.org/broken/"
BROKEN_PAGE = """<!doctype html><html><head><title>broken</title></head><body>
<h2 id="here">Here</h2>
<a href="#here">fine</a>
<a href="#nowhere">missing anchor</a>
<a href="no-such-file.html">missing file</a>
<a href="https://unlisted.example.com/page">outside host</a>
</body></html>
"""


def test_each_broken_link_is_reported(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(BROKEN_PAGE)
    (site / "sitemap.xml").write_text(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{SITE_URL}</loc></url></urlset>'
    )
    with serve_site(site, headers=FAST) as url:
        found = problems(linkcheck(url, tmp_path / "linkchecker"), url)
    expected = {
        "#nowhere": "Anchor `nowhere' (decoded: `nowhere') not found",
        "no-such-file.html": "404 Not Found",
        "unlisted.example.com": "a host not listed in EXTERNAL",
    }
    for part, message in expected.items():
        assert any(part in line and message in line for line in found), (part, found)
    assert not any(url + "#here" in line for line in found), found
    assert len(found) == len(expected), found


@pytest.mark.parametrize("pattern", EXTERNAL)
def test_external_patterns_name_a_host(pattern):
    # An anchored https:// prefix with its host, so that a pattern can never cover the local server.
    assert re.fullmatch(r"https://[\w\\.-]+/.*", pattern), pattern


# --- the KaTeX stylesheet names only the fonts the site ships (hooks/katex.py) ---------


def test_katex_stylesheet_names_only_shipped_fonts(built_site):
    css = (built_site / "assets/katex/katex.min.css").read_text(encoding="utf-8")
    named = re.findall(r"url\(([^)]+)\)", css)
    assert named and all(name.endswith(".woff2") for name in named), named
    assert all((built_site / "assets/katex" / name).is_file() for name in named), named


def test_changed_katex_stylesheet_fails_in_one_line():
    from katex import woff2_only

    ttf_first = '@font-face{src:url(fonts/a.ttf) format("truetype"),url(fonts/a.woff2) format("woff2")}'
    for css, message in [("a{color:red}", "no @font-face rule"), (ttf_first, "does not list woff2 first")]:
        with pytest.raises(ValueError, match=message) as raised:
            woff2_only(css)
        assert "\n" not in str(raised.value)
