"""Material's start-up restyles nothing on any page (overrides/main.html).

The bundle swaps <html>'s "no-js" class for "js" and "js-focus-visible" and
rewrites every relative href as an absolute URL. Once the body is parsed, each
change of the root's class restyles every element, and each stylesheet <link>
whose href changes is applied again and relays out the page. The script at the
end of <head> makes the same changes before the body exists; here no such
change may happen after parsing, and the page must end up as the bundle leaves it.
"""

from browser import probe

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
