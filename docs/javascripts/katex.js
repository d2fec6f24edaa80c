// Render every arithmatex element with the site's own KaTeX. Material's
// document$ emits on the first load and after every instant navigation, so
// math is rendered again when a reader moves between pages.
document$.subscribe(({ body }) => {
  for (const el of body.querySelectorAll(".arithmatex")) {
    if (el.dataset.katex) continue;
    const tex = el.textContent.trim();
    const display = tex.startsWith("\\[");
    katex.render(tex.slice(2, -2), el, { displayMode: display, throwOnError: true });
    el.dataset.katex = "done";
  }
});
