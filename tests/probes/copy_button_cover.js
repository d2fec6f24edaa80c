// Copy buttons that cover code or its title (tests/layout.py): a visible copy
// button must not share a line's height with any line of its code (the code
// scrolls sideways under it otherwise) nor touch a character of the title.
() => {
  const problems = [];
  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  for (const button of document.querySelectorAll("[data-md-type='copy']")) {
    if (!button.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
    const box = button.getBoundingClientRect();
    const code = document.querySelector(button.getAttribute("data-clipboard-target"));
    const where = `copy button of ${button.getAttribute("data-clipboard-target")}`;
    const lines = [...code.children].filter((line) => line.textContent.trim());
    const covered = lines.find((line) => {
      const r = line.getBoundingClientRect();
      return r.top < box.bottom && box.top < r.bottom;
    });
    if (covered) problems.push(`${where} sits beside code line "${covered.textContent.trim().slice(0, 40)}"`);
    const title = button.closest(".highlight").querySelector(":scope > .filename");
    if (!title) continue;
    const range = document.createRange();
    range.selectNodeContents(title);
    if ([...range.getClientRects()].some((r) => overlaps(r, box))) problems.push(`${where} covers its title "${title.textContent}"`);
  }
  return problems;
}
