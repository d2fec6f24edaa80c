// What the one-weight explorer (docs/javascripts/explorers.js) shows: its rate, its
// last iterate, the factor r, the counted and predicted steps, the slider's valuetext.
(root) => ({
  eta: root.dataset.eta,
  last: root.dataset.last,
  r: root.querySelector(".ex-r").textContent,
  counted: root.querySelector(".ex-counted").textContent,
  predicted: root.querySelector(".ex-predicted").textContent,
  valuetext: root.querySelector("input[type=range]").getAttribute("aria-valuetext"),
})
