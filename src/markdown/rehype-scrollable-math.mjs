// @ts-check
/**
 * A rehype plugin run after rehype-katex: each display formula ($$…$$) gets tabindex="0", so that
 * when it is wider than a phone and scrolls sideways (site.css), a keyboard reader can scroll it
 * too — the same as <Tex bloc>.
 */

/** @param {any} node */
function visit(node) {
  const classes = node.properties?.className;
  if (Array.isArray(classes) && classes.includes('katex-display')) node.properties.tabIndex = 0;
  for (const child of node.children ?? []) visit(child);
}

export default function rehypeScrollableMath() {
  return visit;
}
