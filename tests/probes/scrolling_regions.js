// Every box that scrolls sideways must be reachable by keyboard and show that
// it scrolls (tests/test_layout.py): docs/javascripts/scroll_regions.js fades
// the edges that hide more (data-scroll) and makes formulas and tables
// focusable; Material makes code blocks focusable where a pointer can hover.
// (Scroll bars are no sign: headless Chromium and phones hide them.)
(selector) => {
  const problems = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility() || el.scrollWidth <= el.clientWidth + 1) continue;
    const what = el.matches("code") ? `code block ${el.closest("pre").id}` : el.matches(".arithmatex") ? "formula" : "table";
    const name = `${what} "${el.textContent.replace(/\s+/g, " ").trim().slice(0, 40)}"`;
    if (!el.hasAttribute("tabindex") || el.tabIndex < 0) problems.push(`${name} scrolls sideways but cannot be reached by keyboard`);
    if (!el.dataset.scroll) problems.push(`${name} scrolls sideways but does not show it (no faded edge)`);
  }
  return problems;
}
