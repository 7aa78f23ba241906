// @ts-check
/**
 * French typography on a hast tree: a no-break space before ; ! ? % : and », after «.
 * The site's rule: U+202F (narrow no-break space) before ; ! ? % », after «; U+00A0 before :.
 *
 * Only what was already a space changes (an ordinary space, a line break, or the other no-break
 * space, so the output is consistent): "12:30", "a:b" or "?p=1" stay as they are, since a missing
 * space there is not French punctuation. Guillemets are the exception: they are unambiguous, so
 * «mot» becomes « mot ».
 *
 * The tree walk reads the text of a block across its inline elements ("<em>mot</em> ?" is one
 * text run), never inside code, keyboard input, scripts, styles, KaTeX, MathML or a passage in
 * another language (lang="en"): an inline one of those counts as one visible character, so
 * "<code>f(x)</code> ?" is still fixed. Svelte islands are left alone (their server-rendered
 * HTML must match what they render in the browser, where their own strings are already right).
 * A few attributes people read (alt, title, aria-label…) are fixed too.
 */

export const NARROW_NBSP = '\u202f';
export const NBSP = '\u00a0';

/** Characters that may stand where the no-break space belongs. */
const SPACE = '\\t\\n\\f\\r \\u00a0\\u2009\\u202f';
/** A visible character (not «, see AFTER_OPEN) then spaces then a sign; « then spaces then something visible. */
const BEFORE = new RegExp(`(?<=[^${SPACE}«])[${SPACE}]+(?=[;:!?%»])`, 'g');
const AFTER_OPEN = new RegExp(`(?<=«)[${SPACE}]+(?=[^${SPACE}])`, 'g');
/** Guillemets glued to a word. */
const GLUED_CLOSE = new RegExp(`(?<=[^${SPACE}«])(?=»)`, 'g');
const GLUED_OPEN = new RegExp(`(?<=«)(?=[^${SPACE}»])`, 'g');

/**
 * @typedef {{ at: number, length: number, insert: string }} Edit
 *   Replace `length` characters at `at` by `insert` (length 0: an insertion).
 */

/**
 * The edits French typography asks of one run of text, in increasing order.
 * @param {string} text
 * @returns {Edit[]}
 */
export function frenchEdits(text) {
  /** @type {Edit[]} */
  const edits = [];
  for (const m of text.matchAll(BEFORE)) {
    const sign = text[m.index + m[0].length];
    const space = sign === ':' ? NBSP : NARROW_NBSP;
    if (m[0] !== space) edits.push({ at: m.index, length: m[0].length, insert: space });
  }
  for (const m of text.matchAll(AFTER_OPEN))
    if (m[0] !== NARROW_NBSP) edits.push({ at: m.index, length: m[0].length, insert: NARROW_NBSP });
  for (const re of [GLUED_CLOSE, GLUED_OPEN])
    for (const m of text.matchAll(re)) edits.push({ at: m.index, length: 0, insert: NARROW_NBSP });
  return edits.sort((a, b) => a.at - b.at);
}

/**
 * French no-break spaces in one string (no markup).
 * @param {string} text
 */
export function frenchSpaces(text) {
  let out = '';
  let from = 0;
  for (const e of frenchEdits(text)) {
    out += text.slice(from, e.at) + e.insert;
    from = e.at + e.length;
  }
  return out + text.slice(from);
}

/** Elements whose text is not French prose: left untouched, seen as one visible character. */
const OPAQUE = new Set([
  'code',
  'kbd',
  'samp',
  'pre',
  'script',
  'style',
  'noscript',
  'textarea',
  'math',
  'astro-island',
]);
/** Inline elements a sentence runs through; every other element starts and ends a run. */
export const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'tspan',
]);
/** Attributes a reader sees or hears. */
const READ_ATTRIBUTES = ['alt', 'title', 'ariaLabel', 'ariaDescription', 'ariaRoleDescription', 'placeholder'];
/** Stands for an opaque inline element inside a run: a visible character no rule matches. */
const OBJECT = '\ufffc';

/** @param {any} node */
function isOpaque(node) {
  const p = node.properties ?? {};
  const classes = Array.isArray(p.className) ? p.className : [];
  const lang = typeof p.lang === 'string' ? p.lang : null;
  return (
    OPAQUE.has(node.tagName) ||
    classes.includes('katex') ||
    classes.includes('katex-display') ||
    (lang !== null && !/^fr\b/i.test(lang))
  );
}

