// Installed before a page loads (page.add_init_script): records each change,
// made once the HTML is parsed, that restyles or relays out the whole page:
// a class of <html>, or the href of a stylesheet <link> (overrides/main.html).
// classList calls that change nothing still queue a record: those cost
// nothing and are left out.
window.__startUpMutations = [];
new MutationObserver((records) => {
  if (document.readyState === "loading") return; // the head's own script, before the body exists
  for (const r of records) {
    const root = r.target === document.documentElement && r.attributeName === "class";
    const sheet = r.target.matches?.("link[rel=stylesheet]") && r.attributeName === "href";
    if ((root || sheet) && r.oldValue !== r.target.getAttribute(r.attributeName)) {
      window.__startUpMutations.push(`${r.target.tagName.toLowerCase()} ${r.attributeName}: ` +
        `${JSON.stringify(r.oldValue)} -> ${JSON.stringify(r.target.getAttribute(r.attributeName))}`);
    }
  }
}).observe(document, { attributes: true, subtree: true, attributeOldValue: true, attributeFilter: ["class", "href"] });
