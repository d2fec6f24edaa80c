"""Drive Debian's Chromium with playwright, and serve a built site the way a static host does.

    from browser import launch_browser, serve_site, site_pages, check_page

`launch_browser(playwright)` starts /usr/bin/chromium headless with CHROMIUM_FLAGS
(never `playwright install`: it downloads a browser, and this machine cannot).
playwright's `launch()` gives every browser a fresh temporary profile, so no
`--user-data-dir` is passed (playwright refuses one there).

`serve_site(folder)` serves a built site on 127.0.0.1 with gzip, as if it were
deployed at its `site_url` (read from its sitemap.xml) with 127.0.0.1:<port>
standing in for that host: under the same path, with the site's own absolute
URLs pointing here, and `404.html` for missing files. The browser tests and
`scripts/lighthouse.py` both use it.

`check_page(page, url)` opens one page and returns the problems a reader would
meet there, as one line each; the tests assert that list is empty on every page.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import os
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

CHROMIUM = "/usr/bin/chromium"
# Headless as root, with nothing phoning home: no sandbox (root), no GPU, no QUIC,
# no first-run, background, component-update or sync traffic.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = (
    f"{CHROMIUM} is missing: install Debian's browser with "
    "`apt-get update && apt-get install -y chromium` (bash .ci/run does this)"
)
LOCAL_HOST = "127.0.0.1"


def launch_browser(playwright, **kwargs):
    """Debian's Chromium, headless, with CHROMIUM_FLAGS and a fresh temporary profile."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True, **kwargs
    )


# --- serving -----------------------------------------------------------------

