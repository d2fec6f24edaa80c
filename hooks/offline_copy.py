"""Make the offline copy (Material's `offline` plugin) work with no network.

The plugin is enabled only for the offline build (`OFFLINE=true`, see
scripts/offline.py). It lets search run from file:// with the iframe-worker
shim, which it would load from unpkg.com: this hook serves the shim from the
pinned npm package instead, like hooks/katex.py serves KaTeX, so the offline
copy makes no request to any host. It also turns off instant navigation, which
Material's offline guide lists as a feature that cannot work from file://.

The home page links to the zip of the offline copy, which is published beside
the hosted site's root (the Chinese home page, one folder down, links up to
it). Inside the copy that file does not exist, so the link points to the
hosted one there.
"""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from project_files import project_root  # hooks/ is on sys.path while MkDocs loads a hook

SHIM = Path("node_modules/iframe-worker/shim/index.js")
SHIM_URI = "assets/javascripts/iframe-worker-shim.js"  # the plugin looks for "iframe-worker"
ZIP_NAME = "gradient-descent-autograd-offline.zip"


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)  # before the plugin's on_config, so it sees a shim and adds none of its own
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_enabled(config):
        config.extra["polyfills"] = [SHIM_URI]
        # Instant navigation fetches pages, which file:// forbids; Material then never
        # emits document$, and every script that waits for it (KaTeX) would not run.
        features = config.theme["features"]
        features[:] = [f for f in features if not f.startswith("navigation.instant")]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not offline_enabled(config):
        return files
    shim = project_root(config) / SHIM
    if not shim.is_file():
        raise PluginError(f"{shim} is missing: run `npm ci` (or `make setup`)")
    files.append(File.generated(config, SHIM_URI, abs_src_path=str(shim)))
    return files


def on_page_content(content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The home page's link to the zip: beside the hosted site's root, whichever edition links to it."""
    if not page.is_homepage:
        return content
    root = next(e["root"] for e in config.extra["i18n"]["languages"] if e["lang"] == config.theme["language"])
    if offline_enabled(config):
        target = config.site_url.removesuffix(root) + ZIP_NAME
    else:
        target = "../" * root.count("/") + ZIP_NAME  # from site/zh/ up to site/
    return content.replace(f'href="{ZIP_NAME}"', f'href="{target}"')
