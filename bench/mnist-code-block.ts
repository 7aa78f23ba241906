/**
 * Chapter 9's fast-engine code block (`mlp-rapide`) as the benches run it: read from the MDX,
 * with its `TRAIN` subset (which keeps the doc-test short) set to all 60,000 training images.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { extractBlocks } from '../src/runnable/blocks';

export const MNIST_CODE_FILE = 'src/content/docs/projet-mnist.mdx';
const SUBSET = /^const TRAIN = [\d_]+;/m;

export function fullMnistCodeBlock(): { source: string; line: number } {
  const block = extractBlocks(readFileSync(join(process.cwd(), MNIST_CODE_FILE), 'utf8'), MNIST_CODE_FILE).find(
    (b) => b.kind === 'exemple' && b.id === 'mlp-rapide',
  );
  if (block?.kind !== 'exemple') throw new Error(`${MNIST_CODE_FILE} : bloc mlp-rapide introuvable.`);
  expect(block.source, 'the block sets its subset on a line `const TRAIN = …;`').toMatch(SUBSET);
  return { source: block.source.replace(SUBSET, 'const TRAIN = 60_000;'), line: block.line };
}
