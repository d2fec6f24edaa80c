// Every position of the one-weight explorer's slider in turn, as dragging it does
// (an input event each); at each, what the widget shows (as explorer_one_weight.js reads it).
(root) => {
  const range = root.querySelector("input[type=range]");
  const text = (selector) => root.querySelector(selector).textContent;
  const rows = [];
  for (let k = Number(range.min); k <= Number(range.max); k++) {
    range.value = k;
    range.dispatchEvent(new Event("input", { bubbles: true }));
    rows.push({
      position: k, eta: root.dataset.eta, last: root.dataset.last, r: text(".ex-r"),
      counted: text(".ex-counted"), predicted: text(".ex-predicted"), valuetext: range.getAttribute("aria-valuetext"),
    });
  }
  return rows;
}
