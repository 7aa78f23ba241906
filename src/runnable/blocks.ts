/**
 * Runnable code blocks for TypeScript callers (the doc-tests and type-tests): the grammar and
 * its validation live in blocks-core.mjs, shared with the remark plugin that the build loads
 * without a TS loader; this module gives it types and adds `extractBlocks`, which parses an MDX
 * file as the site's pipeline does (remark-parse + remark-mdx + remark-math).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { collectBlocks } from './blocks-core.mjs';
import type { RunnableBlock } from './blocks-core.mjs';

export { collectBlocks, parseMeta, roleOf, RunnableBlockError, DEFAULT_PRECISION } from './blocks-core.mjs';
export type { ExampleBlock, ExerciseBlock, RunnableBlock, BlockGroup } from './blocks-core.mjs';

/**
 * Blanks a leading YAML frontmatter, keeping its line count, as Astro does before MDX sees the
 * file (so lines match, and YAML is never read as Markdown or JSX).
 */
function blankFrontmatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(source);
  if (!match) return source;
  return match[0].replace(/[^\r\n]/g, ' ') + source.slice(match[0].length);
}

/** Every runnable block of an MDX source, validated; `file` names it in error messages. */
export function extractBlocks(mdxSource: string, file: string): RunnableBlock[] {
  const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse(blankFrontmatter(mdxSource));
  return collectBlocks(tree, file).map((group) => group.block);
}
