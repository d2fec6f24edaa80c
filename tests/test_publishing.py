"""Publishing: the deploy configuration, what each hosted page carries, the offline copy.

- .github/workflows/*.yml and .readthedocs.yaml validate against the schemas
  that check-jsonschema ships (no network needed), and the workflow runs what
  the README runs. GitHub Actions cannot run here; this is how it is checked.
- Every page of the built site has its own meta description, a canonical
  link, an edit link to a file that exists, and a last-updated date;
  sitemap.xml lists every page; 404.html is the site's own.
- Every file in snippets/ is published byte for byte, and every code block
  that embeds one links to it.
- The offline zip, unpacked and opened from file:// in Chromium: every page
  loads with no failed or third-party request, math renders with its fonts,
  figures load, the footer links walk the whole nav, search finds pages.
- A shallow clone, with a page not yet committed, builds strictly.
- Bad input in tests/fixtures/publishing/ fails with a message naming it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from browser import MISSING_CHROMIUM, Recorder, chromium_present, content_problems, launch_browser, site_pages
from mkdocs.config import load_config
from sites import build, fixture_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "publishing"
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))
import offline as offline_zip  # noqa: E402  scripts/offline.py (ZIP_NAME comes from hooks/offline_copy.py)
from snippet_links import add_titles, embedded_files, fences  # noqa: E402

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMAS = {
    # Every workflow: GitHub's schema, and a timeout on every job (a hung build stops).
    **{f".github/workflows/{p.name}": ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
       for p in WORKFLOWS},
    ".readthedocs.yaml": ["vendor.readthedocs"],
}
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@(?:v\d+\.\d+\.\d+|[0-9a-f]{40})$")


@pytest.fixture(scope="session")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def check_jsonschema(path: Path, schema: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )


# --- the deploy configuration -----------------------------------------------------

def test_there_is_a_workflow():
    assert WORKFLOWS, "no workflow in .github/workflows/"


@pytest.mark.parametrize(("name", "schema"), [(n, s) for n, ss in SCHEMAS.items() for s in ss])
def test_config_file_validates(name, schema):
    proc = check_jsonschema(ROOT / name, schema)
    assert proc.returncode == 0, f"{name} is invalid ({schema}):\n{proc.stdout}{proc.stderr}"


@pytest.mark.parametrize(("name", "schema", "error"), [
    ("workflow_without_runs_on.yml", "vendor.github-workflows", "'runs-on' is a required property"),
    ("readthedocs_without_version.yaml", "vendor.readthedocs", "'version' is a required property"),
])
def test_invalid_config_file_fails_naming_it(name, schema, error):
    proc = check_jsonschema(FIXTURES / name, schema)
    assert proc.returncode == 1, proc.stdout
    assert f"tests/fixtures/publishing/{name}::" in proc.stdout and error in proc.stdout, proc.stdout


def workflow_steps(workflow):
    return [(job_name, step) for job_name, job in workflow["jobs"].items() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_pins_every_action(path):
    workflow = yaml.safe_load(path.read_text())
    loose = [step["uses"] for _, step in workflow_steps(workflow)
             if "uses" in step and not PINNED.match(step["uses"])]
    assert not loose, f"{path.name}: actions not pinned to an exact version or commit: {loose}"


def test_workflow_tests_on_pull_requests_and_deploys_main_only():
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"] and "pull_request" in triggers
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    steps = build["steps"]
    runs = [step.get("run", "") for step in steps]
    uses = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    # The README's set-up and test command, then the strict build and the zip.
    assert runs.index("bash .ci/run") < runs.index("make offline"), runs
    assert build["env"]["CI"] == "true"  # the browser tests fail, not skip, without chromium
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0  # git dates need the history
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    # A pull request runs everything above, but neither uploads nor deploys.
    main_only = "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert uses["actions/configure-pages"]["if"] == main_only
    assert uses["actions/upload-pages-artifact"]["if"] == "steps.pages.outcome == 'success'"
    assert deploy["if"] == main_only and deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    # `make offline` writes the zip into site/, under the name the home page links to.
    assert offline_zip.parse_args([]).output == Path("site") / offline_zip.ZIP_NAME
    make = subprocess.run(["make", "-n", "offline"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "scripts/build.py" in make.stdout and "scripts/offline.py" in make.stdout, make.stdout


def test_read_the_docs_builds_the_same_site_and_zip():
    rtd = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    html = rtd["build"]["jobs"]["build"]["html"]
    assert html[0].startswith(".venv/bin/python scripts/build.py ")
    assert html[1].startswith(".venv/bin/python scripts/offline.py ") and offline_zip.ZIP_NAME in html[1]
    assert rtd["build"]["tools"]["python"] == "3.11"


def test_site_address_is_set_in_one_place(config):
    """mkdocs.yml names the site; the workflow and Read the Docs only override it by variable."""
    text = (ROOT / "mkdocs.yml").read_text()
    assert "site_url: !ENV [READTHEDOCS_CANONICAL_URL, SITE_URL," in text
    owner_repo = urlsplit(config.repo_url).path.strip("/")
    for name in [*SCHEMAS, "README.md"]:
        assert owner_repo not in (ROOT / name).read_text(), f"{name} repeats {owner_repo}"
    assert config.edit_uri == "edit/main/docs/"


# --- what every hosted page carries ---------------------------------------------------

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
    return {path: Tags(page_file(built_site, path).read_text(encoding="utf-8"))
            for path in site_pages(built_site) if path != "404.html"}


def test_every_page_has_its_description_canonical_link_edit_link_and_date(hosted_pages, config):
    problems, descriptions = [], {}
    repo = config.repo_url.rstrip("/") + "/edit/main/"
    for path, tags in hosted_pages.items():
        name = path or "index"
        meta = tags.find("meta", name="description")
        description = meta[0].get("content", "").strip() if meta else ""
        if not description or description == " ".join(config.site_description.split()):
            problems.append(f"{name}: no description of its own")
        descriptions.setdefault(description, []).append(name)
        canonical = [a["href"] for a in tags.find("link", rel="canonical")]
        if canonical != [config.site_url + path]:
            problems.append(f"{name}: canonical link {canonical}, not {config.site_url + path}")
        edit = [a["href"] for a in tags.find("a", rel="edit")]
        if len(edit) != 1 or not edit[0].startswith(repo) or not (ROOT / edit[0][len(repo):]).is_file():
            problems.append(f"{name}: edit link {edit} is not {repo}<a file of the repository>")
        if not any("git-revision-date-localized-plugin-date" in a.get("class", "") for _, a in tags.tags):
            problems.append(f"{name}: no last-updated date")
    problems += [f"{', '.join(pages)}: share one description" for pages in descriptions.values() if len(pages) > 1]
    assert not problems, "\n".join(problems)


def test_home_page_links_to_the_offline_zip_beside_it(hosted_pages):
    """The workflow and Read the Docs write the zip beside index.html (tested above)."""
    links = [a["href"] for a in hosted_pages[""].find("a") if a.get("href", "").endswith(".zip")]
    assert links == [offline_zip.ZIP_NAME]


def test_pages_ask_no_third_party_host_for_repository_facts(hosted_pages):
    """Material's repository widget would ask api.github.com for stars and forks on every visit."""
    widgets = [path or "index" for path, tags in hosted_pages.items() if tags.find("a", data_md_component="source")]
    assert not widgets, f"pages with Material's repository-facts widget: {widgets}"


