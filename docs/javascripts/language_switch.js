// The language switch leads to the same page in the other edition. Its links
// are written for the page they were built with (hooks/i18n.py); Material's
// instant navigation then swaps in other pages without touching the header,
// so here each link is pointed at the page now shown: the other edition's
// root (found from the link as built) followed by this page's path below the
// current edition's root (__md_scope, set by Material).
const editionRoots = new Map();

function pathInEdition(href) {
  const scope = __md_scope.href;
  const url = new URL(href, location.href);
  url.hash = "";
  url.search = "";
  return url.href.startsWith(scope) ? url.href.slice(scope.length) : null;
}

document$.subscribe(() => {
  const here = pathInEdition(location.href);
  if (here === null) return;
  // As built, each link is <its edition's root> + <the built page's path>,
  // and the link to this edition (aria-current) is the built page itself.
  // Material has made every href absolute against the built page before
  // this first runs, even if a page was swapped in before this script ran.
  const own = document.querySelector(".md-select__link[aria-current]");
  const builtPath = (own && pathInEdition(own.getAttribute("href"))) ?? here;
  for (const link of document.querySelectorAll(".md-select__link[hreflang]")) {
    if (!editionRoots.has(link)) {
      const built = new URL(link.getAttribute("href"), location.href).href;
      editionRoots.set(link, built.endsWith(builtPath) ? built.slice(0, built.length - builtPath.length) : null);
    }
    const root = editionRoots.get(link);
    if (root !== null) link.href = root + here;
  }
});
