() => {
  // The focused element, whether its focus ring can be seen, and the ring's contrast (WCAG 1.4.11)
  // with the background it is drawn on: the element's own when the ring is inset, else its parent's.
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgba = (css) => {
    const [r, g, b, a] = css.match(/[\d.]+/g).map(Number);
    return [r, g, b, a === undefined ? 1 : a];
  };
  const luminance = ([r, g, b]) => [r, g, b]
    .map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const style = getComputedStyle(el);
  const layers = [];
  for (let node = parseFloat(style.outlineOffset) < 0 ? el : el.parentElement; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.unshift(colour);
    if (colour[3] === 1) break;
  }
  const background = layers.reduce((under, [r, g, b, a]) => [r, g, b].map((v, i) => v * a + under[i] * (1 - a)), [255, 255, 255]);
  const [light, dark] = [luminance(rgba(style.outlineColor)), luminance(background)].sort((x, y) => y - x);
  const box = el.getBoundingClientRect();
  return {
    element: el.outerHTML.split(">")[0].slice(0, 160) + ">",
    ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
  };
}
