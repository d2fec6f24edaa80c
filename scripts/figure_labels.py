#!/usr/bin/env python3
"""List the texts of a page's figures that a translation must cover.

    python scripts/figure_labels.py <page_slug> [--lang zh]

Draws each figure of snippets/<page_slug>/ (both layouts, light style) and
prints every text with Latin letters outside math, with its translation from
snippets/<page_slug>/figures.<lang>.toml, or MISSING. Exit status 1 if any is
missing. For translators; scripts/figures.py fails the same way.
"""

from __future__ import annotations

import argparse
import sys

import figures_plan as plan
import figures_render as render
import figures_text
import matplotlib.pyplot as plt
from matplotlib.text import Text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page_slug")
    parser.add_argument("--lang", default="zh", choices=figures_text.LANGUAGES)
    args = parser.parse_args(argv)
    folder = plan.ROOT / "snippets" / args.page_slug
    targets = [t for t in plan.discover(plan.ROOT / "snippets") if t.is_figure and t.folder == folder]
    if not targets:
        print(f"figure_labels.py: no figures in {plan.display(folder)}", file=sys.stderr)
        return 2
    toml = folder / figures_text.TRANSLATIONS.format(lang=args.lang)
    rules = figures_text.load(folder, args.lang) if toml.is_file() else []
    missing = 0
    with render._folder(folder):
        for target in targets:
            with render._blamed(target):
                draw, _ = render._draw_function(target, render._load(target))
                texts = set()
                for _, _, kwargs in render._variants(target, draw)[:2]:
                    figure = draw(**kwargs)
                    texts |= {t.get_text() for t in figure.findobj(Text) if t.get_visible()}
                    plt.close(figure)
            print(f"{target.name}:")
            for text in sorted(t for t in texts if figures_text.needs_translation(t)):
                translation = figures_text.translate(text, rules)
                missing += translation is None
                print(f"  {text!r} = {translation if translation is not None else 'MISSING'}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
