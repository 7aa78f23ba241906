// @ts-check
/**
 * A remark plugin: each runnable block of an MDX chapter (```ts exemple + ```text sortie, or
 * ```ts exercice + hints + solution + verification; grammar in src/runnable/blocks-core.mjs)
 * becomes one <RunnableCode> element (src/components/runnable/RunnableCode.astro).
 *
 * The example's or starter's code node stays its child, and the solution's sits in a
 * slot="solution" child, so that Starlight's Expressive Code, a rehype step that runs later,
 * still highlights both at build time. Everything else the component needs travels as string
 * attributes (a JSON `data` string for the code, expected output, hints and check). The import
 * of the component is added only to files that hold a block, so pages without one get nothing.
 * A malformed block fails the build with `<file>:<line>: <message>`.
 */
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { collectBlocks, RunnableBlockError } from '../runnable/blocks-core.mjs';

const COMPONENT = 'RunnableCode';
const COMPONENT_PATH = fileURLToPath(new URL('../components/runnable/RunnableCode.astro', import.meta.url));

/** @param {string} name @param {string} value */
const attribute = (name, value) => ({ type: 'mdxJsxAttribute', name, value });

/** The ESM import node MDX expects: its source text and the estree acorn reads from it. */
function importNode() {
  const value = `import ${COMPONENT} from ${JSON.stringify(COMPONENT_PATH)};`;
  const estree = parse(value, { ecmaVersion: 'latest', sourceType: 'module' });
  return { type: 'mdxjsEsm', value, data: { estree } };
}

/**
 * The code node as Expressive Code should see it: same language and code; as meta only `wrap`
 * and the frame title (the block's own keywords mean nothing to Expressive Code). Long lines
 * wrap, indentation kept, instead of scrolling: readable on a phone, and no scroller that must
 * become a focusable, unnamed region (Expressive Code's fix for those) several times a page.
 * @param {any} node @param {string | undefined} title
 */
function forHighlighting(node, title) {
  return { ...node, meta: title === undefined ? 'wrap' : `wrap title=${JSON.stringify(title)}` };
}

/** @param {import('../runnable/blocks-core.mjs').BlockGroup} group @param {string} chapter */
function element(group, chapter) {
  const { block, nodes } = group;
  const attributes = [attribute('id', block.id), attribute('chapter', chapter), attribute('kind', block.kind)];
  if (block.title !== undefined) attributes.push(attribute('title', block.title));
  const children = [forHighlighting(nodes[0], block.title)];
  if (block.kind === 'exemple') {
    attributes.push(attribute('precision', String(block.precision)));
    attributes.push(attribute('data', JSON.stringify({ source: block.source, expected: block.expected })));
  } else {
    const { starter, hints, solution, check } = block;
    attributes.push(attribute('data', JSON.stringify({ source: starter, hints, solution, check })));
    const solutionNode = nodes[nodes.length - 2];
    children.push({
      type: 'mdxJsxFlowElement',
      name: 'div',
      attributes: [attribute('slot', 'solution')],
      children: [forHighlighting(solutionNode, undefined)],
    });
  }
  return { type: 'mdxJsxFlowElement', name: COMPONENT, attributes, children, position: nodes[0].position };
}

/** The file's name in messages: relative to the working directory when it is inside it. */
function displayName(/** @type {string | undefined} */ path) {
  if (!path) return '<mdx>';
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

export default function remarkRunnable() {
  /** @param {any} tree @param {{ path?: string }} file */
  return (tree, file) => {
    const name = displayName(file.path);
    const groups = collectBlocks(tree, name);
    if (groups.length === 0) return;
    if (file.path && !file.path.endsWith('.mdx')) {
      throw new RunnableBlockError(
        name,
        groups[0]?.block.line ?? 0,
        'les blocs exécutables ne vont que dans un fichier .mdx',
      );
    }
    const chapter = basename(file.path ?? 'chapitre').replace(/\.mdx$/, '');
    // Last first, so that splicing a group leaves the indices of earlier ones (same parent) valid.
    for (const group of groups.toReversed()) {
      group.parent.children.splice(group.start, group.end - group.start, element(group, chapter));
    }
    tree.children.unshift(importNode());
  };
}
