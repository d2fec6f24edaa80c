#!/usr/bin/env python3
"""Serve a built site on 127.0.0.1 until stopped, as a static host would (`make serve`).

    python scripts/serve.py [--site-dir site] [--port 8000]

Every edition of `make build` is there: English at the root, Chinese under
zh/, and the offline zip. Pages are served under the path of `site_url`, with
gzip, by scripts/site_server.py. For an author's live reload of one edition,
`make live` runs `mkdocs serve` instead.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from site_server import serve_site


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    if not (args.site_dir / "sitemap.xml").is_file():
        print(f"serve.py: {args.site_dir}/sitemap.xml is missing: build the site first (make build)", file=sys.stderr)
        return 2
    with serve_site(args.site_dir, port=args.port) as url:
        print(f"Serving {args.site_dir} at {url} (English) and {url}zh/ (Chinese); Ctrl+C stops.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
