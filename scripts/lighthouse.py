"""Lighthouse scores of every page of the built site, on mobile and desktop.

    python scripts/lighthouse.py [--site-dir site] [--runs 3] [--form-factor mobile] [--json scores.json]

Serves the built site the way a static host does (gzip, under its site_url's
path: scripts/site_server.py), runs npm's `lighthouse` (pinned below, fetched by
`npx`; not a dependency of `make test`) in Debian's Chromium on every page,
prints performance, accessibility, best practices and SEO for each, and lists
the failing audits of every score under its target. Exits 1 if a target is
missed. On this 2-core machine one page's performance score can move by 10
points or more between identical runs, so each page is measured several times and
the run with the median performance score is reported (Lighthouse's own advice
on variability: https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md);
the other three categories do not move. Most of that spread has one cause,
seen in Chromium's traces: in some runs the first frame waits about a second
with the main thread idle (more often in a machine's first half hour), and
Lighthouse's simulation then counts every script before it. Each row shows
the unthrottled first paint of every run, so a low score from such a run
can be told from a slow page.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_FLAGS, MISSING_CHROMIUM, chromium_present
from site_server import serve_site, site_pages

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = "lighthouse@13.5.0"
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
# category -> (form factor or None for both, lowest acceptable score)
TARGETS = {
    "accessibility": (None, 100),
    "best-practices": (None, 100),
    "seo": (None, 100),
    "performance": ("mobile", 98),
}
FORM_FACTORS = ["mobile", "desktop"]


def run_lighthouse(url: str, form_factor: str, out: Path) -> dict:
    cmd = [
        "npx",
        "--yes",
        LIGHTHOUSE,
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS]),
    ]
    if form_factor == "desktop":
        cmd.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not out.is_file():
        raise SystemExit(f"lighthouse failed on {url} ({form_factor}):\n{proc.stderr.strip()}")
    return json.loads(out.read_text())


def first_paint_ms(report: dict) -> int:
    """When the run's first content was painted, unthrottled, as the browser saw it."""
    return round(report["audits"]["metrics"]["details"]["items"][0]["observedFirstContentfulPaint"])


def median_run(url: str, form_factor: str, out: Path, runs: int) -> tuple[dict, list[int], list[int]]:
    """The report of the run with the median performance score, every run's score and first paint."""
    reports = [run_lighthouse(url, form_factor, out) for _ in range(runs)]
    perf = [round(100 * report["categories"]["performance"]["score"]) for report in reports]
    return reports[perf.index(statistics.median_low(perf))], perf, [first_paint_ms(r) for r in reports]


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost the category points, with their weights and what they found."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            shown = audit.get("displayValue") or ""
            items = (audit.get("details") or {}).get("items") or []
            nodes = [str((item.get("node") or {}).get("snippet") or item.get("url") or "")[:100] for item in items[:3]]
            lines.append(
                f"{audit['id']} (score {audit['score']}, weight {ref['weight']}) {shown} "
                + "; ".join(n for n in nodes if n)
            )
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="a built site (make build)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and form factor (median reported)")
    parser.add_argument("--form-factor", choices=FORM_FACTORS, action="append", help="only these (default: both)")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error(f"--runs must be 1 or more, not {args.runs}")
    if not chromium_present():
        print(MISSING_CHROMIUM, file=sys.stderr)
        return 1
    if not (args.site_dir / "sitemap.xml").is_file():
        print(f"{args.site_dir}/sitemap.xml is missing: build the site first (make build)", file=sys.stderr)
        return 1

    form_factors = args.form_factor or FORM_FACTORS
    scores, misses = {}, []
    header = f"{'page':<22}" + "".join(f"{f'{ff} {short}':>13}" for ff in form_factors for short in CATEGORIES.values())
    print(header)
    with serve_site(args.site_dir) as base, tempfile.TemporaryDirectory() as tmp:
        for path in site_pages(args.site_dir):
            row, spread = {}, []
            for form_factor in form_factors:
                report, perf, painted = median_run(base + path, form_factor, Path(tmp) / "report.json", args.runs)
                painted_ms = "/".join(map(str, painted))
                spread.append(f"{form_factor} perf {min(perf)}-{max(perf)}, first paint {painted_ms} ms")
                for category in CATEGORIES:
                    score = round(100 * report["categories"][category]["score"])
                    row[f"{form_factor} {category}"] = score
                    wanted_ff, target = TARGETS[category]
                    if wanted_ff in (None, form_factor) and score < target:
                        misses.append(
                            (path or "index", form_factor, category, score, target, failing_audits(report, category))
                        )
            scores[path or "index"] = row
            shown = "".join(f"{score:>13}" for score in row.values())
            print(f"{path or 'index':<22}{shown}   ({', '.join(spread)})", flush=True)
    if args.json:
        args.json.write_text(json.dumps(scores, indent=2) + "\n")
    for page, form_factor, category, score, target, audits in misses:
        print(f"\n{page} {form_factor} {category}: {score} < {target}")
        for line in audits:
            print(f"  - {line}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
