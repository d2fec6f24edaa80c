// Chinese characters that render as boxes (tofu): each distinct Han character
// shown on the page is drawn on a canvas in its element's computed font and
// compared with U+0378, which no font has, so it always draws as the
// font's .notdef box. The same pixels mean the character has no glyph either.
// Font names alone prove nothing: DevTools may name DejaVu while every glyph is a box.
async () => {
  await document.fonts.ready;
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 48;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const pixels = (text, font) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = font;
    ctx.fillText(text, 4, 36);
    return ctx.getImageData(0, 0, 48, 48).data.join(",");
  };
  const han = /[\u3400-\u9fff]/gu;
  const fonts = new Map(); // font -> Set of characters
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const chars = node.textContent.match(han);
    const parent = node.parentElement;
    if (!chars || !parent || !parent.checkVisibility()) continue;
    const style = getComputedStyle(parent);
    const font = `${style.fontStyle} ${style.fontWeight} 32px ${style.fontFamily}`;
    if (!fonts.has(font)) fonts.set(font, new Set());
    chars.forEach((c) => fonts.get(font).add(c));
  }
  const boxes = new Set();
  let checked = 0;
  for (const [font, chars] of fonts) {
    const notdef = pixels("\u0378", font);
    for (const c of chars) {
      checked += 1;
      if (pixels(c, font) === notdef) boxes.add(c);
    }
  }
  return { checked, boxes: [...boxes] };
}
