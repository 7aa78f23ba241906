/**
 * The runnable-block grammar (src/runnable/blocks-core.mjs through blocks.ts) and the remark
 * plugin that turns blocks into <RunnableCode>: valid groups parse; every malformed case fails
 * with `<file>:<line>: <French message>` at the offending fence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import { VFile } from 'vfile';
import { extractBlocks, parseMeta, RunnableBlockError } from '../../../src/runnable/blocks';
import remarkRunnable from '../../../src/markdown/remark-runnable.mjs';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'exemple.mdx');
const fence = (info: string, body: string) => '```' + info + '\n' + body + '\n```\n';
const example = (meta = 'id="a"') => fence(`ts exemple ${meta}`, 'print(1);');
const sortie = fence('text sortie', '1');
const exercise = (meta = 'id="e"') => fence(`ts exercice ${meta}`, 'let x = 0;');
const solution = fence('ts solution', 'let x = 1;');
const check = fence('ts verification', "checkEqual('x', x, 1);");

/** The error `extractBlocks` throws for `source`, named `f.mdx`. */
function failure(source: string): RunnableBlockError {
  try {
    extractBlocks(source, 'f.mdx');
  } catch (error) {
    expect(error).toBeInstanceOf(RunnableBlockError);
    return error as RunnableBlockError;
  }
  throw new Error('no error thrown');
}

describe('meta grammar', () => {
  it('reads bare words, key=value and key="value"', () => {
    const { words, attrs } = parseMeta('exemple id=abc title="Deux mots" precision=3');
    expect(words).toEqual(['exemple']);
    expect(Object.fromEntries(attrs)).toEqual({ id: 'abc', title: 'Deux mots', precision: '3' });
  });
  it('rejects an unterminated quote and a repeated key', () => {
    expect(() => parseMeta('exemple title="oups')).toThrow(/illisibles/);
    expect(() => parseMeta('exemple id=a id=b')).toThrow(/deux fois/);
  });
});

describe('valid blocks', () => {
  it('parses the fixture: an example and an exercise with their lines', () => {
    const blocks = extractBlocks(readFileSync(FIXTURE, 'utf8'), 'exemple.mdx');
    expect(blocks).toEqual([
      {
        kind: 'exemple',
        id: 'somme',
        title: 'Une somme',
        precision: 3,
        source: 'print(weightedSum([0.6, 0.25, 0.15], [1, 2, 3], 1.2));',
        expected: '3.75',
        line: 8,
      },
      {
        kind: 'exercice',
        id: 'double',
        starter: 'function double(x: number): number {\n  return 0; // à vous de jouer\n}',
        hints: ['Multipliez par deux.'],
        solution: 'function double(x: number): number {\n  return 2 * x;\n}',
        check: "checkEqual('double(2)', double(2), 4);",
        line: 16,
        solutionLine: 26,
        checkLine: 32,
      },
    ]);
  });
  it('defaults precision to 6, takes exercises without hints, ignores ordinary code', () => {
    const source = [
      fence('ts', 'const plain = 1;'),
      fence('ts title="un exemple"', 'const quoted = 2;'),
      example(),
      sortie,
      exercise(),
      solution,
      check,
    ].join('\n');
    const blocks = extractBlocks(source, 'f.mdx');
    expect(blocks.map((b) => [b.kind, b.id])).toEqual([
      ['exemple', 'a'],
      ['exercice', 'e'],
    ]);
    expect(blocks[0]).toMatchObject({ precision: 6 });
    expect(blocks[1]).toMatchObject({ hints: [] });
  });
  it('finds blocks nested in a JSX element, and keeps lines past a frontmatter', () => {
    const source = '---\ntitle: x\n---\n\n<div>\n\n' + example() + '\n' + sortie + '\n</div>\n';
    expect(extractBlocks(source, 'f.mdx')).toMatchObject([{ id: 'a', line: 7 }]);
  });
});

