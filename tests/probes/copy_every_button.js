// Clicks every visible copy button in turn; returns what each copied, beside its code.
async () => {
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
}
