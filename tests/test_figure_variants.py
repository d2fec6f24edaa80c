"""hooks/figure_variants.py: a figure with a narrow layout is shown in it on phones.

The built pages are checked in the browser (tests/test_layout.py: the file
shown at 390 px and its text size); these tests pin down the HTML rewrite.
"""

from figure_variants import NARROW_MAX, with_narrow_variants

LIGHT = '<img alt="A curve" src="../figures/curve-light.svg#only-light" />'
DARK = '<img alt="A curve" src="../figures/curve-dark.svg#only-dark"/>'  # as the notebook writes it
NARROW = {"figures/curve-narrow-light.svg", "figures/curve-narrow-dark.svg"}


def rewrite(content: str, page_uri: str = "autograd/", files=NARROW) -> str:
    return with_narrow_variants(content, page_uri, files.__contains__)


def test_each_palette_gets_its_own_narrow_file():
    assert rewrite(f"<p>{LIGHT}{DARK}</p>") == (
        f'<p><picture><source media="(max-width: {NARROW_MAX})" srcset="../figures/curve-narrow-light.svg">'
        f"{LIGHT}</picture>"
        f'<picture><source media="(max-width: {NARROW_MAX})" srcset="../figures/curve-narrow-dark.svg">'
        f"{DARK}</picture></p>"
    )


def test_the_img_keeps_the_src_material_switches_palettes_by():
    assert 'src="../figures/curve-light.svg#only-light"' in rewrite(LIGHT)


def test_a_figure_without_a_narrow_file_is_left_alone():
    assert rewrite(LIGHT, files=set()) == LIGHT


def test_rewriting_twice_changes_nothing():
    once = rewrite(LIGHT)
    assert rewrite(once) == once


def test_paths_resolve_from_the_home_page_and_the_offline_copy():
    home = LIGHT.replace("../figures/", "figures/")
    assert 'srcset="figures/curve-narrow-light.svg"' in rewrite(home, page_uri="")
    # The offline copy has no directory URLs: pages are autograd/index.html.
    assert 'srcset="../figures/curve-narrow-light.svg"' in rewrite(LIGHT, page_uri="autograd/index.html")


def test_only_the_sites_figures_folder_counts():
    elsewhere = LIGHT.replace("../figures/", "../images/")
    assert rewrite(elsewhere) == elsewhere
