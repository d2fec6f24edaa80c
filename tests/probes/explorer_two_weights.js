// What the two-weight explorer shows: its rate, its start, its last weights, its steps.
(root) => ({
  eta: root.dataset.eta, w1: root.dataset.w1, w2: root.dataset.w2, last: root.dataset.last,
  steps: root.querySelector(".ex-steps").textContent,
})
