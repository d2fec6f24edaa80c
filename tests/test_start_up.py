"""Material's start-up restyles nothing on any page (overrides/main.html).

The bundle swaps <html>'s "no-js" class for "js" and "js-focus-visible" and
rewrites every relative href as an absolute URL; its palette component adds a
<meta name="color-scheme"> and sets its content. Once the body is parsed, each
change of the root's class or of that meta restyles every element, and each
stylesheet <link> whose href changes is applied again and relays out the page.
The script at the end of <head> makes the first two changes before the body
exists and keeps the meta out (extra.css gives <html> the palette's colour
scheme instead); here no such change may happen after parsing, the page must
end up as the bundle leaves it, and the viewport must follow the palette.
"""

from browser import probe, toggle_palette

STATE = """() => ({
  mutations: window.__startUpMutations,
  classes: [...document.documentElement.classList].sort(),
  relative: [...document.querySelectorAll('link[rel=stylesheet]')]
    .map((link) => link.getAttribute('href')).filter((href) => !/^[a-z]+:/.test(href)),
})"""


def test_start_up_changes_neither_the_root_class_nor_a_stylesheet(site, browser):
    url, pages = site
    context = browser.new_context(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True)
    context.add_init_script(probe("start_up_mutations"))
    problems = []
    try:
        for path in pages:
            page = context.new_page()
            page.goto(url + path, wait_until="networkidle")
            state, name = page.evaluate(STATE), path or "index"
            problems += [f"{name}: after parsing, {m}" for m in state["mutations"]]
            if state["classes"] != ["js", "js-focus-visible"]:
                problems.append(f"{name}: <html> has classes {state['classes']}, not js and js-focus-visible")
            problems += [f"{name}: stylesheet href still relative: {href}" for href in state["relative"]]
            page.close()
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_the_viewport_takes_the_palette_colour_scheme(site, new_page):
    url, _ = site
    page = new_page()
    page.emulate_media(color_scheme="dark")  # the system is dark; the reader picks light, then dark
    page.goto(url, wait_until="networkidle")
    scheme = "() => getComputedStyle(document.documentElement).colorScheme"
    shown = [page.evaluate(scheme)] + [(toggle_palette(page), page.evaluate(scheme))[1] for _ in range(2)]
    assert shown == ["dark", "normal", "dark"]
    assert page.locator('meta[name="color-scheme"]').count() == 0
