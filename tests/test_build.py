"""The site builds strictly, and a broken page fails the build, naming page and line.

Fixture sites in tests/fixtures/site/<case>/ are built with the site's own
configuration (a throwaway config that INHERITs mkdocs.yml), through
scripts/build.py, the same command `make build` uses.
"""

import pytest

from sites import build, fixture_config

FIXTURES = "tests/fixtures/site"


def test_site_builds_strictly_without_warnings(built_site):
    assert (built_site / "index.html").is_file()


CASES = {
    "broken_link": f"{FIXTURES}/broken_link/index.md:7: Doc file 'index.md' contains a link 'no-such-page.md'",
    "broken_anchor": f"{FIXTURES}/broken_anchor/index.md:9: Doc file 'index.md' contains a link '#no-such-section'",
    "missing_snippet": f"{FIXTURES}/missing_snippet/index.md:8: Snippet at path 'snippets/no_such_file.py' could not be found",
}


@pytest.mark.parametrize(("case", "message"), CASES.items(), ids=CASES.keys())
def test_broken_site_fails_and_leaves_site_untouched(case, message, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build")
    with fixture_config(f"site-{case}", f"{FIXTURES}/{case}") as config:
        proc = build(site, config)
    assert proc.returncode == 1, proc.stderr
    assert message in proc.stderr, proc.stderr
    assert (site / "index.html").read_text() == "the previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "a staging folder was left behind"
