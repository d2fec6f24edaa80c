// The colours of every stroke and fill an explorer draws, and of the colours its
// controls are drawn in (slider track and thumb, borders, focus ring), each as
// sRGB composited over the page background: [what, [r, g, b], [r, g, b] of the
// background]. tests/test_explorers_readers.py holds them to 3:1 (WCAG's non-text
// contrast) with tests/browser.py's contrast(), the one copy of the formula.
(root) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const rgb = (colours) => {
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 1, 1);
    for (const c of colours) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const bg = getComputedStyle(document.body).backgroundColor;
  const colours = [];
  const check = (what, colour) => {
    if (!colour || colour === "none" || /rgba\(.*, 0\)$/.test(colour)) return;
    colours.push([`${what}: ${colour}`, rgb([bg, colour]), rgb([bg])]);
  };
  for (const el of root.querySelectorAll("svg path, svg line, svg circle")) {
    const style = getComputedStyle(el);
    if (el.closest(".ex-ring") || el.classList.contains("ex-ring")) continue;  // drawn only on focus, checked below
    check(`stroke of <${el.tagName} class="${el.getAttribute("class")}">`, style.stroke);
    check(`fill of <${el.tagName} class="${el.getAttribute("class")}">`, style.fill);
  }
  const probe = document.createElement("span");
  root.append(probe);
  for (const name of ["--md-default-fg-color--light", "--md-typeset-a-color", "--md-accent-fg-color"]) {
    probe.style.color = `var(${name})`;
    check(`${name} (slider, borders, focus ring)`, getComputedStyle(probe).color);
  }
  probe.remove();
  return colours;
}
