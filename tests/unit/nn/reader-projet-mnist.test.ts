/**
 * loadMnistData (chapter 9's code blocks): the first images of each set, from disk in Node and
 * from the site's URL when the runtime set one, with one progress line per chunk. Reads the real
 * files of public/data/mnist/ (written by the build, or `node scripts/mnist-data.mjs`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeMnistChunk } from '../../../src/nn/data/mnist';
import type { OutputMessage, ProgressMessage } from '../../../src/nn/output/messages';
import { setOutputSink } from '../../../src/nn/output/sink';
import { loadMnistData, setMnistSiteBase } from '../../../src/nn/reader/mnist-data';

const DIR = join(process.cwd(), 'public/data/mnist');
// Compared as a boolean: a failing toEqual on 1.5 MB arrays would print (and diff) them whole.
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(a, b) === 0;
const chunk = (name: string) => decodeMnistChunk(new Uint8Array(gunzipSync(readFileSync(join(DIR, name)))));

async function load(options?: Parameters<typeof loadMnistData>[0]) {
  const messages: OutputMessage[] = [];
  const previous = setOutputSink((m) => messages.push(m));
  try {
    const data = await loadMnistData(options);
    return { data, progress: messages.filter((m): m is ProgressMessage => m.kind === 'progress') };
  } finally {
    setOutputSink(previous);
  }
}

afterEach(() => {
  setMnistSiteBase(undefined);
  vi.unstubAllGlobals();
});

describe('loadMnistData', () => {
  it('reads the files from disk in Node and keeps the first images asked for', async () => {
    const { data, progress } = await load({ train: 2000, test: 300 });
    const train0 = chunk('train-0.npnm.gz');
    const test0 = chunk('test-0.npnm.gz');
    expect(data.train.count).toBe(2000);
    expect(data.train.images.length).toBe(2000 * 784);
    expect(same(data.train.images, train0.images.subarray(0, 2000 * 784))).toBe(true);
    expect(same(data.train.labels, train0.labels.subarray(0, 2000))).toBe(true);
    expect(data.test.count).toBe(300);
    expect(same(data.test.labels, test0.labels.subarray(0, 300))).toBe(true);
    expect(data.test.images.length).toBe(300 * 784);
    // One line per chunk (and one at the start), labelled MNIST, ending at every image of both sets.
    expect(progress.every((m) => m.label === 'MNIST' && m.max === 70_000)).toBe(true);
    expect(progress.at(-1)!.value).toBe(70_000);
    expect(new Set(progress.map((m) => m.value)).size).toBe(progress.length);
  });

  it('loads every image by default, and skips a set asked with 0 images', async () => {
    const all = await load();
    expect([all.data.train.count, all.data.test.count]).toEqual([60_000, 10_000]);
    expect(all.data.train.images.length).toBe(60_000 * 784);
    const testOnly = await load({ train: 0 });
    expect(testOnly.data.train.count).toBe(0);
    expect(testOnly.progress.at(-1)!.max).toBe(10_000);
  });

  it('fetches from the site base the runtime set (the browser’s worker)', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      urls.push(url);
      const name = url.slice(url.lastIndexOf('/') + 1);
      return Promise.resolve(new Response(readFileSync(join(DIR, name))));
    });
    setMnistSiteBase('https://site.test/cours/');
    const { data } = await load({ train: 0, test: 5 });
    expect([...data.test.labels]).toEqual([...chunk('test-0.npnm.gz').labels.subarray(0, 5)]);
    expect(urls).toEqual([
      'https://site.test/cours/data/mnist/manifest.json',
      'https://site.test/cours/data/mnist/test-0.npnm.gz',
    ]);
  });

  it('refuses a count that is not a whole number or larger than the set, in French', async () => {
    await expect(load({ train: 2.5 })).rejects.toThrow(/train doit être un nombre entier d’images/);
    await expect(load({ test: 10_001 })).rejects.toThrow(/10001 images demandées, le jeu test n’en a que 10000/);
  });
});
