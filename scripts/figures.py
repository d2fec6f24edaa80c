#!/usr/bin/env python3
"""Regenerate the site's figures and numbers from the code in snippets/.

    python scripts/figures.py               # build whatever is stale (`make figures`)
    python scripts/figures.py --only loss   # one target (repeat --only for more)
    python scripts/figures.py --check       # regenerate into a temporary folder and compare

Each `snippets/<page_slug>/fig_<name>.py` is drawn under the light and the dark
style into `docs/figures/<name>-{light,dark}.svg` (or `.png` if the module sets
`FORMAT = "png"`); each `snippets/<page_slug>/values.py` is written to
`docs/values/<page_slug>.json`. A target whose inputs (see figures_plan.py) have
not changed since it was built is skipped without importing matplotlib or torch.

Exit status: 0 when everything is built (or matches, with --check); 1 when
figure code fails or --check finds a difference; 2 for a bad command line.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import figures_plan as plan

HEAVY_SVG = 400_000  # bytes; past this a PNG is usually the lighter file


# Two workers when there are two cores: the slowest folder (the one-neuron
# notebook's own training runs) then overlaps with all the others.
DEFAULT_JOBS = min(2, os.cpu_count() or 1)


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="regenerate into a temporary folder and compare with --out"
    )
    parser.add_argument(
        "--only", action="append", metavar="NAME", help="build only this figure (or values:<page_slug>)"
    )
    parser.add_argument("--force", action="store_true", help="rebuild even what is up to date")
    parser.add_argument(
        "--snippets", type=Path, default=plan.ROOT / "snippets", metavar="DIR", help="default: snippets/"
    )
    parser.add_argument("--out", type=Path, default=plan.ROOT / "docs", metavar="DIR", help="default: docs/")
    parser.add_argument(
        "--jobs",
        type=int,
        default=DEFAULT_JOBS,
        metavar="N",
        help="worker processes, one snippet folder each at a time (default: "
        f"{DEFAULT_JOBS}; 1 draws in this process, matplotlib and torch imported once)",
    )
    parser.add_argument("--traceback", action="store_true", help="print the full traceback when figure code fails")
    return parser.parse_args(argv)


def say(text):
    print(text, flush=True)


def fail(text):
    print(text, file=sys.stderr, flush=True)


def _render_folder(targets):
    """Render the targets of one snippet folder, in a worker process: a list, to send back."""
    import figures_render  # matplotlib: only when something is stale

    return list(figures_render.render_folder(targets))


def _rendered(targets, jobs):
    """Yield (target, outputs, sizes, error, traceback, seconds) as targets finish.

    A snippet folder is one unit of work: its sibling modules (the page's code)
    are imported once for all its figures. With more than one folder to draw
    and --jobs above 1, folders go to a small pool of worker processes, each
    importing matplotlib and torch once for all the folders it draws.
    """
    folders = {}
    for target in targets:
        folders.setdefault(target.folder, []).append(target)
    groups = sorted(folders.values(), key=len, reverse=True)
    if jobs <= 1 or len(groups) <= 1:
        for group in groups:
            import figures_render  # matplotlib: only when something is stale

            yield from figures_render.render_folder(group)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=min(jobs, len(groups))) as pool:
        for future in as_completed([pool.submit(_render_folder, group) for group in groups]):
            yield from future.result()


def build(targets, out, *, force, full, jobs, show_traceback):
    """Build the stale targets into `out`. Returns the number of targets that failed.

    `full` means `targets` is every target: only then are files no target
    writes any more (orphans) removed, and only when nothing failed, so a failed
    figure's previous files always stay.
    """
    started = time.perf_counter()
    manifest = plan.load_manifest(out)
    counts = {"built": 0, "cached": 0, "FAILED": 0}
    width = len(str(len(targets)))
    done = 0

    def report(status, seconds, target, detail=""):
        nonlocal done
        done += 1
        counts[status] += 1
        say(f"[{done:>{width}}/{len(targets)}] {status:<6} {seconds:5.2f} s  {target.name}{detail}")

    stale = []
    for target in targets:
        inputs = plan.input_hash(target)
        if not force and plan.is_up_to_date(manifest.get(target.name), inputs, out):
            report("cached", 0.0, target)
        else:
            stale.append((target, inputs))
    hashes = dict(stale)
    for target, outputs, sizes, error, trace, seconds in _rendered([t for t, _ in stale], jobs):
        if error:
            if show_traceback:
                fail(trace.rstrip())
            fail(error)
            report("FAILED", seconds, target)
            continue
        for rel, data in outputs.items():
            plan.write_atomic(out / rel, data)
        manifest[target.name] = plan.manifest_entry(hashes[target], outputs, sizes)
        heavy = max((len(data) for rel, data in outputs.items() if rel.endswith(".svg")), default=0) > HEAVY_SVG
        report(
            "built",
            seconds,
            target,
            "  -> "
            + ", ".join(sorted(Path(rel).name for rel in outputs))
            + (f'  (over {HEAVY_SVG // 1000} KB: consider FORMAT = "png")' if heavy else ""),
        )
    if full and not counts["FAILED"]:
        names = {t.name for t in targets}
        manifest = {name: entry for name, entry in manifest.items() if name in names}
        wanted = {rel for entry in manifest.values() for rel in entry["outputs"]}
        for rel in sorted(plan.existing_outputs(out) - wanted):
            (out / rel).unlink()
            say(f"removed {plan.display(out / rel)}: no figure or values module writes it")
    plan.write_atomic(out / plan.MANIFEST, plan.manifest_text(manifest).encode())
    summary = ", ".join(f"{n} {s.lower()}" for s, n in counts.items() if n)
    say(f"figures: {summary or 'nothing to build'} in {time.perf_counter() - started:.2f} s")
    return counts["FAILED"]


def check(targets, out, *, full, jobs, show_traceback):
    """Regenerate `targets` into a temporary folder; list every output that differs from `out`."""
    with tempfile.TemporaryDirectory(prefix="figures-check-") as tmp:
        fresh = Path(tmp)
        if build(targets, fresh, force=True, full=full, jobs=jobs, show_traceback=show_traceback):
            return 1
        expected = plan.load_manifest(fresh)
        committed = plan.load_manifest(out)
        problems = []
        for target in targets:
            for rel in expected[target.name]["outputs"]:
                if not (out / rel).is_file():
                    problems.append(f"{plan.display(out / rel)}: missing; {target.name} writes it")
                elif (out / rel).read_bytes() != (fresh / rel).read_bytes():
                    problems.append(f"{plan.display(out / rel)}: differs from a fresh regeneration of {target.name}")
        if full:
            wanted = {rel for entry in expected.values() for rel in entry["outputs"]}
            for rel in sorted(plan.existing_outputs(out) - wanted):
                problems.append(f"{plan.display(out / rel)}: orphaned; no figure or values module writes it")
        names = sorted(expected) if full else [t.name for t in targets]
        stale = [n for n in names if committed.get(n) != expected.get(n)]
        stale += sorted(set(committed) - set(expected)) if full else []
        if stale:
            problems.append(f"{plan.display(out / plan.MANIFEST)}: stale entries for {', '.join(stale)}")
    for problem in problems:
        fail(problem)
    if problems:
        fail(f"figures --check: {len(problems)} problem(s); run `make figures` and commit what it writes")
        return 1
    say(
        f"figures --check: all {sum(len(e['outputs']) for e in expected.values())} outputs "
        f"of {len(targets)} targets match a fresh regeneration"
    )
    return 0


def main(argv=None):
    args = parse_args(argv)
    args.snippets, args.out = args.snippets.resolve(), args.out.resolve()
    os.chdir(plan.ROOT)  # snippet code runs from the repository root, as the contract says
    try:
        targets = plan.discover(args.snippets)
    except plan.PlanError as exc:
        fail(str(exc))
        return 2 if not args.snippets.is_dir() else 1
    if args.only:
        known = {t.name: t for t in targets}
        unknown = [name for name in args.only if name not in known]
        if unknown:
            fail(
                f"figures.py: unknown name {', '.join(map(repr, unknown))}; "
                f"valid names: {', '.join(known) or '(none: no fig_*.py or values.py found)'}"
            )
            return 2
        targets = [known[name] for name in dict.fromkeys(args.only)]
    out, full = args.out, not args.only
    if args.check:
        return check(targets, out, full=full, jobs=args.jobs, show_traceback=args.traceback)
    return 1 if build(targets, out, force=args.force, full=full, jobs=args.jobs, show_traceback=args.traceback) else 0


if __name__ == "__main__":
    sys.exit(main())
