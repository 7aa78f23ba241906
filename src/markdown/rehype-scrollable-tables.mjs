// @ts-check
/**
 * A rehype plugin: every table of a chapter gets tabindex="0", whether written in Markdown or as
 * a literal <table> in MDX. Starlight lays a content table out as its own sideways scroller
 * (display: block; overflow: auto), so on a phone a table wider than the screen scrolls in place;
 * the focus lets a keyboard reader scroll it too, as with wide display formulas
 * (rehype-scrollable-math.mjs).
 */

/** @param {any} node */
function visit(node) {
  if (node.type === 'element' && node.tagName === 'table') node.properties.tabIndex = 0;
  if (node.type === 'mdxJsxFlowElement' && node.name === 'table') {
    const has = node.attributes.some((/** @type {any} */ a) => a.name?.toLowerCase() === 'tabindex');
    if (!has) node.attributes.push({ type: 'mdxJsxAttribute', name: 'tabindex', value: '0' });
  }
  for (const child of node.children ?? []) visit(child);
}

export default function rehypeScrollableTables() {
  return visit;
}
