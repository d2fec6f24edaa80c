// Render every arithmatex element with the site's own KaTeX (hooks/katex.py
// serves it from the npm package). Material's document$ emits on the first
// load and after every instant navigation, so math is rendered again when a
// reader moves between pages.
//
// Rendering is done a few formulas at a time, yielding to the browser between
// batches: a page with a hundred formulas rendered in one go blocks a phone's
// main thread for about a second. Pre-rendering at build time avoids that too,
// but KaTeX's HTML is about 2.5 KB a formula and the longest page would weigh
// 500 KB instead of 110 KB.
const BATCH_MS = 25;
let currentRun = 0;

document$.subscribe(({ body }) => {
  const run = ++currentRun;
  const pending = [...body.querySelectorAll(".arithmatex:not([data-katex])")];
  const renderBatch = () => {
    if (run !== currentRun) return; // the reader has moved on: that page has its own run
    const start = performance.now();
    while (pending.length && performance.now() - start < BATCH_MS) {
      const el = pending.shift();
      const tex = el.textContent.trim();
      const display = tex.startsWith("\\[");
      katex.render(tex.slice(2, -2), el, { displayMode: display, throwOnError: true });
      el.dataset.katex = "done";
    }
    if (pending.length) setTimeout(renderBatch, 0);
  };
  renderBatch();
});
