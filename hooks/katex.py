"""Serve KaTeX from the npm package, so math renders with no CDN.

`npm ci` puts the pinned `katex` package in node_modules/; this hook adds the
files the pages need to the build as `assets/katex/...`. Only the woff2 fonts
are copied: every browser that runs the site's JavaScript reads woff2, and the
CSS lists it first, so the woff/ttf fallbacks are never requested.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook

DIST = Path("node_modules/katex/dist")
FILES = ["katex.min.js", "katex.min.css"]


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    dist = project_root(config) / DIST
    if not (dist / "katex.min.js").is_file():
        raise PluginError(f"{dist}/katex.min.js is missing: run `npm ci` (or `make setup`)")
    wanted = [dist / name for name in FILES] + sorted((dist / "fonts").glob("*.woff2"))
    for path in wanted:
        uri = "assets/katex/" + path.relative_to(dist).as_posix()
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files
