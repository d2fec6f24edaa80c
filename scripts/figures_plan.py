"""What scripts/figures.py has to build: the targets, their input hashes, the manifest.

Standard library only, on purpose: a run with nothing to do must finish without
importing matplotlib or torch, so everything needed to decide that lives here.

A *target* is one figure (written as `figures/<name>-light.<ext>` and
`-dark.<ext>`, and `-narrow-light`/`-narrow-dark` too when its function takes
`narrow`) or one numbers module (`snippets/<page_slug>/values.py`, named
`values:<page_slug>`, written as `values/<page_slug>.json`). A figure module
`snippets/<page_slug>/fig_<name>.py` defines `draw()`, the figure `<name>`; or
it declares several figures at once with a dict literal
`FIGURES = {"<name>": function, ...}`, read here without running the module.

The *manifest* (`<out>/.generated.json`, committed next to the outputs and
hidden from MkDocs by its leading dot) records, per target, the hash of its
inputs and of every file it wrote. A target is up to date when both still match,
so a fresh clone with committed figures rebuilds nothing, and a hand-edited or
deleted output is rebuilt.
"""

import ast
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
from project_files import write_atomic  # noqa: E402,F401 - after hooks/ is on the path; figures.py writes with it
from snippet_roles import FIGURE_PREFIX, VALUES_FILE  # noqa: E402 - likewise

SCRIPTS = Path(__file__).resolve().parent
STYLES = {"light": SCRIPTS / "styles" / "light.mplstyle", "dark": SCRIPTS / "styles" / "dark.mplstyle"}
# The pinned versions of everything that draws: bumping a pin rebuilds every output.
PINS = ROOT / "requirements.txt"
REPRODUCIBLE = ROOT / "hooks" / "reproducible.py"  # the environment figure code runs under
MANIFEST = ".generated.json"
OUTPUT_DIRS = ("figures", "values")  # under --out; every file in them is generated
VALUES_PREFIX = "values:"


class PlanError(Exception):
    """A problem with the snippets tree itself, reported as one line."""


@dataclass(frozen=True)
class Target:
    name: str  # "<name>" for a figure, "values:<page_slug>" for numbers
    source: Path  # the module that draws or computes it
    declared: bool = False  # one of the module's FIGURES, not its draw()

    @property
    def is_figure(self):
        return not self.name.startswith(VALUES_PREFIX)

    @property
    def folder(self):
        return self.source.parent


def display(path):
    """A path as the reader should see it: relative to the repository when inside it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def discover(snippets):
    """Every target under `snippets`, sorted by name. Fails on a name defined twice."""
    if not snippets.is_dir():
        raise PlanError(f"{display(snippets)}: snippets folder not found")
    found = {}
    for folder in sorted(p for p in snippets.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
        targets = []
        for source in sorted(folder.glob(f"{FIGURE_PREFIX}*.py")):
            declared = declared_figures(source)
            if declared is None:
                targets.append(Target(source.stem[len(FIGURE_PREFIX) :], source))
            else:
                targets += [Target(name, source, declared=True) for name in declared]
        if (folder / VALUES_FILE).is_file():
            targets.append(Target(VALUES_PREFIX + folder.name, folder / VALUES_FILE))
        for target in targets:
            if target.name in found:
                raise PlanError(
                    f"{display(target.source)}: figure name '{target.name}' is already defined by "
                    f"{display(found[target.name].source)}; figure names must be unique"
                )
            found[target.name] = target
    return [found[name] for name in sorted(found)]


def declared_figures(source):
    """The names in a module's `FIGURES = {...}` dict literal, or None if it declares none."""
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    except SyntaxError:
        return None  # reported with its line when the module is run
    for node in tree.body:
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        )
        if any(isinstance(t, ast.Name) and t.id == "FIGURES" for t in targets):
            keys = node.value.keys if isinstance(node.value, ast.Dict) else None
            if not keys or not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in keys):
                raise PlanError(
                    f"{display(source)}:{node.lineno}: FIGURES must be a dict literal whose keys "
                    "are the figure names, as strings"
                )
            return [k.value for k in keys]
    return None


def _sha(data):
    return hashlib.sha256(data).hexdigest()[:16]


def _folder_files(folder):
    """Every file of a snippet folder: the module, the siblings it may import, any data."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        if path.is_file() and "__pycache__" not in parts and not any(p.startswith(".") for p in parts):
            yield path


def input_hash(target):
    """The hash of everything a target's bytes depend on."""
    digest = hashlib.sha256()

    def add(label, data):
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    add("target", target.name.encode())
    add("module", target.source.name.encode())
    for path in _folder_files(target.folder):
        add("snippet:" + path.relative_to(target.folder).as_posix(), path.read_bytes())
    # The pipeline itself (this file, the renderer, the entry point, the environment) and the pins.
    for path in [*sorted(SCRIPTS.glob("figures*.py")), REPRODUCIBLE]:
        add("pipeline:" + path.name, path.read_bytes())
    add("pins", PINS.read_bytes())
    if target.is_figure:
        for variant, path in STYLES.items():
            add("style:" + variant, path.read_bytes())
    return digest.hexdigest()[:16]


def output_hash(data):
    return _sha(data)


def file_hash(path):
    try:
        return _sha(path.read_bytes())
    except FileNotFoundError:
        return None


def load_manifest(out):
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError:
        return {}  # a broken manifest only means everything is rebuilt


def manifest_text(manifest):
    return json.dumps(manifest, indent=2, sort_keys=True) + "\n"


def manifest_entry(inputs, outputs, sizes=None):
    """`outputs` maps paths relative to --out to their bytes; `sizes`, figures to [smallest text pt, width pt]."""
    entry = {"inputs": inputs, "outputs": {rel: output_hash(data) for rel, data in sorted(outputs.items())}}
    if sizes:
        entry["text_pt"] = dict(sorted(sizes.items()))
    return entry


def is_up_to_date(entry, inputs, out):
    if not entry or entry.get("inputs") != inputs or not entry.get("outputs"):
        return False
    return all(file_hash(out / rel) == sha for rel, sha in entry["outputs"].items())


def existing_outputs(out):
    """Every file under the generated folders of `out`, as paths relative to it."""
    found = set()
    for name in OUTPUT_DIRS:
        folder = out / name
        if folder.is_dir():
            found.update(p.relative_to(out).as_posix() for p in folder.rglob("*") if p.is_file())
    return found
