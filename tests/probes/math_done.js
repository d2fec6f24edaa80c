// Whether every formula of the page shown is rendered (tests/browser.py's
// render_all_math), having asked katex.js, once per article, to render them
// all as for printing. Asked only once katex.js has counted this page's
// formulas: the site's scripts start after the first paint
// (hooks/scripts_after_paint.py), which from file:// can come after `load`,
// and after instant navigation the count reads "stale" until katex.js runs.
// A page without katex.js (the fixture site) is asked at once.
() => {
  const pending = document.documentElement.dataset.mathPending;
  const katexJs = document.querySelector('[href$="/katex.js"], [src$="/katex.js"]');
  if (pending === "stale" || (pending === undefined && katexJs)) return false;
  const article = document.querySelector("article");
  if (article && !article.dataset.printed) {
    article.dataset.printed = "";
    dispatchEvent(new Event("beforeprint"));
  }
  return pending === "0" || [...document.querySelectorAll(".arithmatex")].every((el) => el.querySelector(".katex"));
}
