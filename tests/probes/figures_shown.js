// The figures the page shows now, with the file shown (a <picture> may pick a
// narrow variant) and their width on screen in CSS px (tests/layout.py).
async () => {
  const images = [...document.querySelectorAll("img[src*='figures/']")];
  await Promise.allSettled(images.map((img) => img.decode()));
  return images
    .filter((img) => img.checkVisibility({ checkVisibilityCSS: true }))
    .map((img) => ({ file: new URL(img.currentSrc).pathname, width: img.getBoundingClientRect().width }));
}
