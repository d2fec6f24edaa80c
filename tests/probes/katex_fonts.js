// The KaTeX fonts the page uses, with their load status: [[family, status], ...].
async () => {
  await document.fonts.ready;
  return [...document.fonts].filter((f) => f.family.startsWith("KaTeX")).map((f) => [f.family, f.status]);
}
