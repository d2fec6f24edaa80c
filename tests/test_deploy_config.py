"""The deploy configuration: valid against its schemas, pinned, and running what the README runs.

GitHub Actions and Read the Docs cannot run here. Their files are validated
against the schemas check-jsonschema ships (no network needed), every action is
pinned to an exact release or commit, and every command they run is one a
maintainer runs too: `bash .ci/run` (the README's set-up and test command) and
`make build`. Bad files in tests/fixtures/publishing/ fail naming themselves.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "publishing"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SCHEMAS = {
    # Every workflow: GitHub's schema, and a timeout on every job (a hung build stops).
    **{
        f".github/workflows/{p.name}": ["vendor.github-workflows", "custom.github-workflows-require-timeout"]
        for p in WORKFLOWS
    },
    ".readthedocs.yaml": ["vendor.readthedocs"],
}
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@(?:v\d+\.\d+\.\d+|[0-9a-f]{40})$")
# `make target` in inline code, or a command line starting with it.
MAKE_COMMAND = re.compile(r"(?:^[ \t]*(?:run:[ \t]*)?|`)make ([a-z][\w-]*)", re.M)


def check_jsonschema(path: Path, schema: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# --- the deploy configuration -----------------------------------------------------


def test_there_is_a_workflow():
    assert WORKFLOWS, "no workflow in .github/workflows/"


@pytest.mark.parametrize(("name", "schema"), [(n, s) for n, ss in SCHEMAS.items() for s in ss])
def test_config_file_validates(name, schema):
    proc = check_jsonschema(ROOT / name, schema)
    assert proc.returncode == 0, f"{name} is invalid ({schema}):\n{proc.stdout}{proc.stderr}"


@pytest.mark.parametrize(
    ("name", "schema", "error"),
    [
        ("workflow_without_runs_on.yml", "vendor.github-workflows", "'runs-on' is a required property"),
        ("readthedocs_without_version.yaml", "vendor.readthedocs", "'version' is a required property"),
    ],
)
def test_invalid_config_file_fails_naming_it(name, schema, error):
    proc = check_jsonschema(FIXTURES / name, schema)
    assert proc.returncode == 1, proc.stdout
    assert f"tests/fixtures/publishing/{name}::" in proc.stdout and error in proc.stdout, proc.stdout


def workflow_steps(workflow):
    return [(job_name, step) for job_name, job in workflow["jobs"].items() for step in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_pins_every_action(path):
    workflow = yaml.safe_load(path.read_text())
    loose = [step["uses"] for _, step in workflow_steps(workflow) if "uses" in step and not PINNED.match(step["uses"])]
    assert not loose, f"{path.name}: actions not pinned to an exact version or commit: {loose}"


def commands(path: Path) -> list[str]:
    """Every shell command a workflow or the Read the Docs file runs, one per line."""
    data = yaml.safe_load(path.read_text())
    if path.name == ".readthedocs.yaml":
        jobs = data["build"]["jobs"]
        runs = [cmd for key in ("post_checkout", "install") for cmd in jobs.get(key, [])]
        runs += [cmd for cmds in jobs.get("build", {}).values() for cmd in cmds]
    else:
        runs = [step["run"] for _, step in workflow_steps(data) if "run" in step]
    return [line.strip() for run in runs for line in run.splitlines() if line.strip()]


def test_the_site_workflow_runs_the_readme_test_command_then_the_build():
    runs = commands(ROOT / ".github/workflows/site.yml")
    assert runs.index("bash .ci/run") < runs.index("make build"), runs
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = re.search(r"^make test\b", readme, re.M)
    assert test_command, "the README names no `make test` command"
    ci = [line for line in (ROOT / ".ci/run").read_text().splitlines() if line.strip() and not line.startswith("#")]
    assert ci[-1] == "make test", f".ci/run must end with the README's test command, not {ci[-1]!r}"


@pytest.mark.parametrize(
    "name",
    [
        *[f".github/workflows/{p.name}" for p in WORKFLOWS],
        ".readthedocs.yaml",
        "README.md",
        "docs/contributing.md",
        ".ci/run",
    ],
)
def test_every_make_target_named_exists(name):
    targets = sorted(set(MAKE_COMMAND.findall((ROOT / name).read_text(encoding="utf-8"))))
    for target in targets:
        proc = subprocess.run(["make", "-n", target], cwd=ROOT, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, f"{name} names `make {target}`, which does not exist: {proc.stderr}"


def test_the_drift_workflow_unpins_everything_but_torch(tmp_path):
    """Its `Unpin` step, run for real on a copy of requirements.txt."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/drift.yml").read_text())
    step = next(step for _, step in workflow_steps(workflow) if step.get("name", "").startswith("Unpin"))
    (tmp_path / "requirements.txt").write_text((ROOT / "requirements.txt").read_text())
    subprocess.run(["bash", "-e", "-c", step["run"].replace("git diff --stat", "")], cwd=tmp_path, check=True)
    after = [line for line in (tmp_path / "requirements.txt").read_text().splitlines() if not line.startswith("#")]
    pinned = [line for line in after if "==" in line]
    assert pinned == [next(line for line in after if line.startswith("torch=="))], pinned
    names = {
        line.split("==")[0]
        for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line and not line.startswith("#")
    }
    assert {line.split("==")[0] for line in after} == names


def test_every_runner_uses_the_projects_python():
    """.python-version is the one place that names it (the pages quote it from there)."""
    version = (ROOT / ".python-version").read_text().strip()
    for path in WORKFLOWS:
        for name, job in yaml.safe_load(path.read_text())["jobs"].items():
            if "container" in job:
                assert job["container"] == f"python:{version}-bookworm", f"{path.name}: job {name}"
    rtd = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    assert rtd["build"]["tools"]["python"] == version
