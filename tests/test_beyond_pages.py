"""The two "Beyond the post" pages as pages: their files, numbers, exercises and figures.

docs/beyond-the-post.md and docs/training-in-pytorch.md follow the same
rules, checked here for both: the page's code is one file,
snippets/<slug>/<slug>.py, with its sections in page order (so no code is
copied between files); its data block is the gradient-descent page's; run
alone, it prints exactly the outputs the page shows under its blocks; every
number in the prose comes from the page's values.py, and the committed
numbers file is current; 4 to 6 exercises, each with a checked solution;
figures that fit a phone. The claims of each page are checked in
test_beyond_the_post.py and test_training_in_pytorch.py.
"""

import json
import re

import matplotlib
import matplotlib.style
import matplotlib.text
import pytest
from page_claims import (
    ROOT,
    exercise_problems,
    load,
    macros,
    sections,
    shown_outputs,
    standalone_stdout,
    typed_numbers,
)

matplotlib.use("Agg")

# page slug -> its figures; the page's code is the one file snippets/<slug>/<slug>.py
PAGES = {
    "beyond_the_post": ["fig_scaling_convergence"],
    "training_in_pytorch": ["fig_minibatch", "fig_nonconvex_slice"],
}
FIGURES = [(slug, name) for slug, names in PAGES.items() for name in names]
INCLUDE = re.compile(r'--8<-- "(snippets/[^":]+):\w+"')


def page(slug):
    return ROOT / "docs" / f"{slug.replace('_', '-')}.md"


def folder(slug):
    return ROOT / "snippets" / slug


def code(slug):
    """The page's one code file, as the page names it."""
    return f"snippets/{slug}/{slug}.py"


@pytest.mark.parametrize("slug", PAGES)
def test_the_page_embeds_one_file(slug):
    assert set(INCLUDE.findall(page(slug).read_text(encoding="utf-8"))) == {code(slug)}


@pytest.mark.parametrize("slug", PAGES)
def test_data_block_is_the_gradient_descent_pages(slug):
    ours = sections(ROOT / code(slug))["data"]
    assert ours == sections(ROOT / "snippets/gradient_descent/gradient_descent.py")["data"]


@pytest.mark.parametrize("slug", PAGES)
def test_the_file_alone_prints_what_the_page_shows_for_its_blocks(slug):
    shown = shown_outputs(page(slug), code(slug))
    assert [section for section, _ in shown] == list(sections(ROOT / code(slug)))
    assert standalone_stdout(ROOT / code(slug)) == "".join(output for _, output in shown)


@pytest.mark.parametrize("slug", PAGES)
def test_exercises_have_worked_solutions_and_one_asks_for_a_prediction(slug):
    assert exercise_problems(page(slug), code(slug)) == []


@pytest.mark.parametrize("slug", PAGES)
def test_every_number_in_the_prose_comes_from_values_and_is_current(slug):
    values = load(folder(slug), "values").values()
    used = macros(page(slug), slug)
    assert used == set(values), f"unknown keys {used - set(values)}, unused keys {set(values) - used}"
    assert typed_numbers(page(slug)) == []
    committed = json.loads((ROOT / "docs/values" / f"{slug}.json").read_text(encoding="utf-8"))
    assert committed == values


@pytest.mark.parametrize(("slug", "name"), FIGURES)
def test_figures_fit_a_phone(slug, name):
    """At most 4.5 inches wide, no text under 10 points, under the site's light style."""
    with matplotlib.style.context(str(ROOT / "scripts/styles/light.mplstyle")):
        figure = load(folder(slug), name).draw()
    assert figure.get_size_inches()[0] <= 4.5
    sizes = [t.get_fontsize() for t in figure.findobj(matplotlib.text.Text) if t.get_text().strip()]
    assert sizes and min(sizes) >= 10