/**
 * The text runs of a tree: each run is a list of text nodes and OBJECT placeholders.
 * @param {any} tree
 * @returns {Array<Array<any>>}
 */
function textRuns(tree) {
  /** @type {Array<any>} */
  let current = [];
  /** @type {Array<Array<any>>} */
  const runs = [current];
  const cut = () => {
    if (current.length) runs.push((current = []));
  };
  /** @param {any} node */
  const walk = (node) => {
    if (node.type === 'text') current.push(node);
    else if (node.type === 'element' && isOpaque(node)) {
      if (INLINE.has(node.tagName) || node.tagName === 'code' || node.tagName === 'kbd' || node.tagName === 'math')
        current.push(OBJECT);
      else cut();
    } else if (node.type === 'element' || node.type === 'root') {
      const inline = node.type === 'element' && INLINE.has(node.tagName);
      if (!inline) cut();
      for (const child of node.children ?? []) walk(child);
      // <template>'s content is a separate fragment in hast.
      if (node.content) walk(node.content);
      if (!inline) cut();
    }
  };
  walk(tree);
  return runs.filter((r) => r.length);
}

/**
 * Applies the edits of one run to its text nodes: each edit lands in the node holding the
 * characters it replaces (or, for an insertion, the guillemet it sits next to).
 * @param {Array<any>} run
 */
function fixRun(run) {
  let text = '';
  /** @type {Array<{ node: any, offset: number }>} where each character of `text` comes from */
  const owner = [];
  for (const piece of run) {
    if (piece === OBJECT) {
      text += OBJECT;
      owner.push({ node: null, offset: 0 });
    } else {
      for (let i = 0; i < piece.value.length; i++) owner.push({ node: piece, offset: i });
      text += piece.value;
    }
  }
  /** @type {Map<any, Edit[]>} */
  const perNode = new Map();
  const add = (/** @type {any} */ node, /** @type {Edit} */ edit) => {
    if (!perNode.has(node)) perNode.set(node, []);
    perNode.get(node)?.push(edit);
  };
  for (const e of frenchEdits(text)) {
    if (e.length === 0) {
      // Before » (the character at e.at) or after « (the one before): that guillemet's node.
      const closing = text[e.at] === '»';
      const ref = closing ? owner[e.at] : owner[e.at - 1];
      if (ref) add(ref.node, { at: closing ? ref.offset : ref.offset + 1, length: 0, insert: e.insert });
      continue;
    }
    // Spaces may span nodes ("mot <em> ?</em>"): the new space goes where the first one was.
    for (let i = e.at; i < e.at + e.length; i++) {
      const o = owner[i];
      if (o) add(o.node, { at: o.offset, length: 1, insert: i === e.at ? e.insert : '' });
    }
  }
  for (const [node, edits] of perNode) {
    let value = node.value;
    for (const e of edits.sort((a, b) => b.at - a.at))
      value = value.slice(0, e.at) + e.insert + value.slice(e.at + e.length);
    node.value = value;
  }
}

/**
 * Fixes the attributes people read, outside islands, scripts and styles.
 * @param {any} node
 */
function fixAttributes(node) {
  if (node.type === 'element') {
    if (['astro-island', 'script', 'style'].includes(node.tagName)) return;
    for (const name of READ_ATTRIBUTES) {
      const value = node.properties?.[name];
      if (typeof value === 'string') node.properties[name] = frenchSpaces(value);
    }
    if (node.tagName === 'meta' && typeof node.properties?.content === 'string') {
      const key = String(node.properties.name ?? node.properties.property ?? '');
      if (/(^|:)(title|description)$/.test(key)) node.properties.content = frenchSpaces(node.properties.content);
    }
  }
  for (const child of node.children ?? []) fixAttributes(child);
  if (node.content) fixAttributes(node.content);
}

/**
 * Applies French typography to a hast tree in place.
 * @param {any} tree
 */
export function frenchTypography(tree) {
  for (const run of textRuns(tree)) fixRun(run);
  fixAttributes(tree);
}

/** The same as a rehype plugin. */
export default function rehypeFrenchTypography() {
  return frenchTypography;
}
