// Render formulas with the site's KaTeX, for hooks/math_first_screen.py.
// stdin: JSON [[tex, displayMode], ...]; stdout: JSON [html, ...], in order.
// A formula KaTeX cannot parse exits 1, printing its index and KaTeX's message
// on one line: the hook names the page. The options are katex.js's, so a
// formula looks the same rendered here or in the browser.
const path = require("path");
const katex = require(path.resolve("node_modules/katex"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const formulas = JSON.parse(input);
  const html = [];
  for (const [i, [tex, displayMode]] of formulas.entries()) {
    try {
      html.push(katex.renderToString(tex, { displayMode, throwOnError: true }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ index: i, message: String(error.message).split("\n")[0] }));
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(html));
});
