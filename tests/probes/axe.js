// Runs axe-core (injected beforehand from node_modules/axe-core) on the page;
// returns its violations, one entry per rule, with the first few nodes.
async () => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + ": " + (n.failureSummary || "").split("\n").slice(1, 2).join("").trim()),
    count: v.nodes.length,
  }));
}