# What static hosts compress: text, scripts, styles, SVG, JSON and XML.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml", "application/manifest+json")
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("font/woff2", ".woff2")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `server.root` under `server.prefix`, gzipping text when the client accepts it."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def do_GET(self):
        self._respond(body=True)

    def do_HEAD(self):
        self._respond(body=False)

    def _resolve(self) -> tuple[Path | None, str | None]:
        """(file to send, or None for 404; path to redirect to, if any)."""
        path = unquote(urlsplit(self.path).path)
        prefix = self.server.prefix
        if not path.startswith(prefix):
            return None, prefix if path == prefix.rstrip("/") else None
        relative = path[len(prefix):]
        target = (self.server.root / relative).resolve()
        if self.server.root not in (target, *target.parents):
            return None, None
        if target.is_dir():
            if not path.endswith("/"):
                return None, path + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    def _respond(self, body: bool):
        target, redirect = self._resolve()
        if redirect:
            self.send_response(301)
            self.send_header("Location", redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200
        if target is None:
            status, target = 404, self.server.root / "404.html"
        data = target.read_bytes() if target.is_file() else b"Not found"
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype == "application/javascript":
            ctype += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if ctype.startswith(COMPRESSIBLE):
            # The site's absolute URLs (sitemap, canonical links) name its real host:
            # point them here, or Material's instant navigation treats its own pages as foreign.
            data = data.replace(self.server.site_url.encode(), self.server.url.encode())
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                data = gzip.compress(data, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


class _SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self.site_url = site_url(self.root)
        self.prefix = urlsplit(self.site_url).path or "/"
        super().__init__((LOCAL_HOST, 0), _SiteHandler)
        self.url = f"http://{LOCAL_HOST}:{self.server_address[1]}{self.prefix}"


@contextlib.contextmanager
def serve_site(root: Path | str):
    """Serve the built site in `root` at http://127.0.0.1:<free port>/<site_url's path>; yields that URL."""
    server = _SiteServer(Path(root))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def site_url(site: Path) -> str:
    """The site's `site_url`: the shortest URL of its sitemap.xml (its home page)."""
    urls = _sitemap_urls(site)
    if not urls:
        raise ValueError(f"{Path(site) / 'sitemap.xml'}: missing or empty; is `site_url` set in mkdocs.yml?")
    return min(urls, key=len)


def _sitemap_urls(site: Path) -> list[str]:
    sitemap = Path(site) / "sitemap.xml"
    if not sitemap.is_file():
        return []
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text.strip() for loc in ET.parse(sitemap).getroot().findall("s:url/s:loc", ns)]


def site_pages(site: Path) -> list[str]:
    """Every page of a built site, as paths relative to its root ("", "autograd/", "404.html").

    The pages are the ones the site lists in its own sitemap.xml (every page in
    the nav, notebooks included), plus 404.html if the site has one.
    """
    site = Path(site)
    home = site_url(site)
    pages = [url.removeprefix(home) for url in _sitemap_urls(site)]
    if (site / "404.html").is_file():
        pages.append("404.html")
    return pages


def page_name(path: str) -> str:
    """A file-name-safe name for a page path: "" -> "index", "a/b/" -> "a-b", "404.html" -> "404"."""
    name = path.strip("/").removesuffix(".html").replace("/", "-")
    return name or "index"


def chromium_present() -> bool:
    return os.access(CHROMIUM, os.X_OK)


# --- checking a page -----------------------------------------------------------

def is_local(url: str, host: str = LOCAL_HOST) -> bool:
    """Whether a request stays on this machine: data:, blob:, file: or the local server."""
    parts = urlsplit(url)
    return parts.scheme not in ("http", "https", "ws", "wss") or parts.hostname == host


class Recorder:
    """Collects what goes wrong on a page while it runs: console errors, uncaught
    exceptions, failed requests and requests to any host but the local one.

    Requests to other hosts are recorded and aborted, so a test never waits on
    the network (and this machine has none).
    """

    def __init__(self, page):
        self.problems: list[str] = []
        self.page = page
        page.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self._add(f"uncaught exception: {error}"))
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)

    def _add(self, problem: str):
        if problem not in self.problems:
            self.problems.append(problem)

    def _console(self, message):
        if message.type == "error":
            # "Failed to load resource" repeats a failed request, reported with its URL below.
            if not message.text.startswith("Failed to load resource"):
                self._add(f"console error: {message.text}")

    def _request(self, request):
        if not is_local(request.url):
            self._add(f"request to a third-party host: {request.url}")

    def _failed(self, request):
        if is_local(request.url):
            self._add(f"failed request: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self._add(f"failed request: {response.url} (HTTP {response.status})")


# Runs in the page once it has loaded; returns one line per problem.
CONTENT_CHECKS = r"""
async (palette) => {
  const problems = [];
  const shown = (el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const short = (text) => text.replace(/\s+/g, " ").trim().slice(0, 80);
  // A reader can open every collapsed block: check (and screenshot) what is inside too.
  // Blocks off screen skip rendering (content-visibility: auto in extra.css) and keep
  // stale styles until a reader scrolls to them: render them all, as a reader would see them.
  if (!document.getElementById("browser-check-render-all")) {
    const style = document.createElement("style");
    style.id = "browser-check-render-all";
    style.textContent = "* { content-visibility: visible !important; }";
    document.head.append(style);
  }
  // Newly rendered blocks fade from their stale colours (CSS transitions): judge them once arrived.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await Promise.allSettled(document.getAnimations().filter((a) => a instanceof CSSTransition).map((a) => a.finished));
  for (const details of document.querySelectorAll("details")) details.open = true;

  // Math: every arithmatex element rendered by KaTeX, no TeX delimiters left in visible text.
  const math = [...document.querySelectorAll(".arithmatex")];
  const unrendered = math.filter((el) => !el.querySelector(".katex") || el.querySelector(".katex-error"));
  if (unrendered.length)
    problems.push(`${unrendered.length} of ${math.length} math elements not rendered, first: "${short(unrendered[0].textContent)}"`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode()); ) {
    const parent = node.parentElement;
    if (!parent || parent.closest("pre, code, script, style, textarea, .katex") || !shown(parent)) continue;
    const raw = node.textContent.match(/\\[([]|\$\$/);
    if (raw) problems.push(`raw math visible: "${short(node.textContent.slice(Math.max(0, raw.index - 30)))}"`);
  }

  // Images: loaded, with alt text; figures show the variant of the palette.
  const images = [...document.images];
  await Promise.allSettled(images.map((img) => img.decode()));
  for (const img of images) {
    const name = img.src.replace(location.origin, "");
    if (!img.complete || img.naturalWidth === 0) problems.push(`image did not load: ${name}`);
    if (!(img.getAttribute("alt") || "").trim()) problems.push(`image without alt text: ${name}`);
    const only = (name.match(/#only-(light|dark)$/) || [])[1];
    if (!only) continue;
    const file = img.src.split("#")[0];
    if (!file.endsWith(`-${only}.svg`)) problems.push(`figure ${name} is marked #only-${only} but is not the -${only}.svg variant`);
    const other = only === "light" ? "dark" : "light";
    const pair = file.replace(/-(light|dark)\.svg$/, `-${other}.svg#only-${other}`);
    if (!images.some((i) => i.src === pair)) problems.push(`figure ${name} has no #only-${other} variant on the page`);
    if (shown(img.parentElement) && shown(img) !== (only === palette)) problems.push(`figure ${name} is ${shown(img) ? "shown" : "hidden"} in the ${palette} palette`);
  }

  // Readable text: every visible text has a WCAG AA contrast with what is behind it.
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const layers = (el) => {  // background colours from the element down to the first opaque one
    const out = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      out.push(bg);
      ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = bg; ctx.fillRect(0, 0, 1, 1);
      if (ctx.getImageData(0, 0, 1, 1).data[3] === 255) return out;
    }
    return out;
  };
  const paint = (colors) => {  // composite colours bottom-up over white; the resulting rgb
    ctx.globalCompositeOperation = "source-over";
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, 1, 1);
    for (const c of colors) { ctx.fillStyle = c; ctx.fillRect(0, 0, 1, 1); }
    return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const seen = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("script, style, .katex-mathml, .md-search, [hidden]")) continue;
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    if (!text || !shown(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    const below = layers(el).reverse();
    const bg = paint(below);
    const fg = paint([...below, style.color]);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const ratio = contrast(fg, bg);
    const key = `${fg}/${bg}/${needed}`;
    if (ratio < needed && !seen.has(key)) {
      seen.add(key);
      problems.push(`low contrast ${ratio.toFixed(2)}:1 (needs ${needed}) in the ${palette} palette: rgb(${fg}) on rgb(${bg}), "${short(text)}" in <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
  }
  return problems;
}
"""

# The background of the page, for comparing figures with it.
PAGE_BACKGROUND = r"""() => {
  const m = getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g).map(Number);
  return m.slice(0, 3);
}"""

PROMPT = ("$ ", ">>> ", "... ", "In [", "Out[")


def _luminance(rgb):
    import numpy as np

    c = np.asarray(rgb, dtype=float) / 255
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return c @ np.array([0.2126, 0.7152, 0.0722])


def figure_problems(png: bytes, page_background, palette: str, name: str) -> list[str]:
    """A shown figure must sit on the page's background and draw on it with readable ink.

    Its background is its most common colour; ink is every pixel clearly apart from
    it (contrast above 1.5); the strongest ink (99th percentile) needs 4.5:1, the
    contrast of body text.
    """
    import io

    import numpy as np
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    background = colours[counts.argmax()]
    lum = _luminance(pixels)
    bg_lum = _luminance(background)
    ratio = (np.maximum(lum, bg_lum) + 0.05) / (np.minimum(lum, bg_lum) + 0.05)
    page_lum = _luminance(page_background)
    problems = []
    against_page = (max(bg_lum, page_lum) + 0.05) / (min(bg_lum, page_lum) + 0.05)
    if against_page > 1.5:
        problems.append(f"figure {name} has background rgb{tuple(int(v) for v in background)}, "
                        f"not the {palette} page's rgb{tuple(page_background)} ({against_page:.1f}:1)")
    ink = ratio[ratio > 1.5]
    strongest = float(np.percentile(ink, 99)) if ink.size else 1.0
    if strongest < 4.5:
        problems.append(f"figure {name} is hard to read in the {palette} palette: "
                        f"its ink has a contrast of {strongest:.2f}:1 with its background (needs 4.5)")
    return problems


# Clicks every visible copy button in turn; returns what each copied, beside its code.
COPY_EVERY_BUTTON = r"""async () => {
  const copies = [];
  for (const button of document.querySelectorAll("[data-clipboard-target]")) {
    if (!button.checkVisibility({ checkVisibilityCSS: true })) continue;
    const target = button.getAttribute("data-clipboard-target");
    const code = document.querySelector(target).cloneNode(true);
    code.querySelectorAll(".md-annotation").forEach((a) => a.remove());
    await navigator.clipboard.writeText("");
    button.click();
    await new Promise((resolve) => setTimeout(resolve));
    copies.push({
      target,
      output: !!button.closest(".language-text"),
      code: code.textContent.trimEnd(),
      copied: await navigator.clipboard.readText(),
    });
  }
  return copies;
}"""


def copy_problems(page) -> list[str]:
    """Every visible copy button must copy exactly its code, with no prompts and no output.

    The page's context needs the clipboard-read and clipboard-write permissions.
    """
    problems = []
    for i, copy in enumerate(page.evaluate(COPY_EVERY_BUTTON), 1):
        where = f"copy button {i} ({copy['target']})"
        copied, code = copy["copied"], copy["code"]
        if copy["output"]:
            problems.append(f"{where} copies an output block: output blocks (```text) need no copy button")
        elif copied != code:
            problems.append(f"{where} copied {copied[:60]!r}, not the code {code[:60]!r}")
        if any(line.startswith(PROMPT) for line in copied.splitlines()):
            problems.append(f"{where} copies prompts and output: {copied[:60]!r}")
    return problems


def check_page(page, url: str, palette: str = "light", screenshot: Path | None = None) -> list[str]:
    """Open `url` in `page` with the given palette and return every problem a reader would meet.

    `page` must be fresh (its events are recorded from now on) and belong to a
    context with clipboard permissions. With `screenshot`, a full-page PNG is
    written there.
    """
    recorder = Recorder(page)
    page.emulate_media(color_scheme=palette)
    page.goto(url, wait_until="networkidle")
    return recorder.problems + content_problems(page, palette, screenshot) + copy_problems(page)


MATH_RENDERED = "() => [...document.querySelectorAll('.arithmatex')].every((el) => el.querySelector('.katex'))"
MATH_TIMEOUT_MS = 5000


def content_problems(page, palette: str, screenshot: Path | None = None) -> list[str]:
    """Math, images, figures and contrast of what the page shows now (also after instant navigation)."""
    # Math renders in batches after the page loads (docs/javascripts/katex.js): give it time to finish;
    # what is still unrendered after that is reported below.
    try:
        page.wait_for_function(MATH_RENDERED, timeout=MATH_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        pass
    problems = page.evaluate(CONTENT_CHECKS, palette)
    background = page.evaluate(PAGE_BACKGROUND)
    figures = page.locator(f'img[src$="#only-{palette}"]')
    for i in range(figures.count()):
        figure = figures.nth(i)
        if figure.is_visible():
            png = figure.screenshot(animations="disabled")
            src = urlsplit(figure.evaluate("img => img.src"))
            problems += figure_problems(png, background, palette, f"{src.path}#{src.fragment}")
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot), full_page=True, animations="disabled")
    return problems


