// The contrast with the page background of every stroke and fill an explorer draws,
// and of the colours its controls are drawn in (slider track and thumb, borders,
// focus ring): a list of those below 3:1 (WCAG's non-text contrast).
(root) => {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const rgb = (colours) => {
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 1, 1);
    for (const c of colours) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const bg = getComputedStyle(document.body).backgroundColor;
  const ratio = (colour) => { const [a, b] = [lum(rgb([bg, colour])), lum(rgb([bg]))].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  const problems = [];
  const check = (what, colour) => {
    if (!colour || colour === "none" || /rgba\(.*, 0\)$/.test(colour)) return;
    const r = ratio(colour);
    if (r < 3) problems.push(`${what}: ${colour} is ${r.toFixed(2)}:1 on the page`);
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
  return problems;
}
