"""Render every arithmatex element to KaTeX HTML at build time.

Rendering in the reader's browser cost the long pages about a second of
blocked main thread on a phone (Lighthouse mobile performance 58-74, against
98 without it) and showed raw TeX until it ran. Here each page's math goes
through the same pinned KaTeX (node_modules/katex, one `node` call per page
with math); `docs/javascripts/katex.js` then skips the elements marked
`data-katex`, and still renders any math added without this hook. TeX that
KaTeX cannot parse fails the build, naming the page and the TeX.
"""

import html
import json
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ARITHMATEX = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
RENDER = r"""
const katex = require(process.argv[1]);
const items = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = [];
for (const [tex, display] of items) {
  try {
    out.push(katex.renderToString(tex, { displayMode: display, throwOnError: true }));
  } catch (error) {
    process.stderr.write(`${error.message} in ${JSON.stringify(tex)}`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out));
"""


def on_post_page(output, page, config):
    found = list(ARITHMATEX.finditer(output))
    if not found:
        return output
    items = []
    for match in found:
        tex = html.unescape(match[2]).strip()  # arithmatex escapes &, < and > in generic mode
        items.append([tex[2:-2], tex.startswith("\\[")])
    katex = Path(config.config_file_path).resolve().parent / "node_modules/katex"
    proc = subprocess.run(["node", "-e", RENDER, str(katex)], input=json.dumps(items),
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise PluginError(f"docs/{page.file.src_uri}: KaTeX cannot render the math: {proc.stderr.strip()}")
    rendered = iter(json.loads(proc.stdout))
    return ARITHMATEX.sub(
        lambda m: f'<{m[1]} class="arithmatex" data-katex="prerendered">{next(rendered)}</{m[1]}>', output)
