() => {
  // What sticks out of the viewport: the page's scroll width, and every element a reader can see
  // (a box, not hidden, not transparent, not wholly clipped by a scrolling or clipping ancestor)
  // that is partly on the screen and partly past its left or right edge, or that hides some of its
  // content in a sideways scroll. One call per state of a page.
  const SCROLLS = "pre, pre > code, .table-scroll";
  const width = document.documentElement.clientWidth;
  const problems = [];
  const scroll = document.documentElement.scrollWidth;
  if (scroll > width) problems.push(`the page is ${scroll} px wide`);
  const describe = (el) => {
    const classes = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes;
  };
  const seen = new Map();  // element → its visible horizontal extent [left, right], or null
  const extent = (el) => {
    if (seen.has(el)) return seen.get(el);
    let result = null;
    const style = getComputedStyle(el);
    const parent = el.parentElement;
    const outer = parent && parent !== document.documentElement ? extent(parent) : [-Infinity, Infinity];
    if (outer && style.display !== "none" && parseFloat(style.opacity) > 0) {
      let [left, right] = outer;
      const fixed = style.position === "fixed";
      if (fixed) [left, right] = [-Infinity, Infinity];
      const box = el.getBoundingClientRect();
      result = [left, right, box];
      if (style.overflowX !== "visible") result = [Math.max(left, box.left), Math.min(right, box.right), box];
    }
    seen.set(el, result);
    return result;
  };
  for (const el of document.body.querySelectorAll("*")) {
    const found = extent(el);
    if (!found) continue;
    const [clipLeft, clipRight, box] = found;
    if (getComputedStyle(el).visibility !== "visible" || box.width < 1 || box.height < 1) continue;
    const left = Math.max(box.left, clipLeft), right = Math.min(box.right, clipRight);
    // Wholly outside (a closed drawer, a skip link): off-canvas, not shown. Partly outside: cut off.
    if (right - left < 1 || right <= 0.5 || left >= width - 0.5) continue;
    if (left < -0.5 || right > width + 0.5) problems.push(`${describe(el)} spans ${Math.round(left)}…${Math.round(right)} px`);
    // A box that scrolls sideways hides part of what it holds (a table's last columns). Meant to
    // scroll: code (wrapping would change a command) and the translation status page's wide grids.
    const style = getComputedStyle(el);
    if (/auto|scroll/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.matches(SCROLLS)) {
      problems.push(`${describe(el)} hides ${el.scrollWidth - el.clientWidth} px that scroll sideways`);
    }
  }
  return problems.slice(0, 12);
}
