// Installed before a page loads (page.add_init_script): records each change,
// made once the HTML is parsed, that restyles or relays out the whole page:
// a class of <html>, the href of a stylesheet <link>, or a <meta name=
// "color-scheme"> added or changed (overrides/main.html).
// classList calls that change nothing still queue a record: those cost
// nothing and are left out.
window.__startUpMutations = [];
new MutationObserver((records) => {
  if (document.readyState === "loading") return; // the head's own script, before the body exists
  for (const r of records) {
    for (const node of r.addedNodes) {
      if (node.matches?.('meta[name="color-scheme"]')) window.__startUpMutations.push('<meta name="color-scheme"> added');
    }
    const root = r.target === document.documentElement && r.attributeName === "class";
    const sheet = r.target.matches?.("link[rel=stylesheet]") && r.attributeName === "href";
    const scheme = r.target.matches?.('meta[name="color-scheme"]') && r.attributeName === "content";
    if ((root || sheet || scheme) && r.oldValue !== r.target.getAttribute(r.attributeName)) {
      window.__startUpMutations.push(`${r.target.tagName.toLowerCase()} ${r.attributeName}: ` +
        `${JSON.stringify(r.oldValue)} -> ${JSON.stringify(r.target.getAttribute(r.attributeName))}`);
    }
  }
}).observe(document, { attributes: true, subtree: true, attributeOldValue: true, childList: true,
  attributeFilter: ["class", "href", "content"] });
