// The page's background colour as [r, g, b], to compare figures with it.
() => getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g).map(Number).slice(0, 3)
