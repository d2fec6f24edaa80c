// Runs in a loaded page (tests/browser.py, content_problems): one line per
// problem a reader would see in the math and the images (the file a figure
// shows is img.currentSrc, which a <picture> may pick). Text contrast is
// axe-core's job (axe.js); figures are judged from their pixels in Python.
async (palette) => {
  const problems = [];
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const short = (text) => text.replace(/\s+/g, " ").trim().slice(0, 80);
  // A reader can open every collapsed block: check (and screenshot) what is inside too.
  for (const details of document.querySelectorAll("details")) details.open = true;

  // Math: every arithmatex element rendered by KaTeX, no TeX delimiters left in visible text.
  const math = [...document.querySelectorAll(".arithmatex")];
  const unrendered = math.filter((el) => !el.querySelector(".katex") || el.querySelector(".katex-error"));
  if (unrendered.length)
    problems.push(`${unrendered.length} of ${math.length} math elements not rendered, first: "${short(unrendered[0].textContent)}"`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const parent = node.parentElement;
    if (!parent || parent.closest("pre, code, script, style, textarea, .katex") || !shown(parent)) continue;
    const raw = node.textContent.match(/\\[([]|\$\$/);
    if (raw) problems.push(`raw math visible: "${short(node.textContent.slice(Math.max(0, raw.index - 30)))}"`);
  }

  // Images: loaded, with alt text; figures show the variant of the palette.
  const images = [...document.images];
  await Promise.allSettled(images.map((img) => img.decode()));
  for (const img of images) {
    const name = img.src.replace(location.origin, "");
    if (!img.complete || img.naturalWidth === 0) problems.push(`image did not load: ${name}`);
    if (!(img.getAttribute("alt") || "").trim()) problems.push(`image without alt text: ${name}`);
    const only = (name.match(/#only-(light|dark)$/) || [])[1];
    if (!only) continue;
    const file = img.src.split("#")[0];
    if (!file.endsWith(`-${only}.svg`)) problems.push(`figure ${name} is marked #only-${only} but is not the -${only}.svg variant`);
    // A <picture> may show another file (hooks/figure_variants.py): only the same figure's narrow layout.
    const shownFile = (img.currentSrc || img.src).split("#")[0];
    if (shownFile !== file && shownFile !== file.replace(/-(light|dark)\.svg$/, "-narrow-$1.svg"))
      problems.push(`figure ${name} shows ${shownFile.replace(location.origin, "")}, not its own narrow layout`);
    const other = only === "light" ? "dark" : "light";
    const pair = file.replace(/-(light|dark)\.svg$/, `-${other}.svg#only-${other}`);
    if (!images.some((i) => i.src === pair)) problems.push(`figure ${name} has no #only-${other} variant on the page`);
    if (shown(img.parentElement) && shown(img) !== (only === palette)) problems.push(`figure ${name} is ${shown(img) ? "shown" : "hidden"} in the ${palette} palette`);
  }
  return problems;
}
