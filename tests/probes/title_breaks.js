// Code block titles (file paths) that wrap anywhere but after a "/" or a
// space (tests/layout.py): "gradient_descent.p" / "y" must never happen.
() => {
  const problems = [];
  for (const title of document.querySelectorAll(".highlight > .filename")) {
    if (!title.checkVisibility()) continue;
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let previous = null;
    for (let node; (node = walker.nextNode()); ) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (!rect.width) continue; // a collapsed space
        const char = node.data[i];
        const wraps = previous && rect.top > previous.bottom - 1;
        if (wraps && !/[/\s]/.test(previous.char)) {
          problems.push(`title "${title.textContent}" wraps after "${previous.line}"`);
        }
        previous = { char, bottom: rect.bottom, line: wraps || !previous ? char : previous.line + char };
      }
    }
  }
  return problems;
}
