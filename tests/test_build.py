"""The site builds strictly, and a broken page fails the build, naming page and line.

Fixture sites in tests/fixtures/site/<case>/ and tests/fixtures/publishing/<case>/
are built with the site's own configuration (a throwaway config that INHERITs
mkdocs.yml), through scripts/build.py, the same command `make build` uses.
"""

import pytest
from sites import build, fixture_config

FIXTURES = "tests/fixtures/site"


def test_site_builds_strictly_without_warnings(built_site):
    assert (built_site / "index.html").is_file()


CASES = {
    "broken_link": f"{FIXTURES}/broken_link/index.md:7: Doc file 'index.md' contains a link 'no-such-page.md'",
    "broken_anchor": f"{FIXTURES}/broken_anchor/index.md:9: Doc file 'index.md' contains a link '#no-such-section'",
    "missing_snippet": (
        f"{FIXTURES}/missing_snippet/index.md:8: Snippet at path 'snippets/no_such_file.py' could not be found"
    ),
    "explorer_missing_key": (
        f'{FIXTURES}/explorer_missing_key/index.md: data-values="gradient_descent.no_such_key": '
        f"{FIXTURES}/explorer_missing_key/values/gradient_descent.json has no key 'no_such_key'"
    ),
}


@pytest.mark.parametrize(("case", "message"), CASES.items(), ids=CASES.keys())
def test_broken_site_fails_and_leaves_site_untouched(case, message, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build")
    with fixture_config(f"site-{case}", f"{FIXTURES}/{case}") as config:
        proc = build(site, config, offline=False)
    assert proc.returncode == 1, proc.stderr
    assert message in proc.stderr, proc.stderr
    assert (site / "index.html").read_text() == "the previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "a staging folder was left behind"


def build_fixture(case, hooks, tmp_path):
    with fixture_config(f"publishing-{case}", f"tests/fixtures/publishing/{case}", extra=hooks) as config:
        return build(tmp_path / "site", config, offline=False)


# The site's hooks but hooks/notebook.py, which builds the site's own notebook page.
FIXTURE_HOOKS = "hooks:\n  - hooks/katex.py\n  - hooks/snippet_lines.py\n  - hooks/descriptions.py\n"


def test_page_without_description_fails_naming_it(tmp_path):
    proc = build_fixture("no_description", FIXTURE_HOOKS, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "tests/fixtures/publishing/no_description/index.md: no `description:` in the front matter" in proc.stderr, (
        proc.stderr
    )


def test_link_to_a_missing_snippet_fails_naming_page_and_file(tmp_path):
    # Without hooks/snippet_lines.py, which reports a missing include first: this is
    # the link check's own guard.
    hooks = "hooks:\n  - hooks/katex.py\n  - hooks/snippet_links.py\n"
    proc = build_fixture("unpublished_snippet", hooks, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (
        "tests/fixtures/publishing/unpublished_snippet/index.md: the block at line 7 links to "
        "snippets/no_such_page/missing.py, which is not a published file of snippets/"
    ) in proc.stderr, proc.stderr
