/**
 * Every runnable block of the chapters, run in Node with the runtime the browser's worker uses
 * (src/runnable/run-code.ts): an example's output (its messages' text form, as the page shows it
 * once the run ends) must match its ```text sortie within the precision it states; an exercise's
 * solution must pass its check and its starter code must fail it, so that no check is vacuous.
 * A failure names the MDX file and the line of the block.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBlocks, type RunnableBlock } from '../../../src/runnable/blocks';
import { runCode, type RunResult } from '../../../src/runnable/run-code';
import { compareOutput } from '../../../src/runnable/compare-output';
import { outputToText } from '../../../src/nn/output/text';
import type { OutputMessage } from '../../../src/nn/output/messages';

const DOCS = join(process.cwd(), 'src/content/docs');

function* mdxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* mdxFiles(path);
    else if (entry.name.endsWith('.mdx')) yield path;
  }
}

const chapters = [...mdxFiles(DOCS)].map((path) => {
  const file = relative(process.cwd(), path);
  return { file, blocks: extractBlocks(readFileSync(path, 'utf8'), file) };
});

async function run(source: string, check?: string): Promise<{ result: RunResult; text: string }> {
  const messages: OutputMessage[] = [];
  const result = await runCode(source, { emit: (m) => messages.push(m), ...(check === undefined ? {} : { check }) });
  return { result, text: outputToText(messages) };
}

/** A run's outcome in a sentence, for failure messages. */
function describeRun(result: RunResult, text: string): string {
  const checks = result.checks.map(
    (c) => `${c.pass ? '✓' : '✗'} ${c.name} (attendu ${c.expected}, reçu ${c.received})`,
  );
  return [result.error ? `erreur : ${result.error.message}` : 'sans erreur', ...checks, 'sortie :', text].join('\n');
}

const passes = (r: RunResult) => r.ok && r.checks.length > 0 && r.checks.every((c) => c.pass);

describe.each(chapters.filter((c) => c.blocks.length > 0))('$file', ({ file, blocks }) => {
  it.each(blocks.map((block: RunnableBlock) => ({ name: `${file}:${block.line} ${block.id}`, block })))(
    '$name',
    async ({ name, block }) => {
      if (block.kind === 'exemple') {
        const { result, text } = await run(block.source);
        expect(result.error, `${name}: ${describeRun(result, text)}`).toBeUndefined();
        expect(result.ok, `${name}: ${describeRun(result, text)}`).toBe(true);
        const comparison = compareOutput(block.expected, text, block.precision);
        expect(comparison.ok, `${name}: ${comparison.diff?.message}\nsortie complète :\n${text}`).toBe(true);
      } else {
        const solved = await run(block.solution, block.check);
        expect(
          passes(solved.result),
          `${name}: la solution doit passer la vérification\n${describeRun(solved.result, solved.text)}`,
        ).toBe(true);
        const started = await run(block.starter, block.check);
        expect(
          passes(started.result),
          `${name}: le code de départ ne doit pas passer la vérification\n${describeRun(started.result, started.text)}`,
        ).toBe(false);
      }
    },
  );
});

describe('chapter 2 (neurone) shows the runnable blocks', () => {
  it('has at least 3 examples and 2 exercises', () => {
    const blocks = chapters.find((c) => c.file.endsWith('neurone.mdx'))?.blocks ?? [];
    expect(blocks.filter((b) => b.kind === 'exemple').length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((b) => b.kind === 'exercice').length).toBeGreaterThanOrEqual(2);
  });
});
