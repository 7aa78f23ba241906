/**
 * The completion list the editor ships (src/runnable/api-docs.generated.ts) follows the API:
 * regenerated in memory from src/nn/index.ts, it must equal the committed file. And every export a
 * reader can call carries a French doc comment the editor can show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  API_DOCS_FILE,
  compactSignature,
  firstSentence,
  readApiDocs,
  renderApiDocs,
} from '../../../scripts/api-docs.mjs';
import { apiDocs } from '../../../src/runnable/api-docs.generated';

const docs = readApiDocs();

describe('api-docs.generated.ts', () => {
  test('is up to date with src/nn/index.ts', async () => {
    const expected = await renderApiDocs(docs);
    const committed = readFileSync(API_DOCS_FILE, 'utf8');
    expect(
      committed === expected,
      'src/runnable/api-docs.generated.ts est périmé\u00a0: lancez node scripts/api-docs.mjs',
    ).toBe(true);
  });

  test('unpacks to the same entries the generator read', () => {
    expect(apiDocs).toEqual(docs);
  });

  test('lists every value export once, sorted, with a kind and a signature', () => {
    const names = docs.map((d) => d.name);
    expect(names).toEqual([...new Set(names)].sort());
    expect(names).toEqual(expect.arrayContaining(['sigmoid', 'softmax', 'weightedSum', 'fromRows']));
    // Types are not values: the editor must not offer them as names to call.
    expect(names).not.toContain('MlpSpec');
    expect(names).not.toContain('Matrix');
    const sigmoid = docs.find((d) => d.name === 'sigmoid');
    expect(sigmoid).toMatchObject({ kind: 'function', signature: '(z: number) => number' });
    for (const d of docs) expect(d.signature.length, d.name).toBeLessThanOrEqual(56);
  });

  test('every export has a doc, in French typography', () => {
    const missing = docs.filter((d) => d.doc === '').map((d) => d.name);
    expect(missing, 'exports sans commentaire JSDoc (le lecteur les voit dans la complétion)').toEqual([]);
    // Shown to readers: a plain space before : ; ! ? % would break the site's typography.
    const badSpaces = docs.filter((d) => / [:;!?%]/.test(d.doc)).map((d) => d.name);
    expect(badSpaces, 'espace ordinaire avant : ; ! ? ou % dans la doc').toEqual([]);
  });

  test('compacts a signature: no readonly, a destructured parameter named options', () => {
    expect(compactSignature('(a: readonly number[], { x, y }?: { x?: number; y?: number; }) => void')).toBe(
      '(a: number[], options?: { x?: number; y?: number; }) => void',
    );
    expect(compactSignature('(rng: Rng, { n, noise }: Opts) => Data')).toBe('(rng: Rng, options: Opts) => Data');
  });

  test('keeps the first sentence of a doc comment', () => {
    expect(firstSentence('Output of one neuron.\nSecond sentence.')).toBe('Output of one neuron.');
    expect(firstSentence('Zeros (e.g. for gradients). Then more.')).toBe('Zeros (e.g. for gradients).');
    expect(firstSentence('Un pas, p. ex. 0.5 ou `a.b`. Suite.')).toBe('Un pas, p. ex. 0.5 ou `a.b`.');
    expect(firstSentence('Les pertes :\n- `mse` : carré. Suite.')).toBe('Les pertes :');
    expect(firstSentence('Sans point final')).toBe('Sans point final');
  });
});
