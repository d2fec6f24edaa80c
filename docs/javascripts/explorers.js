// Learning-rate explorers: one weight on docs/gradient-descent.md, two weights
// on the one-neuron-fit notebook. Each repeats its page's Python in float64,
// operation for operation, so the step counts shown are the code's counts
// and its iterates the same doubles (tests/test_explorers.py checks every
// slider position; data-eta, data-w1, data-w2 and data-last are for it). The numbers come
// from snippets/<page>/values.py through the data-explorer attribute
// (hooks/explorer_data.py). Plain script, no fetch: works from file:// too.
(() => {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const POSITIONS = 600; // slider positions, log-spaced

  const TEXT = {
    en: {
      colon: ": ", semicolon: "; ", rate: "Learning rate η", typed: "Type η", bad: "Type a positive number, such as 1e-4.",
      post: "the post’s η", "too small": "too small", good: "good", "too large": "too large",
      r: "Factor per step r = 1 − 2ηΣx²", counted: (tol) => `Steps to a relative error of ${tol}, counted`,
      predicted: "predicted by the formula", never: "never converges", notWithin: (n) => `not within ${n}`,
      neverNote: "|r| ≥ 1: every step keeps or grows the error.",
      plot1: "The cost J(w), with the first steps of gradient descent from w = 0 and the minimum w*",
      start: "Start point (w₁, w₂)", startHelp: "Drag the start point, or tap the chart; focused, it moves with the arrow keys (Shift: ten times further).",
      valley: "valley w₁w₂ = w*", startKey: "start", pathKey: "gradient-descent path",
      half: "half the local bound", bound: "the local bound", reset: "the seeded start",
      at: "Start", localBound: "Local bound η_max/(w₁² + w₂²)",
      steps2: (tol) => `Steps until |w₁w₂ − w*| ≤ ${tol}·w*`, noConv: "does not converge",
      stuck: " (an update changes nothing)", diverges: " (the weights overflow)", cap: (n) => ` (not within ${n} steps)`,
      plot2: "Contours of the loss over w₁ and w₂, the valley w₁w₂ = w* and the gradient-descent path from the start",
    },
    zh: {
      colon: "：", semicolon: "；", rate: "学习率 η", typed: "输入 η", bad: "请输入一个正数，例如 1e-4。",
      post: "原文的 η", "too small": "太小", good: "合适", "too large": "太大",
      r: "每步的误差因子 r = 1 − 2ηΣx²", counted: (tol) => `相对误差降到 ${tol} 所需步数（实际迭代）`,
      predicted: "公式预测", never: "永不收敛", notWithin: (n) => `${n} 步内未达到`,
      neverNote: "|r| ≥ 1：每一步都不会缩小误差。",
      plot1: "损失 J(w) 的曲线，从 w = 0 出发的前几步梯度下降，以及最小值点 w*",
      start: "起点 (w₁, w₂)", startHelp: "拖动起点，或点击图中任意位置；选中起点后可用方向键移动（按住 Shift 移动十倍距离）。",
      valley: "谷底 w₁w₂ = w*", startKey: "起点", pathKey: "梯度下降路径",
      half: "局部上界的一半", bound: "局部上界", reset: "恢复原来的起点",
      at: "起点", localBound: "局部步长上界 η_max/(w₁² + w₂²)",
      steps2: (tol) => `直到 |w₁w₂ − w*| ≤ ${tol}·w* 的步数`, noConv: "不收敛",
      stuck: "（更新已不再改变权重）", diverges: "（权重溢出，发散）", cap: (n) => `（${n} 步内未达到）`,
      plot2: "损失在 w₁、w₂ 平面上的等高线、谷底 w₁w₂ = w*，以及从起点出发的梯度下降路径",
    },
  };

  const el = (tag, attrs = {}, parent, text) => {
    const node = tag.startsWith("svg:") ? document.createElementNS(NS, tag.slice(4)) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.append(node);
    return node;
  };
  const sci = (v) => v.toExponential(3);
  const fixed = (v, d) => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v).toFixed(d);
  const ratio = (v) => (v >= 0.01 ? v.toFixed(2) : v.toPrecision(2));

  // NumPy's np.sum of a contiguous float64 array of 8 to 128 elements: eight
  // partial sums, combined pairwise, then the rest added in order.
  function npSum(a) {
    const r = a.slice(0, 8);
    let i = 8;
    for (; i < a.length - (a.length % 8); i += 8) for (let j = 0; j < 8; j++) r[j] += a[i + j];
    let s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < a.length; i++) s += a[i];
    return s;
  }

  // The slider, the field and the buttons: one learning rate, set any of three ways.
  function rateControls(root, t, d, lo, hi, buttons, onRate) {
    const box = el("div", { class: "ex-controls" }, root);
    const id = "ex-" + Math.random().toString(36).slice(2, 8);
    el("label", { for: id }, box, t.rate);
    const range = el("input", { type: "range", id, class: "ex-range", min: 0, max: POSITIONS, step: 1 }, box);
    const marks = el("div", { class: "ex-marks", "aria-hidden": "true" }, box);
    const place = (eta) => Math.log(eta / lo) / Math.log(hi / lo);
    const row = el("div", { class: "ex-row" }, box);
    const field = el("input", { type: "text", inputmode: "decimal", class: "ex-field", spellcheck: "false" }, el("label", {}, row, t.typed + " "));
    const list = el("div", { class: "ex-buttons" }, box);
    const byButton = [];
    let eta;
    const pressed = () => byButton.forEach(([b, get]) => b.setAttribute("aria-pressed", String(get() === eta)));
    const set = (value, how) => {
      eta = value;
      root.dataset.eta = eta.toPrecision(17);
      range.value = Math.round(Math.min(1, Math.max(0, place(eta))) * POSITIONS);
      range.setAttribute("aria-valuetext", `η = ${sci(eta)}, ${ratio(eta / d.eta_max)} η_max`);
      if (how !== "field") field.value = sci(eta);
      field.dataset.shown = field.value;
      pressed();
      onRate(eta, how);
    };
    range.addEventListener("input", () => set(Number((lo * (hi / lo) ** (range.value / POSITIONS)).toPrecision(4)), "slider"));
    // A typed rate applies on Enter or when the field loses focus, if it was edited.
    const typed = () => {
      if (field.value === field.dataset.shown) return;
      const v = Number(field.value.trim());
      if (v > 0 && Number.isFinite(v)) set(v, "field");
      else onRate(null, "bad");
    };
    field.addEventListener("change", typed);
    field.addEventListener("keydown", (e) => e.key === "Enter" && typed());
    let tier = 0;
    for (const [label, get, mark] of buttons) {
      const b = el("button", { type: "button", class: "ex-btn" }, list, label);
      b.addEventListener("click", () => set(get(), "button"));
      byButton.push([b, get]);
      if (mark) {
        // A tick at the rate's place on the track; labels of close rates on two rows.
        const p = place(get());
        el("b", { class: p < 0.05 ? "ex-first" : "" }, el("span", { style: `--p:${p};--row:${tier++ % 2}` }, marks), mark);
      }
    }
    return { set, pressed, get: () => eta };
  }

  function status(root) {
    return el("div", { class: "ex-status", role: "status", "aria-live": "polite", "aria-atomic": "true" }, root);
  }

  function line(parent, t, label, value, cls) {
    const p = el("p", {}, parent, label + t.colon);
    el("strong", { class: cls }, p, value);
    return p;
  }

  // --- one weight: the gradient-descent page ---------------------------------

  function oneWeight(root, d, t) {
    const x = d.x, y = d.y, ws = d.w_star, S = d.sum_xx;
    const gradient = (w) => 2 * npSum(x.map((xi, i) => (w * xi - y[i]) * xi));
    const cost = (w) => x.reduce((s, xi, i) => s + (w * xi - y[i]) ** 2, 0);
    // steps_to_tolerance: updates from w = 0 until |w - w*| <= tol |w*|; null
    // if never. The last iterate goes to data-last, for the test to check bits.
    const counted = (eta) => {
      let w = 0, k = 0, steps = null;
      while (k < d.max_steps) {
        w = w - eta * gradient(w);
        k++;
        if (Math.abs(w - ws) <= d.tol * Math.abs(ws)) {
          steps = k;
          break;
        }
        if (!Number.isFinite(w)) break; // inf or NaN stays so: it can never converge
      }
      root.dataset.last = `${k} ${w.toPrecision(17)}`;
      return steps;
    };
    const predicted = (eta) => {
      const r = Math.abs(1 - 2 * eta * S);
      if (r >= 1) return null;
      if (r === 0) return 1;
      return Math.ceil(Math.log(d.tol) / Math.log(r));
    };

    // The plot: J(w) over [lo, hi], iterates as dots joined by segments.
    const W = 480, H = 250, L = 44, R = 10, T = 12, B = 30;
    const wlo = -0.5 * ws, whi = 2.5 * ws, jmax = cost(whi) * 1.08;
    const X = (w) => L + ((w - wlo) / (whi - wlo)) * (W - L - R);
    const Y = (j) => T + (1 - j / jmax) * (H - T - B);
    const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t.plot1, class: "ex-wide" }, root);
    const fixedPart = el("svg:g", { "aria-hidden": "true" }, svg);
    el("svg:line", { x1: L, x2: W - R, y1: Y(0), y2: Y(0), class: "ex-axis" }, fixedPart);
    el("svg:line", { x1: X(0), x2: X(0), y1: T, y2: Y(0), class: "ex-axis" }, fixedPart);
    el("svg:line", { x1: X(ws), x2: X(ws), y1: T, y2: Y(0), class: "ex-star" }, fixedPart);
    let curve = "";
    for (let k = 0; k <= 80; k++) {
      const w = wlo + ((whi - wlo) * k) / 80;
      curve += `${k ? "L" : "M"}${X(w).toFixed(1)} ${Y(cost(w)).toFixed(1)}`;
    }
    el("svg:path", { d: curve, class: "ex-curve" }, fixedPart);
    el("svg:text", { x: X(0), y: H - 10, "text-anchor": "middle" }, fixedPart, "0");
    el("svg:text", { x: X(ws), y: H - 10, "text-anchor": "middle" }, fixedPart, "w*");
    el("svg:text", { x: W - R, y: H - 10, "text-anchor": "end" }, fixedPart, "w");
    el("svg:text", { x: L - 6, y: T + 10, "text-anchor": "end" }, fixedPart, "J(w)");
    // A nested svg clips iterates that jump off the chart.
    const plot = el("svg:svg", { x: L, y: 0, width: W - L - R, height: H - B + 6, viewBox: `${L} 0 ${W - L - R} ${H - B + 6}`, "aria-hidden": "true" }, svg);
    const steps = el("svg:g", {}, plot);

    let out;
    const draw = (eta, how) => {
      steps.replaceChildren();
      steps.classList.toggle("ex-anim", how === "button" || how === "field");
      let w = 0, path = "";
      for (let k = 0; k <= 30; k++) {
        const px = X(w), py = Y(cost(w));
        if (!Number.isFinite(px + py) || Math.abs(px) > 1e5 || Math.abs(py) > 1e5) break;
        path += `${k ? "L" : "M"}${px.toFixed(1)} ${py.toFixed(1)}`;
        el("svg:circle", { cx: px.toFixed(1), cy: py.toFixed(1), r: k ? 3.5 : 4.5, class: "ex-dot", style: `--i:${k}` }, steps);
        w = w - eta * gradient(w);
      }
      steps.prepend(el("svg:path", { d: path, class: "ex-path" }));
    };
    const show = (eta, how) => {
      if (eta === null) {
        out.replaceChildren(el("p", {}, null, t.bad));
        return;
      }
      draw(eta, how);
      const r = 1 - 2 * eta * S, n = counted(eta), m = predicted(eta);
      out.replaceChildren();
      line(out, t, "η", `${sci(eta)} = ${ratio(eta / d.eta_max)} η_max`);
      line(out, t, t.r, fixed(r, 4), "ex-r");
      const p = line(out, t, t.counted(d.tol.toExponential()), n === null ? (m === null ? t.never : t.notWithin(d.max_steps)) : String(n), "ex-counted");
      p.append(t.semicolon + t.predicted + t.colon);
      el("strong", { class: "ex-predicted" }, p, m === null ? t.never : String(m));
      if (m === null) el("p", { class: "ex-warn" }, out, t.neverNote);
    };

    const names = { eta_star: "η*", eta_max: "η_max" };
    const buttons = d.rates.map((rate) => [
      rate.name === "fraction" ? `${rate.label} η_max` : names[rate.name] || t[rate.name],
      () => rate.eta,
      { post: t.post, eta_star: "η*", eta_max: "η_max" }[rate.name],
    ]);
    const rate = rateControls(root, t, d, d.post_eta, 1.2 * d.eta_max, buttons, show);
    out = status(root);
    rate.set(d.rates.find((r) => r.name === "too small").eta, "init");
  }

  // --- two weights: the one-neuron fit ----------------------------------------

  function twoWeights(root, d, t) {
    const x = d.x, y = d.y, ws = d.w_star, n = x.length;
    // fit_product in float64: the loss (X.mm(w1).mm(w2) - Y).pow(2).sum() and
    // the gradients autograd computes for it, in its order: for each point
    // a = x w1, p = a w2, g = 2 (p - y) (pow's backward), then
    // dL/dw2 = sum of a g and dL/dw1 = sum of x (g w2), each a plain
    // left-to-right sum (what torch's mm does here under MKL_CBWR=COMPATIBLE).
    const fit = (lr, a, b) => {
      const path = [[a, b]];
      let why = "cap";
      for (let k = 1; k <= d.max_steps; k++) {
        let g1 = 0, g2 = 0;
        for (let i = 0; i < n; i++) {
          const ai = x[i] * a, g = 2 * (ai * b - y[i]);
          g2 += ai * g;
          g1 += x[i] * (g * b);
        }
        const a2 = a - lr * g1, b2 = b - lr * g2;
        path.push([a2, b2]);
        why = Math.abs(a2 * b2 - ws) <= d.tol * ws ? "met"
          : a2 === a && b2 === b ? "stuck" // the update changed nothing
          : !Number.isFinite(a2) || !Number.isFinite(b2) ? "diverges" // inf or NaN: it never comes back
          : "cap";
        [a, b] = [a2, b2];
        if (why !== "cap") break;
      }
      // The last weights, for the test to compare bit for bit with the notebook's.
      root.dataset.last = `${path.length - 1} ${a.toPrecision(17)} ${b.toPrecision(17)}`;
      return { steps: why === "met" ? path.length - 1 : null, why, path };
    };

    const S = 400, M = 28, Rng = 1.5;
    const P = (v) => M + ((v + Rng) / (2 * Rng)) * (S - 2 * M);
    const Q = (v) => S - P(v);
    const inv = (px) => ((px - M) / (S - 2 * M)) * 2 * Rng - Rng;
    const svg = el("svg:svg", { viewBox: `0 0 ${S} ${S}`, role: "group", "aria-label": t.plot2, class: "ex-square" }, root);
    const back = el("svg:g", { "aria-hidden": "true" }, svg);
    // Every contour of L = S (w1 w2 - w*)^2 + J(w*) is a level w1 w2 = c: a
    // hyperbola, one branch per sign of w1, drawn from its parametric form.
    const hyperbola = (c, cls) => {
      const r = Math.sqrt(Math.abs(c)), top = Math.log(Rng / r);
      for (const s of [1, -1]) {
        let dd = "";
        for (let k = 0; k <= 48; k++) {
          const u = -top + (2 * top * k) / 48, w1 = s * r * Math.exp(u), w2 = (Math.sign(c) * s * r) / Math.exp(u);
          dd += `${k ? "L" : "M"}${P(w1).toFixed(1)} ${Q(w2).toFixed(1)}`;
        }
        el("svg:path", { d: dd, class: cls }, back);
      }
    };
    for (const k of [0.5, 1.5, 2.5, 3.5]) for (const c of [ws * (1 + k), ws * (1 - k)]) hyperbola(c, "ex-contour");
    el("svg:line", { x1: P(-Rng), x2: P(Rng), y1: Q(0), y2: Q(0), class: "ex-axis" }, back);
    el("svg:line", { x1: P(0), x2: P(0), y1: Q(-Rng), y2: Q(Rng), class: "ex-axis" }, back);
    hyperbola(ws, "ex-valley");
    el("svg:text", { x: S - M, y: Q(0) + 18, "text-anchor": "end" }, back, "w₁");
    el("svg:text", { x: P(0) - 6, y: M + 12, "text-anchor": "end" }, back, "w₂");
    const plot = el("svg:svg", { x: M, y: M, width: S - 2 * M, height: S - 2 * M, viewBox: `${M} ${M} ${S - 2 * M} ${S - 2 * M}`, "aria-hidden": "true" }, svg);
    const trail = el("svg:g", {}, plot);
    const handle = el("svg:g", { tabindex: 0, role: "slider", class: "ex-handle", "aria-label": t.start, "aria-valuemin": -Rng, "aria-valuemax": Rng }, svg);
    el("svg:circle", { r: 22, class: "ex-hit" }, handle);
    el("svg:circle", { r: 13, class: "ex-ring" }, handle);
    el("svg:circle", { r: 7, class: "ex-start" }, handle);
    const legend = el("p", { class: "ex-legend", "aria-hidden": "true" }, root);
    for (const [cls, key, label] of [["ex-key-valley", "╌╌ ", t.valley], ["ex-key-start", "● ", t.startKey], ["ex-key-path", "•─ ", t.pathKey]]) {
      el("span", { class: cls }, legend, key);
      legend.append(label + "   ");
    }
    el("p", { class: "ex-help" }, root, t.startHelp);

    let a = d.start[0], b = d.start[1];
    const bound = () => d.eta_max / (a * a + b * b);
    const half = () => d.eta_max / (2 * (a * a + b * b)); // the notebook's lr_tuned, from this start
    let out, rate;
    const show = (lr) => {
      if (lr === null) {
        out.replaceChildren(el("p", {}, null, t.bad));
        return;
      }
      const f = fit(lr, a, b);
      // The path, leaving out points less than a pixel and a half from the last
      // one drawn; a dot at each of the first steps.
      let dd = "", last = null;
      trail.replaceChildren();
      for (const [k, [u, v]] of f.path.entries()) {
        const px = P(u), py = Q(v);
        if (!(Math.abs(u) < 10 * Rng && Math.abs(v) < 10 * Rng)) break;
        if (last && Math.hypot(px - last[0], py - last[1]) < 1.5) continue;
        dd += `${last ? "L" : "M"}${px.toFixed(1)} ${py.toFixed(1)}`;
        last = [px, py];
        if (k && k <= 30) el("svg:circle", { cx: px.toFixed(1), cy: py.toFixed(1), r: 3, class: "ex-dot" }, trail);
      }
      trail.prepend(el("svg:path", { d: dd, class: "ex-path" }));
      out.replaceChildren();
      line(out, t, t.at, `w₁ = ${a.toFixed(3)}, w₂ = ${b.toFixed(3)}, w₁w₂ = ${(a * b).toFixed(3)}`);
      line(out, t, "η", `${sci(lr)} = ${ratio(lr / bound())} × ${t.bound}`);
      line(out, t, t.localBound, a || b ? sci(bound()) : "∞");
      const p = line(out, t, t.steps2(d.tol.toExponential()), f.steps ? String(f.steps) : t.noConv, "ex-steps");
      if (!f.steps) p.append(f.why === "cap" ? t.cap(d.max_steps) : t[f.why]);
    };
    const move = (u, v, snap) => {
      a = Math.max(-Rng, Math.min(Rng, snap ? Math.round(u * 100) / 100 : u));
      b = Math.max(-Rng, Math.min(Rng, snap ? Math.round(v * 100) / 100 : v));
      root.dataset.w1 = a.toPrecision(17);
      root.dataset.w2 = b.toPrecision(17);
      handle.setAttribute("transform", `translate(${P(a).toFixed(1)} ${Q(b).toFixed(1)})`);
      handle.setAttribute("aria-valuenow", a.toFixed(2));
      handle.setAttribute("aria-valuetext", `w₁ = ${a.toFixed(2)}, w₂ = ${b.toFixed(2)}`);
      if (rate) {
        rate.pressed();
        show(rate.get());
      }
    };
    const at = (e) => {
      const m = svg.getScreenCTM().inverse(), q = new DOMPoint(e.clientX, e.clientY).matrixTransform(m);
      move(inv(q.x), inv(S - q.y), true);
    };
    handle.addEventListener("pointerdown", (e) => {
      handle.setPointerCapture(e.pointerId);
      handle.focus({ preventScroll: true });
      e.preventDefault();
    });
    handle.addEventListener("pointermove", (e) => handle.hasPointerCapture(e.pointerId) && at(e));
    // Chrome ignores touch-action inside an SVG: a touch that starts on the
    // point would scroll the page (and cancel the drag) unless stopped here.
    handle.addEventListener("touchstart", (e) => e.preventDefault(), { passive: false });
    svg.addEventListener("click", (e) => e.target.closest(".ex-handle") || at(e));
    handle.addEventListener("keydown", (e) => {
      const step = e.shiftKey ? 0.1 : 0.01;
      const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
      if (delta) move(a + delta[0], b + delta[1], true);
      else if (e.key === "Home") move(d.start[0], d.start[1], false);
      else return;
      e.preventDefault();
    });
    move(a, b, false);
    const buttons = [[t.post, () => d.post_eta], [t.half, half], [t.bound, bound]];
    const controls = rateControls(root, t, d, d.post_eta, 4 * d.eta_max, buttons, show);
    const reset = el("button", { type: "button", class: "ex-btn" }, root.querySelector(".ex-buttons"), t.reset);
    reset.addEventListener("click", () => move(d.start[0], d.start[1], false));
    out = status(root);
    controls.set(half(), "init");
    rate = controls;
  }

  const KINDS = { "one-weight": oneWeight, "two-weights": twoWeights };

  // Material's document$ emits on the first load and after every instant
  // navigation: mount the explorers of the page shown, each once. Everything
  // listens on the explorer's own elements, so nothing outlives its page.
  function mountAll() {
    const lang = document.documentElement.lang.startsWith("zh") ? "zh" : "en";
    for (const root of document.querySelectorAll(".explorer[data-explorer]:not([data-mounted])")) {
      const kind = KINDS[root.dataset.kind];
      if (!kind) continue;
      root.dataset.mounted = "";
      root.replaceChildren();
      kind(root, JSON.parse(root.dataset.explorer), TEXT[lang]);
    }
  }
  if (typeof document$ !== "undefined") document$.subscribe(mountAll);
  else mountAll();
})();
