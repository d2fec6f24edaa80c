// Render the math of notebook pages with the site's own KaTeX. nbconvert keeps
// $...$ and $$...$$ as text in Markdown cells and Markdown outputs, for MathJax
// to typeset from a CDN; hooks/notebook.py drops that script, and KaTeX's
// auto-render extension typesets the same delimiters here. Code and output
// blocks (<pre>, <code>) are skipped by auto-render.
document$.subscribe(({ body }) => {
  for (const el of body.querySelectorAll(".jupyter-wrapper .jp-RenderedMarkdown")) {
    if (el.dataset.katex) continue;
    renderMathInElement(el, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      throwOnError: true,
    });
    el.dataset.katex = "done";
  }
});
