"""Debian's Chromium, the browser every browser check drives (tests/ and scripts/lighthouse.py).

Never `playwright install`: it downloads a browser, and this machine cannot.
playwright's `launch()` gives every browser a fresh temporary profile, so no
`--user-data-dir` is passed (playwright refuses one there).
"""

from __future__ import annotations

import os

CHROMIUM = "/usr/bin/chromium"
# Headless as root, with nothing phoning home: no sandbox (root), no GPU, no QUIC,
# no first-run, background, component-update or sync traffic.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = (
    f"{CHROMIUM} is missing: install Debian's browser with "
    "`apt-get update && apt-get install -y chromium` (bash .ci/run does this)"
)


def chromium_present() -> bool:
    return os.access(CHROMIUM, os.X_OK)


def launch_browser(playwright, **kwargs):
    """Debian's Chromium, headless, with CHROMIUM_FLAGS and a fresh temporary profile."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True, **kwargs)
