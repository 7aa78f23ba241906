/**
 * The MNIST data on both sides of the island's worker, wired as the worker wires them: the
 * page's store (data-store.ts) asks, the worker's shelf (data-shelf.ts) loads the files with
 * loadMnist and holds the chunks. The page gets the labels, chunk by chunk, and only the pixels
 * it asks for; a failure reaches it in French, and a retry fetches only what failed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildMnistData } from '../../../../scripts/mnist-data.mjs';
import { loadMnist, type LoadMnistOptions } from '../../../../src/nn/data/mnist-fetch';
import { Shelf, type MnistInput, type MnistNotice } from '../../../../src/components/islands/mnist/data-shelf';
import { MnistDataStore, type DataView } from '../../../../src/components/islands/mnist/data-store';
import { removeTempDirs, tempOutputDir, writeMnistInputs } from '../../nn/data/mnist-fixture';

// train 5 images (chunks of 2, 2, 1), test 3 (2, 1), 4×4 pixels
const { dir, train, test } = writeMnistInputs();
const out = tempOutputDir();
await buildMnistData({ inputDir: dir, outputDir: out, chunkSize: 2, log: () => {} });
afterAll(removeTempDirs);
const PIXELS = 16;

/** A site of its own (the loader's cache is per URL); `failOnce`: files answered 404 the first time. */
let sites = 0;
function island(failOnce: string[] = []) {
  const base = `https://test.invalid/s${++sites}/`;
  const requested: string[] = [];
  const fetch: NonNullable<LoadMnistOptions['fetch']> = async (url) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    requested.push(name);
    if (failOnce.includes(name)) {
      failOnce.splice(failOnce.indexOf(name), 1);
      return new Response('', { status: 404 });
    }
    return new Response(new Uint8Array(readFileSync(join(out, name))));
  };
  const shelf = new Shelf((url, o) => loadMnist(url, { ...o, fetch }));
  const notices: MnistNotice[] = [];
  const views: DataView[] = [];
  const sent: MnistInput[] = [];
  // The worker's notices come back later, as messages do.
  const store: MnistDataStore = new MnistDataStore(
    base,
    (input) => {
      sent.push(input);
      shelf.input(input, (n) =>
        queueMicrotask(() => {
          notices.push(n);
          store.receive(n);
        }),
      );
    },
    (v) => views.push({ ...v }),
  );
  return { shelf, store, notices, views, sent, requested };
}