def test_sitemap_lists_every_page(built_site, config):
    html_pages = sorted(p.parent.relative_to(built_site).as_posix() + "/"
                        for p in built_site.rglob("index.html") if "assets" not in p.parts)
    listed = set(site_pages(built_site)) - {"404.html"}
    assert {("" if p == "./" else p) for p in html_pages} == listed
    assert config.site_url.startswith("https://")


def test_404_page_is_the_sites_own(built_site, config):
    tags = Tags((built_site / "404.html").read_text(encoding="utf-8"))
    text = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Page not found" in text
    # Served for any missing URL, at any depth: its links must be absolute paths.
    prefix = urlsplit(config.site_url).path
    links = {a["href"] for a in tags.find("a") if a.get("href", "").startswith(prefix)}
    assert {prefix + p for p in site_pages(built_site) if p != "404.html"} <= links, links


# --- snippets as files ---------------------------------------------------------------

def snippet_files() -> list[Path]:
    return sorted(p for p in (ROOT / "snippets").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


def test_every_snippet_file_is_published(built_site):
    problems = [f"{p.relative_to(ROOT)}: not published as it is" for p in snippet_files()
                if not (built_site / p.relative_to(ROOT)).is_file()
                or (built_site / p.relative_to(ROOT)).read_bytes() != p.read_bytes()]
    assert not problems, "\n".join(problems)


class FilenameLinks(HTMLParser):
    """The links inside Material's code block titles (`<span class="filename">`), in order."""

    def __init__(self, text: str):
        super().__init__()
        self.links: list[str] = []
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "span" and attrs.get("class") == "filename":
            self._depth = 1
        elif self._depth and tag == "a":
            self.links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "span":
            self._depth = 0


@pytest.mark.parametrize("source", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_every_embedded_snippet_links_to_its_file(source, built_site):
    lines = source.read_text(encoding="utf-8").split("\n")
    expected = [path for _, _, body in fences(lines) for path in embedded_files(body)]
    page = built_site / ("index.html" if source.stem == "index" else f"{source.stem}/index.html")
    links = FilenameLinks(page.read_text(encoding="utf-8")).links
    base = page.relative_to(built_site).as_posix()
    resolved = [urljoin(base, unquote(href)) for href in links]
    assert resolved == expected, f"docs/{source.name}: the blocks embed {expected}, their titles link {resolved}"


def test_titles_only_for_real_includes():
    page = "\n".join([
        '```python',
        '--8<-- "snippets/a/one.py:section"',
        '```',
        '````markdown',  # an example of the syntax, as on the Contributing page: escaped,
        '```python',     # so shown, not included; and the inner fence is the example's text
        ';--8<-- "snippets/a/two.py"',
        '```',
        '````',
        '```python',
        '--8<-- "docs/not-a-snippet.md"',  # an include, but not of a snippet file
        '```',
        '    ```python',  # indented, as in an admonition or a tab
        '    --8<-- "snippets/a/four.py"',
        '    ```',
    ])
    out, titles = add_titles(page, "page.md", lambda uri: True)
    assert titles == ["snippets/a/one.py", "snippets/a/four.py"]
    assert out.split("\n")[0] == '```python title="snippets/a/one.py"'
    assert out.split("\n")[11] == '    ```python title="snippets/a/four.py"'


def test_own_title_on_an_embedding_block_fails_naming_page_and_line():
    page = 'Text\n\n```python title="mine"\n--8<-- "snippets/a/one.py"\n```\n'
    with pytest.raises(Exception, match=r"^page\.md: the block at line 3 embeds snippets/a/one\.py and has its own title="):
        add_titles(page, "page.md", lambda uri: True)


# --- bad pages fail the build, naming them ------------------------------------------------

def build_fixture(case, hooks, tmp_path):
    with fixture_config(f"publishing-{case}", f"tests/fixtures/publishing/{case}", extra=hooks) as config:
        return build(tmp_path / "site", config)


# The site's hooks but hooks/notebook.py, which builds the site's own notebook page.
FIXTURE_HOOKS = "hooks:\n  - hooks/katex.py\n  - hooks/snippet_lines.py\n  - hooks/descriptions.py\n"


def test_page_without_description_fails_naming_it(tmp_path):
    proc = build_fixture("no_description", FIXTURE_HOOKS, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "tests/fixtures/publishing/no_description/index.md: no `description:` in the front matter" in proc.stderr, proc.stderr


def test_link_to_a_missing_snippet_fails_naming_page_and_file(tmp_path):
    # Without hooks/snippet_lines.py, which reports a missing include first: this is
    # the link check's own guard.
    hooks = "hooks:\n  - hooks/katex.py\n  - hooks/snippet_links.py\n"
    proc = build_fixture("unpublished_snippet", hooks, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert ("tests/fixtures/publishing/unpublished_snippet/index.md: the block at line 7 links to "
            "snippets/no_such_page/missing.py, which is not a published file of snippets/") in proc.stderr, proc.stderr


# --- the offline copy ------------------------------------------------------------------

@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    """(zip, unpacked folder): `scripts/offline.py` run as the workflow runs it, then unzipped."""
    tmp = tmp_path_factory.mktemp("offline")
    archive = tmp / offline_zip.ZIP_NAME
    proc = subprocess.run([sys.executable, "scripts/offline.py", "--output", str(archive)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 0 and not warnings, "\n".join(warnings)
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp / "unpacked")
    return archive, tmp / "unpacked" / Path(offline_zip.ZIP_NAME).stem


def test_offline_zip_is_one_folder_and_deterministic(offline_copy, tmp_path):
    archive, folder = offline_copy
    with zipfile.ZipFile(archive) as z:
        infos = z.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and all(n.startswith(folder.name + "/") for n in names)
    assert {i.date_time for i in infos} == {offline_zip.FIXED_TIME}
    assert not {"404.html", "sitemap.xml", "sitemap.xml.gz"} & {n.split("/", 1)[1] for n in names}
    # The same files give the same bytes, whatever their timestamps on disk.
    for path in folder.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    again = tmp_path / "again.zip"
    offline_zip.pack(folder, again, folder.name)
    assert again.read_bytes() == archive.read_bytes()


def offline_pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.html") if "assets" not in p.relative_to(folder).parts)


# Runs in a page: the KaTeX fonts it uses, with their load status.
KATEX_FONTS = """async () => {
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.family.startsWith("KaTeX")).map((f) => [f.family, f.status]);
}"""


def browse_offline_copy(folder: Path, site_url: str) -> list[str]:
    """Open the unpacked copy from file:// and return every problem a reader would meet."""
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as playwright:
        browser = launch_browser(playwright)
        context = browser.new_context()
        try:
            for path in offline_pages(folder):
                name = path.relative_to(folder).as_posix()
                page = context.new_page()
                recorder = Recorder(page)
                page.emulate_media(color_scheme="light")
                page.goto(path.as_uri(), wait_until="load")
                found = content_problems(page, "light")
                fonts = page.evaluate(KATEX_FONTS)
                if page.locator(".katex").count():
                    if ["KaTeX_Main", "loaded"] not in fonts:
                        found.append("KaTeX's main font did not load from file://")
                    found += [f"font {family} failed to load" for family, status in fonts if status == "error"]
                for href in page.eval_on_selector_all("span.filename a", "els => els.map((a) => a.href)"):
                    target = Path(unquote(urlsplit(href).path))
                    source = ROOT / target.relative_to(folder)
                    if not target.is_file() or target.read_bytes() != source.read_bytes():
                        found.append(f"snippet link {href} is not the file {source.relative_to(ROOT)}")
                problems += [f"{name}: {p}" for p in recorder.problems + found]
                page.close()
            problems += navigation_and_search(context, folder, site_url)
        finally:
            browser.close()
    return problems


def navigation_and_search(context, folder: Path, site_url: str) -> list[str]:
    problems = []
    page = context.new_page()
    page.goto((folder / "index.html").as_uri(), wait_until="load")
    # The home page links to the zip on the hosted site: the copy does not hold itself.
    zip_links = page.eval_on_selector_all(f'a[href$="{offline_zip.ZIP_NAME}"]', "els => els.map((a) => a.href)")
    if zip_links != [site_url + offline_zip.ZIP_NAME]:
        problems.append(f"index.html: the zip link is {zip_links}, not the hosted {site_url + offline_zip.ZIP_NAME}")
    # The footer's "next" link, followed from the home page, walks the whole nav.
    visited = [page.url]
    while page.locator("a.md-footer__link--next").count():
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state("load")
        if not page.url.startswith("file://") or page.url in visited:
            problems.append(f"the next link leads to {page.url}")
            break
        visited.append(page.url)
    nav = [a for a in page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]",
                                                "els => els.map((a) => a.href)") if "#" not in a]
    if len(visited) != len(dict.fromkeys(nav)):
        problems.append(f"the next links visit {len(visited)} pages, the nav lists {len(dict.fromkeys(nav))}")
    # Search, from the index inlined by the offline plugin, through the iframe-worker shim.
    page.goto((folder / "index.html").as_uri(), wait_until="load")
    page.locator(".md-search__input").click()
    page.keyboard.type("backward")
    try:
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state("load")
        if not page.url.startswith(folder.as_uri()):
            problems.append(f"a search result leads to {page.url}")
    except Exception as error:  # playwright's TimeoutError: no result appeared
        problems.append(f"search for 'backward' shows no result: {error.__class__.__name__}")
    page.close()
    return problems


def test_offline_copy_works_from_the_file_system(offline_copy, config):
    if not chromium_present():
        if os.environ.get("CI"):
            pytest.fail(MISSING_CHROMIUM)
        pytest.skip(MISSING_CHROMIUM)
    _, folder = offline_copy
    # In a thread of its own: playwright's sync API cannot start while another test
    # module's browser (tests/test_browser.py) holds this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        problems = pool.submit(browse_offline_copy, folder, config.site_url).result()
    assert not problems, "\n".join(problems)


# --- git dates from a shallow clone ----------------------------------------------------

def git(*args, cwd, date="2024-02-03T04:05:06+00:00"):
    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date, GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout


def test_shallow_clone_with_an_uncommitted_page_builds_strictly(tmp_path):
    """As a CI runner or Read the Docs checks the site out: one commit deep, and a new page not in git."""
    source, clone = tmp_path / "source", tmp_path / "clone"
    uncommitted = "docs/contributing.md"
    for name in git("ls-files", "-co", "--exclude-standard", cwd=ROOT).splitlines():
        if (ROOT / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, source / name)
    git("init", "-q", "-b", "main", cwd=source)
    git("add", "-A", cwd=source)
    git("rm", "-q", "--cached", uncommitted, cwd=source)
    git("commit", "-q", "-m", "first", cwd=source, date="2024-01-02T03:04:05+00:00")
    with (source / "docs/index.md").open("a") as f:
        f.write("\n")
    git("commit", "-q", "-am", "second", cwd=source)
    git("clone", "-q", "--depth", "1", source.as_uri(), str(clone), cwd=tmp_path)
    assert git("rev-parse", "--is-shallow-repository", cwd=clone).strip() == "true"
    shutil.copy2(source / uncommitted, clone / uncommitted)
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    if (ROOT / ".cache").is_dir():  # executed notebooks, so the clone need not run them again
        shutil.copytree(ROOT / ".cache", clone / ".cache", symlinks=True)
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITLAB_CI", "READTHEDOCS")}
    proc = subprocess.run([sys.executable, "scripts/build.py", "--site-dir", str(tmp_path / "site")],
                          cwd=clone, env=env, capture_output=True, text=True, timeout=900, check=False)
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    assert proc.returncode == 0 and not warnings, "\n".join(warnings)
    # The committed page has its commit's date; the new one, the build's.
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'git-revision-date-localized-plugin-date"[^>]*>\s*February 3, 2024', home), "no git date"
    assert "git-revision-date-localized-plugin-date" in (tmp_path / "site/contributing/index.html").read_text()
