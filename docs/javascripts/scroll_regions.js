// Wide formulas and tables that scroll sideways: reachable by keyboard, and
// showing that they scroll. An element scrolls when its content is wider than
// its box; then it gets tabindex="0" (so arrow keys can scroll it, axe's
// scrollable-region-focusable rule), an accessible name, and data-scroll set
// to "start", "middle" or "end", which extra.css turns into faded edges on
// the sides that hide more. Code blocks are Material's own business.
const SCROLLERS = ".md-typeset div.arithmatex, .md-typeset__scrollwrap";

function mark(el) {
  const scrolls = el.scrollWidth > el.clientWidth + 1;
  if (!scrolls) {
    if (el.dataset.scroll) {
      delete el.dataset.scroll;
      el.removeAttribute("tabindex");
      el.removeAttribute("role");
      el.removeAttribute("aria-label");
    }
    return;
  }
  if (!el.dataset.scroll) {
    el.tabIndex = 0;
    el.setAttribute("role", "region");
    el.setAttribute("aria-label", el.matches(".arithmatex") ? "Formula, scrolls sideways" : "Table, scrolls sideways");
  }
  const end = el.scrollLeft + el.clientWidth >= el.scrollWidth - 1;
  el.dataset.scroll = el.scrollLeft <= 0 ? "start" : end ? "end" : "middle";
}

function markAll() {
  document.querySelectorAll(SCROLLERS).forEach(mark);
}

// Capture phase: scroll events do not bubble.
document.addEventListener("scroll", (event) => {
  if (event.target instanceof Element && event.target.matches(SCROLLERS)) mark(event.target);
}, { capture: true, passive: true });
window.addEventListener("resize", () => requestAnimationFrame(markAll), { passive: true });
// katex.js tells when a batch of formulas has been rendered (their width changed).
document.addEventListener("math-rendered", () => requestAnimationFrame(markAll));
document$.subscribe(() => requestAnimationFrame(markAll));
