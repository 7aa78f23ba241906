// @ts-check
/**
 * French typography on a whole HTML page (used by src/middleware.ts): the page is parsed, the
 * rehype step fixes its tree, and only the text and attributes it changed are written back
 * into the original HTML, at their source positions. Everything else (islands' props, inline
 * scripts, KaTeX, entity spellings) stays byte for byte as Astro wrote it, which a
 * parse-then-serialize round trip would not promise.
 */
import { fromHtml } from 'hast-util-from-html';
import { frenchTypography } from './rehype-french-typography.mjs';

/** @param {string} s */
const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** @param {string} s */
const escapeAttribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * @param {any} node
 * @param {(node: any) => void} f
 */
function each(node, f) {
  f(node);
  for (const child of node.children ?? []) each(child, f);
  if (node.content) each(node.content, f);
}

/**
 * @param {string} html
 * @returns {string}
 */
export function frenchTypographyHtml(html) {
  const tree = fromHtml(html, { verbose: true });
  /** @type {Array<[any, string]>} */
  const texts = [];
  /** @type {Array<[any, Record<string, unknown>]>} */
  const elements = [];
  each(tree, (node) => {
    if (node.type === 'text') texts.push([node, node.value]);
    else if (node.type === 'element') elements.push([node, { ...node.properties }]);
  });
  frenchTypography(tree);

  /** @type {Array<{ from: number, to: number, text: string }>} */
  const patches = [];
  for (const [node, before] of texts) {
    if (node.value === before) continue;
    const from = node.position?.start?.offset;
    const to = node.position?.end?.offset;
    if (from === undefined || to === undefined) continue;
    const source = html.slice(from, to);
    // A text node's source is its text, give or take character references: anything else
    // means the position is not the node's, and the node is better left alone.
    if (!source.includes('&') && source !== before) continue;
    patches.push({ from, to, text: escapeText(node.value) });
  }
  for (const [node, before] of elements) {
    for (const [key, value] of Object.entries(node.properties)) {
      if (value === before[key] || typeof value !== 'string') continue;
      const position = node.data?.position?.properties?.[key];
      if (!position) continue;
      const source = html.slice(position.start.offset, position.end.offset);
      const eq = source.indexOf('=');
      if (eq < 0) continue;
      patches.push({
        from: position.start.offset,
        to: position.end.offset,
        text: `${source.slice(0, eq + 1)}"${escapeAttribute(value)}"`,
      });
    }
  }
  /** @type {string[]} */
  const out = [];
  let at = 0;
  for (const p of patches.sort((a, b) => a.from - b.from)) {
    out.push(html.slice(at, p.from), p.text);
    at = p.to;
  }
  out.push(html.slice(at));
  return out.join('');
}
