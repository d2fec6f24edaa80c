#!/usr/bin/env python3
"""Measure the speed and size targets, all in one run on this machine (`make bench`).

    python scripts/bench.py [--no-tests] [--strict]

Prints a Markdown table, ready to paste into the README:

- the bare `import torch, matplotlib.pyplot` (best of 3), the yardstick;
- a cold regeneration of every figure and numbers file (into an empty folder:
  no manifest, so everything is drawn), in one process and with a pool of two
  -- target: at most 3x the bare import;
- a run with nothing to do, right after -- target: under 1 s;
- `mkdocs build --strict` of each edition, cold (a fresh copy of the work
  tree, so no notebook cache; the Chinese edition then reuses the notebook
  the English one executed) and warm (the same copy again) -- target: warm
  under 5 s each; and `scripts/build.py`, both editions and the offline zip;
- the full test suite, `python -m pytest -q` (skipped with --no-tests);
- the HTML size of every built page -- target: at most 200 KB each.

Nothing in the work tree is written: everything happens in a temporary folder.
Exits 0 whatever the numbers (it is a report); with --strict, 1 if a target is missed.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Not --quiet: with it mkdocs stops counting warnings, and --strict lets them pass.
MKDOCS = [PYTHON, "-m", "mkdocs", "build", "--strict"]
IMPORT_RATIO, NOTHING_TO_DO_S, WARM_BUILD_S, PAGE_KB = 3.0, 1.0, 5.0, 200
# What a fresh clone would not have: build outputs, caches, the installed environment.
NOT_COPIED = {".venv", "node_modules", ".cache", "site", "site.tmp", ".pytest_cache", "__pycache__"}


def timed(command, cwd=ROOT):
    """(seconds, completed process) for one run of `command`; a failure is shown, not hidden."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-20:])
        print(f"bench: `{' '.join(map(str, command))}` failed (exit {proc.returncode}):\n{tail}", file=sys.stderr)
    return seconds, proc


def fresh_copy(destination):
    """The work tree as a fresh clone has it; the installed packages are linked, not copied."""
    shutil.copytree(ROOT, destination, ignore=lambda folder, names: [n for n in names if n in NOT_COPIED])
    (destination / "node_modules").symlink_to(ROOT / "node_modules")
    return destination


def verdict(ok):
    return "pass" if ok else "**MISSED**"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="skip the full test suite (slow)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args(argv)

    rows, missed = [], []

    def row(what, seconds, target="", ok=None, proc=None):
        if proc is not None and proc.returncode != 0:
            what, ok = f"{what}: **FAILED** (exit {proc.returncode})", False
        rows.append((what, f"{seconds:.2f} s", target, "" if ok is None else verdict(ok)))
        if ok is False:
            missed.append(what)

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        print("bench: bare import ...", file=sys.stderr)
        bare = min(timed([PYTHON, "-c", "import torch, matplotlib.pyplot"])[0] for _ in range(3))
        row("bare `import torch, matplotlib.pyplot` (best of 3)", bare)

        print("bench: figures ...", file=sys.stderr)
        figures = [PYTHON, str(ROOT / "scripts" / "figures.py"), "--out", str(tmp / "docs")]
        cold, proc = timed(figures)
        built = proc.stdout.count("] built ")
        row(
            f"cold regeneration of all figures and numbers ({built} targets, default jobs)",
            cold,
            f"<= {IMPORT_RATIO:g} x import = {IMPORT_RATIO * bare:.2f} s",
            cold <= IMPORT_RATIO * bare,
            proc,
        )
        single, proc = timed([*figures[:-1], str(tmp / "docs-single"), "--jobs", "1"])
        row(
            "cold regeneration with `--jobs 1` (one process)",
            single,
            f"<= {IMPORT_RATIO * bare:.2f} s",
            single <= IMPORT_RATIO * bare,
            proc,
        )
        idle, proc = timed(figures)
        rebuilt = proc.stdout.count("] built ")  # must be 0: the first run left everything current
        row(
            "regeneration with nothing to do" + (f" (**rebuilt {rebuilt}**)" if rebuilt else ""),
            idle,
            f"< {NOTHING_TO_DO_S:g} s",
            idle < NOTHING_TO_DO_S and not rebuilt,
            proc,
        )

        print("bench: mkdocs build of each edition, cold and warm ...", file=sys.stderr)
        tree = fresh_copy(tmp / "tree")
        editions = [("English", "mkdocs.yml", ""), ("Chinese", "mkdocs.zh.yml", "zh")]
        for name, config, sub in editions:
            cold_build, proc = timed([*MKDOCS, "-f", config, "--site-dir", str(tmp / "site-cold" / sub)], cwd=tree)
            row(f"`mkdocs build --strict`, {name}, cold", cold_build, proc=proc)
        for name, config, sub in editions:
            warm_build, proc = timed([*MKDOCS, "-f", config, "--site-dir", str(tmp / "site" / sub)], cwd=tree)
            row(
                f"`mkdocs build --strict`, {name}, warm",
                warm_build,
                f"< {WARM_BUILD_S:g} s",
                warm_build < WARM_BUILD_S,
                proc,
            )
        whole, proc = timed([PYTHON, "scripts/build.py", "--site-dir", str(tmp / "site-whole")], cwd=tree)
        row("`make build` (both editions and the offline zip), warm", whole, proc=proc)

        if args.no_tests:
            rows.append(("full test suite", "skipped (--no-tests)", "", ""))
        else:
            print("bench: full test suite ...", file=sys.stderr)
            suite, proc = timed([PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider"])
            summary = (proc.stdout.strip().splitlines() or ["no output"])[-1].strip("= ")
            row(f"full test suite, `pytest -q` ({summary})", suite, proc=proc)

        pages = sorted(
            (p.relative_to(tmp / "site").as_posix(), p.stat().st_size) for p in (tmp / "site").rglob("*.html")
        )
        if not pages:
            missed.append("page sizes: no site was built")

    print("| Measure | Time | Target | |")
    print("| --- | ---: | --- | --- |")
    for cells in rows:
        print("| " + " | ".join(cells) + " |")
    print()
    print("| Page | HTML | Target | |")
    print("| --- | ---: | --- | --- |")
    for page, size in pages:
        ok = size <= PAGE_KB * 1000
        print(f"| `{page}` | {size / 1000:.1f} KB | <= {PAGE_KB} KB | {verdict(ok)} |")
        if not ok:
            missed.append(page)
    print()
    print(
        f"Measured {time.strftime('%Y-%m-%d')} on {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}; "
        + (f"missed: {', '.join(missed)}" if missed else "every target met")
        + "."
    )
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