# Marks the link to `target` (ignoring fragments), so playwright can click it as a reader would.
MARK_LINK = r"""(target) => {
  const links = [...document.querySelectorAll("a[href]")]
    .filter((a) => a.href.split("#")[0] === target && a.checkVisibility());
  if (!links.length) return false;
  document.querySelectorAll("[data-browser-next]").forEach((a) => a.removeAttribute("data-browser-next"));
  links[0].setAttribute("data-browser-next", "");
  return true;
}"""


def navigation_problems(page, start: str, targets: list[str], palette: str = "light") -> list[str]:
    """Open `start`, then reach each of `targets` in turn by clicking a link to it.

    Material's instant navigation swaps the content in without reloading the
    page; every new content must pass the same math, image and figure checks,
    and the move must really be instant (a full reload would hide a script
    that renders only once).
    """
    recorder = Recorder(page)
    page.emulate_media(color_scheme=palette)
    page.goto(start, wait_until="networkidle")
    page.evaluate("window.__sameDocument = true")
    problems = []
    for target in targets:
        if not page.evaluate(MARK_LINK, target):
            problems.append(f"{target}: no visible link to it on {page.url}")
            continue
        page.locator("[data-browser-next]").click()
        page.mouse.move(0, 0)  # a resting pointer: hover colours are not what a page shows
        page.wait_for_url(lambda url: url.split("#")[0] == target)
        page.wait_for_load_state("networkidle")
        if not page.evaluate("window.__sameDocument === true"):
            problems.append(f"{target}: the page was reloaded, not navigated to instantly")
        problems += [f"{target}: {problem}" for problem in content_problems(page, palette)]
    return recorder.problems + problems


def toggle_palette(page) -> str:
    """Click the palette toggle in the header, as a reader does; returns the scheme shown now."""
    page.locator('form[data-md-component="palette"] label:visible').click()
    page.mouse.move(0, 0)
    # Colours fade to the new palette (CSS transitions): judge them once they have arrived.
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")
