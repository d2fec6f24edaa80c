// Render every arithmatex element with the site's own KaTeX (hooks/katex.py
// serves it from the npm package). Material's document$ emits on the first
// load and after every instant navigation, so math is rendered again when a
// reader moves between pages.
//
// Formulas are rendered as they come near the screen, not all at load: each
// rendered formula adds dozens of elements, and rendering a page's hundreds
// at once kept a phone's main thread busy for over a second (Lighthouse's
// Total Blocking Time). The first screen's formulas come rendered in the HTML
// (hooks/math_first_screen.py, marked data-katex), so nothing the reader sees
// at load moves later; the rest is rendered half a screen before it scrolls
// into view, and KaTeX itself (270 KB of script) is loaded only then: on a
// phone, not until the reader scrolls. Printing
// renders all of it. (Pre-rendering every formula at build time would avoid
// the work too, but KaTeX's HTML is about 2.5 KB a formula: the longest page
// would weigh 600 KB instead of 117 KB.)
//
const KATEX_SCRIPT = new URL("../assets/katex/katex.min.js", document.currentScript.src);
let observer = null;
let katexLoaded = null;
let currentRun = 0;

function loadKatex() {
  if (typeof katex !== "undefined") return Promise.resolve();
  katexLoaded ??= new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: KATEX_SCRIPT.href });
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${KATEX_SCRIPT.href}`));
    document.body.append(script);
  });
  return katexLoaded;
}

function render(el) {
  if (el.dataset.katex) return;
  const tex = el.textContent.trim();
  katex.render(tex.slice(2, -2), el, { displayMode: tex.startsWith("\\["), throwOnError: true });
  el.dataset.katex = "done";
}

// How many formulas are not rendered yet: the browser tests wait for 0,
// however busy the machine.
function rendered(formulas) {
  const left = document.querySelectorAll(".arithmatex:not([data-katex])").length;
  document.documentElement.dataset.mathPending = left;
  // scroll_regions.js measures them again
  if (formulas.length) document.dispatchEvent(new CustomEvent("math-rendered", { detail: formulas }));
}

// Printing shows every formula (the browser tests print to check them all).
async function renderAll() {
  const pending = [...document.querySelectorAll(".arithmatex:not([data-katex])")];
  if (!pending.length) return;
  await loadKatex();
  observer?.disconnect();
  pending.forEach(render);
  rendered(pending);
}

document$.subscribe(({ body }) => {
  const run = ++currentRun;
  observer?.disconnect();
  const pending = [...body.querySelectorAll(".arithmatex:not([data-katex])")];
  rendered([]);
  if (!pending.length) return;
  // No position is read here: reading them would lay out the whole page.
  observer = new IntersectionObserver(async (entries, self) => {
    const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
    if (!near.length) return;
    near.forEach((el) => self.unobserve(el));
    await loadKatex();
    if (run !== currentRun) return; // the reader has moved on: that page has its own run
    near.forEach(render);
    rendered(near);
  }, { rootMargin: "50% 0px" });
  pending.forEach((el) => observer.observe(el));
});

window.addEventListener("beforeprint", renderAll);
