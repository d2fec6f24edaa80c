// Formulas, tables and code that scroll sideways: reachable by keyboard, and
// showing that they scroll. An element scrolls when its content is wider than
// its box; then it gets data-scroll set to "start", "middle" or "end", which
// extra.css turns into faded edges on the sides that hide more. Formulas and
// tables also get tabindex="0" (so arrow keys can scroll them, axe's
// scrollable-region-focusable rule) and a name of their own. Code blocks get
// a tabindex too where a pointer can hover, as Material gives them: it mounts
// each block only as it nears the screen (content.lazy), so the rest would
// have none until the reader got there.
const FOCUSABLE = ".md-typeset div.arithmatex, .md-typeset__scrollwrap";
const SCROLLERS = `${FOCUSABLE}, .md-typeset pre > code`;
const HOVER = matchMedia("(hover)");

// Each region's name is its own (axe's landmark-unique): "Formula 3, scrolls
// sideways" is the page's third display formula, scrolling or not, so the
// names do not change when the window is resized.
function label(el) {
  const formula = el.matches(".arithmatex");
  const kin = [...document.querySelectorAll(formula ? ".md-typeset div.arithmatex" : ".md-typeset__scrollwrap")];
  return `${formula ? "Formula" : "Table"} ${kin.indexOf(el) + 1}, scrolls sideways`;
}

// Measuring is kept apart from marking: reading every width first and writing
// every attribute after costs one layout, where reading and writing in turn
// costs one layout per region (hundreds of ms on a phone, Lighthouse's TBT).
function measure(el) {
  if (el.scrollWidth <= el.clientWidth + 1) return null;
  const end = el.scrollLeft + el.clientWidth >= el.scrollWidth - 1;
  return el.scrollLeft <= 0 ? "start" : end ? "end" : "middle";
}

function mark(el, scroll) {
  const named = el.matches(FOCUSABLE);
  if (!scroll) {
    if (el.dataset.scroll) {
      delete el.dataset.scroll;
      ["tabindex", "role", "aria-label"].forEach((name) => el.removeAttribute(name));
    }
    return;
  }
  if (!el.dataset.scroll) {
    if (named || HOVER.matches) el.tabIndex = 0;
    if (named) {
      el.setAttribute("role", "region");
      el.setAttribute("aria-label", label(el));
    }
  }
  if (el.dataset.scroll !== scroll) el.dataset.scroll = scroll;
}

function markEach(regions) {
  const scrolls = regions.map(measure);
  regions.forEach((el, i) => mark(el, scrolls[i]));
}

const markAll = () => markEach([...document.querySelectorAll(SCROLLERS)]);

// Capture phase: scroll events do not bubble.
document.addEventListener("scroll", (event) => {
  if (event.target instanceof Element && event.target.matches(SCROLLERS)) mark(event.target, measure(event.target));
}, { capture: true, passive: true });
window.addEventListener("resize", () => requestAnimationFrame(markAll), { passive: true });
// katex.js tells which formulas it has just rendered (it renders as the reader
// scrolls): only they, and the tables holding them, changed width, so only they
// are measured again.
document.addEventListener("math-rendered", (event) => {
  const holders = (el) => [el.closest(FOCUSABLE), el.closest(".md-typeset__scrollwrap")];
  const changed = new Set(event.detail.flatMap(holders).filter(Boolean));
  requestAnimationFrame(() => markEach([...changed]));
});
document$.subscribe(() => requestAnimationFrame(markAll));
