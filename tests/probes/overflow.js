// What sticks out of the viewport, or scrolls sideways where it should not
// (tests/layout.py). `scrollers` is a CSS selector of the elements that may
// scroll sideways (code, the widest formulas, tables' wrappers). Material
// clips the page at the viewport (html { overflow-x: hidden }), so an element
// that sticks out is cut off, not scrolled to: report the outermost such
// element that no scrolling box holds. Off-canvas parts of the page (the
// navigation drawer of a phone) lie wholly outside and are skipped.
(scrollers) => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      let part = e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "");
      part += [...e.classList].slice(0, 2).map((c) => `.${c}`).join("");
      parts.unshift(part);
      if (e.id) break;
    }
    const text = (el.textContent || el.getAttribute("alt") || "").replace(/\s+/g, " ").trim().slice(0, 40);
    return parts.join(" > ") + (text ? ` "${text}"` : "");
  };
  const scrolls = (el) => {
    const x = getComputedStyle(el).overflowX;
    return (x === "auto" || x === "scroll") && el.scrollWidth > el.clientWidth + 1;
  };
  const clipped = (el) => {
    // Whether a box between `el` and the body clips it (a scroller holds it).
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== "visible") return true;
    }
    return false;
  };
  const sticksOut = (el) => {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0 || r.left >= width) return false;
    return r.right > width + 1 || r.left < -1;
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    if (scrolls(el) && !el.matches(scrollers)) {
      problems.push(`${name(el)} scrolls sideways (${el.scrollWidth} px of content in ${el.clientWidth} px)`);
    }
    if (sticksOut(el) && !clipped(el) && !(el.parentElement && sticksOut(el.parentElement))) {
      const r = el.getBoundingClientRect();
      problems.push(`${name(el)} overflows the ${width} px viewport (from ${Math.round(r.left)} to ${Math.round(r.right)} px)`);
    }
  }
  return problems;
}
