"""The site builds strictly, and a broken page fails the build, naming page and line.

Fixture sites in tests/fixtures/site/<case>/ are built with the site's own
configuration (a throwaway config that INHERITs mkdocs.yml), through
scripts/build.py, the same command `make build` uses.
"""

import subprocess
import sys

import pytest

BUILD = "scripts/build.py"
FIXTURES = "tests/fixtures/site"


def build(root, site_dir, config="mkdocs.yml"):
    return subprocess.run(
        [sys.executable, BUILD, "--config-file", config, "--site-dir", str(site_dir)],
        cwd=root, capture_output=True, text=True, timeout=600, check=False,
    )


def test_site_builds_strictly_without_warnings(built_site):
    assert (built_site / "index.html").is_file()


@pytest.fixture
def fixture_config(root):
    """Write a config for one fixture site beside mkdocs.yml, so every relative path resolves."""
    written = []

    def make(case):
        path = root / f".mkdocs-fixture-{case}.yml"
        path.write_text(f"INHERIT: mkdocs.yml\ndocs_dir: {FIXTURES}/{case}\nnav:\n  - index.md\n")
        written.append(path)
        return path.name

    yield make
    for path in written:
        path.unlink()


CASES = {
    "broken_link": f"{FIXTURES}/broken_link/index.md:7: Doc file 'index.md' contains a link 'no-such-page.md'",
    "broken_anchor": f"{FIXTURES}/broken_anchor/index.md:9: Doc file 'index.md' contains a link '#no-such-section'",
    "missing_snippet": f"{FIXTURES}/missing_snippet/index.md:8: Snippet at path 'snippets/no_such_file.py' could not be found",
}


@pytest.mark.parametrize(("case", "message"), CASES.items(), ids=CASES.keys())
def test_broken_site_fails_and_leaves_site_untouched(case, message, root, tmp_path, fixture_config):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous build")
    proc = build(root, site, fixture_config(case))
    assert proc.returncode == 1, proc.stderr
    assert message in proc.stderr, proc.stderr
    assert (site / "index.html").read_text() == "the previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "a staging folder was left behind"
