// Marks the first visible link to `target` (ignoring fragments), so playwright can
// click it as a reader would; false if there is none.
(target) => {
  const links = [...document.querySelectorAll("a[href]")]
    .filter((a) => a.href.split("#")[0] === target && a.checkVisibility());
  if (!links.length) return false;
  document.querySelectorAll("[data-browser-next]").forEach((a) => a.removeAttribute("data-browser-next"));
  links[0].setAttribute("data-browser-next", "");
  return true;
}
