#!/usr/bin/env python3
"""Rewrite every expected output on the pages from what the code prints now (`make outputs`).

    python scripts/outputs.py              # rewrite what drifted; list it
    python scripts/outputs.py --check      # list what drifted, write nothing (exit 1 if any)
    python scripts/outputs.py --docs-dir D # the pages under D instead of docs/

Each page's blocks run exactly as the tests run them (scripts/page_blocks.py:
in page order, in one fresh process). Every ```text block under an
`expected-output` marker becomes what its block printed; a declared traceback
keeps its `...` elision. Nothing else on a page changes, byte for byte. After a
torch upgrade this is one command, then a review of `git diff docs/`.

A block this cannot judge (one that raises an error the page does not show,
or shows an error it no longer raises) is listed as `page:line: ...` and then
nothing is written at all: exit status 1. A bad command line exits 2.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from block_runs import produced_output, run_page
from page_blocks import ROOT, Block, PageError, Site

sys.path.insert(0, str(ROOT / "hooks"))
from project_files import write_atomic


def rewritten(text: str, changes: list[tuple[Block, str]]) -> str:
    """The page `text` with each block's expected-output lines replaced by its new output."""
    lines = text.split("\n")
    # From the bottom up, so that earlier line numbers stay valid.
    for block, output in sorted(changes, key=lambda change: -change[0].output_place.first):
        place = block.output_place
        new = [(place.indent + line) if line else "" for line in output.splitlines()]
        lines[place.first - 1 : place.first - 1 + place.count] = new
    return "\n".join(lines)


def page_changes(site: Site, path: Path) -> list[tuple[Block, str]]:
    """(block, new output) for every block whose output drifted; PageError for what needs a person."""
    blocks = site.blocks(path)
    shown = [b for b in blocks if b.expected is not None and b.skip_reason is None]
    if not shown:
        return []
    results = run_page(blocks)
    changes = []
    for block in shown:
        output = produced_output(block, results)
        if output != block.expected:
            if block.output_place is None:
                raise PageError(
                    f"{block.where}: the output drifted, but it is included from another file: edit it there"
                )
            changes.append((block, output))
    return changes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="list the drifted outputs, write nothing")
    parser.add_argument("--docs-dir", type=Path, default=None, help="default: the docs_dir of mkdocs.yml")
    args = parser.parse_args(argv)
    if args.docs_dir is not None and not args.docs_dir.is_dir():
        print(f"outputs.py: {args.docs_dir}: no such folder", file=sys.stderr)
        return 2
    started = time.perf_counter()
    site = Site()
    pages = site.pages(args.docs_dir.resolve() if args.docs_dir else None)
    plan, problems = {}, []
    for path in pages:
        try:
            plan[path] = page_changes(site, path)
        except PageError as exc:
            problems.append(str(exc))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"outputs: {len(problems)} block(s) need a person; nothing was written", file=sys.stderr)
        return 1
    drifted = {path: changes for path, changes in plan.items() if changes}
    for path, changes in drifted.items():
        for block, _ in changes:
            print(f"{block.where}: output {'differs' if args.check else 'rewritten'}")
        if not args.check:
            write_atomic(path, rewritten(path.read_text(encoding="utf-8"), changes))
    count = sum(len(changes) for changes in drifted.values())
    seconds = time.perf_counter() - started
    if count:
        verb = "differ" if args.check else "rewritten"
        print(f"outputs: {count} output(s) {verb} on {len(drifted)} of {len(pages)} pages in {seconds:.1f} s")
    else:
        print(f"outputs: every output on {len(pages)} pages is current ({seconds:.1f} s)")
    return 1 if args.check and count else 0


if __name__ == "__main__":
    sys.exit(main())