describe('the MNIST data: loaded and held by the worker, labels and asked-for pixels on the page', () => {
  it('loads in the worker; the page gets each chunk’s labels once and the pixels it asks for', async () => {
    const { store, shelf, notices, views, sent, requested } = island();
    const trainWait = store.whenTrain(4);
    await store.load();
    await trainWait;
    expect(sent[0]).toEqual({ kind: 'load', url: `https://test.invalid/s${sites}/data/mnist/` });
    expect(requested.filter((r) => r.endsWith('.gz'))).toHaveLength(5);
    // labels only: each chunk once, with a copy of its labels
    const chunks = notices.filter((n) => n.kind === 'chunk');
    expect(chunks.map((c) => `${c.set}@${c.offset}:${c.labels.length}`).sort()).toEqual([
      'test@0:2',
      'test@2:1',
      'train@0:2',
      'train@2:2',
      'train@4:1',
    ]);
    const { view } = store;
    expect(view).toMatchObject({ status: 'pret', trainLoaded: 5, testLoaded: true, error: '' });
    expect(view.ms).toBeGreaterThanOrEqual(0);
    expect(view.trainLabels).toEqual(train.labels);
    expect(view.progress).toMatchObject({ imagesLoaded: 8, imagesTotal: 8 });
    // the view is plain labels and counts: no pixel anywhere on the page's side
    expect(Object.values(view).filter((v) => v instanceof Uint8Array && v.length >= PIXELS)).toEqual([]);
    expect(views.some((v) => v.status === 'chargement')).toBe(true);

    // Pixels on request, in the order asked, across chunks.
    const asked = await store.images('train', [4, 0, 3]);
    const expected = [4, 0, 3].flatMap((i) => [...train.images.subarray(i * PIXELS, (i + 1) * PIXELS)]);
    expect([...asked]).toEqual(expected);
    expect([...(await store.images('test', [2]))]).toEqual([...test.images.subarray(2 * PIXELS, 3 * PIXELS)]);
    await expect(store.images('train', [5])).rejects.toThrow(/pas encore chargées/);
    // the worker's runs wait on the same shelf
    const set = await shelf.whenTrain(5, new AbortController().signal);
    expect(set.images).toEqual(train.images);
  });

  it('the test labels arrive as the test set does', async () => {
    const { store } = island();
    await store.whenTest();
    expect(store.view.testLabels).toEqual(test.labels);
  });

  it('a failure reaches the page in French, waiting runs are told; a retry fetches only what failed', async () => {
    const { store, notices, requested, sent } = island(['train-2.npnm.gz']);
    const waiting = store.whenTrain(5);
    await store.load();
    await expect(waiting).rejects.toThrow(/train-2\.npnm\.gz/);
    expect(store.view.status).toBe('erreur');
    expect(store.view.error).toMatch(/^Le serveur a répondu 404 pour train-2\.npnm\.gz/);
    expect(notices.filter((n) => n.kind === 'error')).toHaveLength(1);
    const fileOf = (n: MnistNotice) => (n.kind === 'chunk' ? `${n.set}-${n.offset / 2}.npnm.gz` : '');
    const arrived = notices.filter((n) => n.kind === 'chunk').map(fileOf);
    expect(arrived.length).toBeGreaterThan(0);
    const before = requested.length;

    await store.load(); // « Réessayer »
    expect(sent.filter((s) => s.kind === 'load')).toHaveLength(2);
    expect(store.view).toMatchObject({ status: 'pret', error: '', trainLoaded: 5, testLoaded: true });
    // exactly what had not passed its checks is fetched again (not even the manifest)
    const all = ['train-0', 'train-1', 'train-2', 'test-0', 'test-1'].map((f) => `${f}.npnm.gz`);
    expect(requested.slice(before).sort()).toEqual(all.filter((f) => !arrived.includes(f)).sort());
    // each chunk's labels reached the page once, the retry's cached chunks not again
    expect(
      notices
        .filter((n) => n.kind === 'chunk')
        .map(fileOf)
        .sort(),
    ).toEqual([...all].sort());
    expect(store.view.trainLabels).toEqual(train.labels);
    expect(store.view.testLabels).toEqual(test.labels);
  });

  it('each image is held once: runs train on views of one buffer per set, the decoded chunks are let go', async () => {
    // train-1 waits until released, so a run can start on chunk 0 alone
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fetch: NonNullable<LoadMnistOptions['fetch']> = async (url) => {
      const name = url.slice(url.lastIndexOf('/') + 1);
      if (name === 'train-1.npnm.gz') await gate;
      return new Response(new Uint8Array(readFileSync(join(out, name))));
    };
    const handed: WeakRef<object>[] = [];
    const shelf = new Shelf((url, o) =>
      loadMnist(url, {
        ...o,
        fetch,
        onChunk: (chunk, file) => {
          handed.push(new WeakRef(chunk));
          o?.onChunk?.(chunk, file);
        },
      }),
    );
    const notices: MnistNotice[] = [];
    shelf.input({ kind: 'load', url: `https://test.invalid/s${++sites}/data/mnist/` }, (n) => notices.push(n));
    const signal = new AbortController().signal;
    const early = await shelf.whenTrain(2, signal);
    expect(early.count).toBe(2);
    release();
    const full = await shelf.whenTrain(5, signal);
    const testSet = await shelf.whenTest(signal);
    // the first images and then all of them: views of the same buffer, the set's full size, never copied
    expect(full.images.buffer).toBe(early.images.buffer);
    expect(full.images.buffer.byteLength).toBe(5 * PIXELS);
    expect(full.labels.buffer).toBe(early.labels.buffer);
    expect(full).toEqual({ ...train, count: 5, rows: 4, cols: 4 });
    expect(testSet.images.buffer.byteLength).toBe(3 * PIXELS);
    expect(testSet.images).toEqual(test.images);
    await vi.waitFor(() => expect(notices.at(-1)?.kind).toBe('done'));

    // Nobody keeps the decoded chunks (neither loadMnist's cache nor the shelf): a full collection frees them.
    expect(handed).toHaveLength(5);
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    await new Promise((resolve) => setTimeout(resolve, 0)); // WeakRefs hold their targets until the job ends
    gc();
    expect(handed.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  });

  it('the worker failing outside a run fails the load under way, in French', async () => {
    const store = new MnistDataStore(
      'https://test.invalid/rien/',
      () => {},
      () => {},
    );
    const waiting = store.whenTest();
    store.fail(new Error('Les images n’ont pas pu être chargées\u00a0: le moteur n’a pas pu démarrer.'));
    await expect(waiting).rejects.toThrow(/^Les images n’ont pas pu être chargées/);
    expect(store.view.status).toBe('erreur');
  });
});