describe('malformed blocks fail with file and line', () => {
  const cases: [string, string, number, RegExp][] = [
    ['unknown key', '\n' + example('id="a" couleur=rouge') + '\n' + sortie, 2, /option «\u202fcouleur\u202f» inconnue/],
    ['unknown bare word', example('id="a" vite') + '\n' + sortie, 1, /option «\u202fvite\u202f» inconnue/],
    ['key on a sortie', example() + '\n' + fence('text sortie id=x', '1'), 5, /inconnue pour un bloc «\u202fsortie/],
    ['missing sortie', example() + '\nDu texte.\n\n' + sortie, 1, /doit être suivi immédiatement/],
    ['sortie alone', 'Du texte.\n\n' + sortie, 3, /bloc «\u202fsortie\u202f» isolé/],
    ['hint alone', fence('text indice', 'x'), 1, /isolé/],
    ['exercise without verification', exercise() + '\n' + solution, 1, /verification/],
    ['exercise without solution', exercise() + '\n' + check, 1, /solution/],
    ['verification before solution', exercise() + '\n' + check + '\n' + solution, 1, /solution/],
    ['missing id', example('precision=2') + '\n' + sortie, 1, /demande un id/],
    ['bad id', example('id="Grand_A"') + '\n' + sortie, 1, /id «\u202fGrand_A\u202f» invalide/],
    [
      'duplicate id',
      exercise('id="a"') + '\n' + solution + '\n' + check + '\n' + example() + '\n' + sortie,
      13,
      /déjà utilisé ligne 1/,
    ],
    ['precision 13', example('id="a" precision=13') + '\n' + sortie, 1, /precision «\u202f13\u202f» invalide/],
    ['precision 1.5', example('id="a" precision=1.5') + '\n' + sortie, 1, /precision/],
    ['wrong language', fence('js exemple id="a"', 'print(1)') + '\n' + sortie, 1, /s’écrit ```ts exemple/],
    ['role as language', example() + '\n' + fence('sortie', '1'), 5, /s’écrit ```text sortie/],
    ['two roles', fence('ts exemple exercice id="a"', 'x') + '\n' + sortie, 1, /qu’un rôle/],
  ];
  it.each(cases)('%s', (_name, source, line, message) => {
    const error = failure(source);
    expect(error.message.startsWith(`f.mdx:${line}: `)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.line).toBe(line);
  });
});

describe('remark plugin', () => {
  async function transform(source: string, path = '/site/src/content/docs/neurone.mdx') {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkRunnable);
    const file = new VFile({ value: source, path });
    return (await processor.run(processor.parse(file), file)) as unknown as {
      children: {
        type: string;
        name?: string;
        value?: string;
        attributes?: { name: string; value: string }[];
        children?: unknown[];
      }[];
    };
  }
  const attrs = (node: { attributes?: { name: string; value: string }[] }) =>
    Object.fromEntries((node.attributes ?? []).map((a) => [a.name, a.value]));

  it('replaces each group by <RunnableCode> and imports the component once', async () => {
    const tree = await transform(readFileSync(FIXTURE, 'utf8'));
    const esm = tree.children.filter((n) => n.type === 'mdxjsEsm');
    expect(esm).toHaveLength(1);
    expect(esm[0]!.value).toMatch(/^import RunnableCode from ".*\/src\/components\/runnable\/RunnableCode\.astro";$/);
    expect(esm[0]).toHaveProperty('data.estree.body.0.type', 'ImportDeclaration');
    const elements = tree.children.filter((n) => n.type === 'mdxJsxFlowElement');
    expect(elements.map((e) => e.name)).toEqual(['RunnableCode', 'RunnableCode']);
    expect(tree.children.some((n) => n.type === 'code')).toBe(false);

    const [ex, exo] = elements as [(typeof elements)[0], (typeof elements)[0]];
    expect(attrs(ex)).toMatchObject({
      id: 'somme',
      chapter: 'neurone',
      kind: 'exemple',
      title: 'Une somme',
      precision: '3',
    });
    expect(JSON.parse(attrs(ex).data!)).toEqual({
      source: 'print(weightedSum([0.6, 0.25, 0.15], [1, 2, 3], 1.2));',
      expected: '3.75',
    });
    expect(ex.children).toMatchObject([{ type: 'code', lang: 'ts', meta: 'wrap title="Une somme"' }]);

    expect(attrs(exo)).toMatchObject({ id: 'double', kind: 'exercice' });
    expect(JSON.parse(attrs(exo).data!)).toMatchObject({
      hints: ['Multipliez par deux.'],
      check: "checkEqual('double(2)', double(2), 4);",
    });
    expect(exo.children).toMatchObject([
      { type: 'code', lang: 'ts', meta: 'wrap', value: expect.stringContaining('return 0;') },
      {
        type: 'mdxJsxFlowElement',
        name: 'div',
        attributes: [{ name: 'slot', value: 'solution' }],
        children: [{ type: 'code', value: expect.stringContaining('return 2 * x;') }],
      },
    ]);
  });
  it('leaves a file without blocks untouched (no import)', async () => {
    const tree = await transform('# Titre\n\n' + fence('ts', 'const x = 1;'));
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'code']);
  });
  it('fails on a malformed block, naming the file and the line', async () => {
    await expect(
      transform('Texte.\n\n' + example() + '\nPas de sortie.\n', join(process.cwd(), 'src/content/docs/neurone.mdx')),
    ).rejects.toThrow(/^src\/content\/docs\/neurone\.mdx:3: l’exemple «\u202fa\u202f» doit être suivi immédiatement/);
  });
});
