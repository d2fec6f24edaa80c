"""Serve a built site on 127.0.0.1 the way a static host does: `serve_site(folder)`.

The site is served as if it were deployed at its `site_url` (read from its
sitemap.xml), with 127.0.0.1:<port> standing in for that host: under the same
path, with the site's own absolute URLs pointing here, text compressed with
gzip, and `404.html` for missing files. Lighthouse must see what readers get,
so scripts/lighthouse.py measures through it; the browser tests use it too.
`site_pages(folder)` lists the pages of a built site from its sitemap.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

LOCAL_HOST = "127.0.0.1"
# What static hosts compress: text, scripts, styles, SVG, JSON and XML.
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)
mimetypes.add_type("application/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")
mimetypes.add_type("font/woff2", ".woff2")


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `server.root` under `server.prefix`, gzipping text when the client accepts it."""

    protocol_version = "HTTP/1.1"  # keep-alive, as real hosts do

    def log_message(self, format, *args):
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
        relative = path[len(prefix) :]
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
        for name, value in self.server.extra_headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)


class _SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, port: int = 0, headers: dict[str, str] | None = None):
        self.root = Path(root).resolve()
        self.extra_headers = dict(headers or {})
        self.site_url = site_url(self.root)
        self.prefix = urlsplit(self.site_url).path or "/"
        super().__init__((LOCAL_HOST, port), _SiteHandler)
        self.url = f"http://{LOCAL_HOST}:{self.server_address[1]}{self.prefix}"

    def handle_error(self, request, client_address):
        # A client that hangs up mid-response (a link checker that read enough of
        # a file, a browser that navigated away) is no error of the site's.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_site(root: Path | str, port: int = 0, headers: dict[str, str] | None = None):
    """Serve the built site in `root` at http://127.0.0.1:<port, or a free one>/<site_url's path>; yields that URL.

    `headers` are sent with every response, besides the usual ones.
    """
    server = _SiteServer(Path(root), port, headers)
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
    """Every page of a built site, as paths relative to its root ("", "autograd/", "zh/autograd/", "404.html").

    The pages are the ones the site lists in its sitemaps (every page in the
    nav of every edition, notebooks included), plus 404.html if the site has one.
    """
    site = Path(site)
    home = site_url(site)
    # Each edition in a folder of its own (site/zh/) has a sitemap of its own.
    editions = [site, *sorted(p.parent for p in site.glob("*/sitemap.xml"))]
    pages = [url.removeprefix(home) for edition in editions for url in _sitemap_urls(edition)]
    if (site / "404.html").is_file():
        pages.append("404.html")
    return pages
