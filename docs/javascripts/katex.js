// Render every arithmatex element with the site's own KaTeX (hooks/katex.py
// serves it from the npm package). Material's document$ emits on the first
// load and after every instant navigation, so math is rendered again when a
// reader moves between pages.
//
// The math on screen is rendered at once, so that nothing visible moves
// later; the rest follows a few formulas at a time, yielding to the browser
// between batches: rendering a hundred formulas in one go blocks a phone's main
// thread for about a second. (Pre-rendering at build time avoids that too, but
// KaTeX's HTML is about 2.5 KB a formula: the longest page would weigh 500 KB
// instead of 110 KB.)
const BATCH_MS = 8;
let currentRun = 0;

function render(el) {
  const tex = el.textContent.trim();
  katex.render(tex.slice(2, -2), el, { displayMode: tex.startsWith("\\["), throwOnError: true });
  el.dataset.katex = "done";
}

document$.subscribe(({ body }) => {
  const run = ++currentRun;
  const pending = [...body.querySelectorAll(".arithmatex:not([data-katex])")];
  const onScreen = pending.filter((el) => el.getBoundingClientRect().top < window.innerHeight);
  onScreen.forEach(render);
  const later = pending.filter((el) => !el.dataset.katex);
  const renderBatch = () => {
    if (run !== currentRun) return; // the reader has moved on: that page has its own run
    const start = performance.now();
    while (later.length && performance.now() - start < BATCH_MS) render(later.shift());
    // How many formulas are left: the browser tests wait for 0, however busy the machine.
    document.documentElement.dataset.mathPending = later.length;
    if (later.length) setTimeout(renderBatch, 0);
    else document.dispatchEvent(new Event("math-rendered")); // scroll_regions.js measures them
  };
  renderBatch();
});
