import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMnistData } from '../../../../scripts/mnist-data.mjs';
import type { MnistChunk } from '../../../../src/nn/data/mnist';
import {
  assembleMnistSet,
  loadMnist,
  type LoadMnistOptions,
  type MnistFileEntry,
  type MnistProgress,
} from '../../../../src/nn/data/mnist-fetch';
import { removeTempDirs, tempOutputDir, writeMnistInputs } from './mnist-fixture';

// Built once: train 5 images (chunks of 2, 2, 1), test 3 (2, 1), 4×4 pixels.
const { dir, train, test } = writeMnistInputs();
const out = tempOutputDir();
// At the top level, not in beforeAll: the it.each tables below read the manifest when collected.
const { manifest } = (await buildMnistData({ inputDir: dir, outputDir: out, chunkSize: 2, log: () => {} })) as {
  manifest: { files: MnistFileEntry[]; totals: { compressedBytes: number } };
};
afterAll(removeTempDirs);

const file = (name: string) => new Uint8Array(readFileSync(join(out, name)));
const entry = (name: string) => manifest.files.find((f) => f.name === name)!;

/** A body delivered 7 bytes at a time, so progress moves; `fail` errors the stream at its end. */
function streamed(bytes: Uint8Array, fail?: Error): Response {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at < bytes.length) {
        c.enqueue(bytes.slice(at, at + 7));
        at += 7;
      } else if (fail) c.error(fail);
      else c.close();
    },
  });
  return new Response(body);
}

type Serve = (name: string) => Response | Promise<Response>;

/**
 * A fake server for the files of `out` under a base URL of its own (the loader's cache is per
 * URL, so each server starts cold); `override` replaces the answer for some names (once).
 */
let servers = 0;
function server(override: Record<string, Serve> = {}) {
  const base = `https://test.invalid/s${++servers}/data/mnist/`;
  const requested: string[] = [];
  const fetch: NonNullable<LoadMnistOptions['fetch']> = async (url, { signal }) => {
    signal.throwIfAborted();
    const name = url.slice(base.length);
    requested.push(name);
    const special = override[name];
    if (special) {
      delete override[name];
      return special(name);
    }
    return streamed(file(name));
  };
  return { base, requested, fetch };
}

describe('loadMnist', () => {
  it('loads both sets, chunk by chunk, with progress in bytes and images reaching the totals', async () => {
    const s = server();
    const progress: MnistProgress[] = [];
    const seen: string[] = [];
    const loaded = await loadMnist(s.base, {
      fetch: s.fetch,
      onProgress: (p) => progress.push(p),
      onChunk: (chunk, f) => seen.push(`${f.name}@${chunk.offset}`),
    });
    expect(s.requested).toEqual([
      'manifest.json',
      'train-0.npnm.gz',
      'train-1.npnm.gz',
      'train-2.npnm.gz',
      'test-0.npnm.gz',
      'test-1.npnm.gz',
    ]);
    expect(seen.sort()).toEqual([
      'test-0.npnm.gz@0',
      'test-1.npnm.gz@2',
      'train-0.npnm.gz@0',
      'train-1.npnm.gz@2',
      'train-2.npnm.gz@4',
    ]);
    expect(assembleMnistSet(loaded.chunks.train)).toEqual(train);
    expect(assembleMnistSet(loaded.chunks.test)).toEqual(test);

    const last = progress.at(-1)!;
    expect(last).toEqual({
      bytesLoaded: manifest.totals.compressedBytes,
      bytesTotal: manifest.totals.compressedBytes,
      imagesLoaded: 8,
      imagesTotal: 8,
      filesLoaded: 5,
      filesTotal: 5,
    });
    expect(progress[0]).toMatchObject({ bytesLoaded: 0, imagesLoaded: 0 });
    expect(progress.length).toBeGreaterThan(10); // many steps, 7 bytes at a time
    for (let k = 1; k < progress.length; k++) {
      expect(progress[k]!.bytesLoaded).toBeGreaterThanOrEqual(progress[k - 1]!.bytesLoaded);
      expect(progress[k]!.imagesLoaded).toBeGreaterThanOrEqual(progress[k - 1]!.imagesLoaded);
    }
  });

  it('loads the test set alone, and the training set later without fetching anything twice', async () => {
    const s = server();
    const first = await loadMnist(s.base, { fetch: s.fetch, sets: ['test'] });
    expect(first.chunks.train).toEqual([]);
    expect(assembleMnistSet(first.chunks.test)).toEqual(test);
    expect(s.requested).toEqual(['manifest.json', 'test-0.npnm.gz', 'test-1.npnm.gz']);
    const both = await loadMnist(s.base, { fetch: s.fetch, sets: ['train', 'test'] });
    expect(assembleMnistSet(both.chunks.train)).toEqual(train);
    expect(s.requested.slice(3)).toEqual(['train-0.npnm.gz', 'train-1.npnm.gz', 'train-2.npnm.gz']);
  });

  it('accepts a chunk the browser already decompressed (server sending Content-Encoding: gzip)', async () => {
    const s = server({ 'train-1.npnm.gz': (name) => streamed(gunzipSync(file(name))) });
    const loaded = await loadMnist(s.base, { fetch: s.fetch, sets: ['train'] });
    expect(assembleMnistSet(loaded.chunks.train)).toEqual(train);
  });

  const packed = (name: string) => file(name);
  const raw = (name: string) => new Uint8Array(gunzipSync(file(name)));

  it.each<[string, string, Serve, RegExp]>([
    [
      'a truncated file',
      'train-1.npnm.gz',
      (n) => streamed(packed(n).subarray(0, 30)),
      /Le fichier train-1\.npnm\.gz est incomplet\u00a0: 30 octets reçus sur \d+\. Vérifiez votre connexion et réessayez\./,
    ],
    [
      'a connection cut mid-file',
      'train-2.npnm.gz',
      (n) => streamed(packed(n).subarray(0, 21), new TypeError('network error')),
      /Le fichier train-2\.npnm\.gz est incomplet\u00a0: 21 octets reçus sur \d+ \(network error\)\. Vérifiez votre connexion/,
    ],
    [
      'a network failure',
      'train-0.npnm.gz',
      () => Promise.reject(new TypeError('Failed to fetch')),
      /Impossible de télécharger train-0\.npnm\.gz \(Failed to fetch\)\. Vérifiez votre connexion/,
    ],
    [
      'an HTTP 404',
      'test-1.npnm.gz',
      () => new Response('not found', { status: 404, statusText: 'Not Found' }),
      /Le serveur a répondu 404 \(Not Found\) pour test-1\.npnm\.gz\. Rechargez la page et réessayez\./,
    ],
    [
      'an HTML page instead of the file',
      'train-0.npnm.gz',
      () => streamed(new TextEncoder().encode('<!doctype html><p>Oups</p>')),
      /Le fichier train-0\.npnm\.gz n’est pas un fichier de données MNIST\u00a0: il ne commence ni par la signature gzip ni par «\u202fNPNM\u202f» \(le serveur a peut-être renvoyé une page d’erreur\)/,
    ],
    [
      'a chunk of another format version',
      'test-0.npnm.gz',
      (n) => {
        const bytes = raw(n);
        bytes[4] = 2; // the version, little-endian uint32; served decompressed so the size stays exact
        return streamed(bytes);
      },
      /Le fichier test-0\.npnm\.gz est illisible \(Fichier MNIST du site\u00a0: version 2 non prise en charge \(version 1 attendue\)\.\)/,
    ],
    [
      'a decompressed chunk cut short',
      'test-0.npnm.gz',
      (n) => streamed(raw(n).subarray(0, 40)),
      /Le fichier test-0\.npnm\.gz est incomplet\u00a0: 40 octets reçus sur 62\./,
    ],
    [
      'bytes that are not valid gzip',
      'train-1.npnm.gz',
      (n) => {
        const bytes = packed(n);
        for (let k = 12; k < bytes.length - 8; k++) bytes[k]! ^= 0x5a;
        return streamed(bytes);
      },
      /Le fichier train-1\.npnm\.gz est corrompu\u00a0: décompression impossible/,
    ],
    [
      'a hash mismatch',
      'train-2.npnm.gz',
      (n) => {
        const bytes = raw(n);
        bytes[bytes.length - 1]! ^= 1; // a pixel: still a valid chunk
        return streamed(bytes);
      },
      /Le fichier train-2\.npnm\.gz est corrompu\u00a0: son empreinte SHA-256 ne correspond pas au manifeste\./,
    ],
    [
      'a chunk from another place of the set',
      'train-0.npnm.gz',
      () => streamed(raw('train-1.npnm.gz')), // same size: 2 images
      /Le fichier train-0\.npnm\.gz ne correspond pas au manifeste\u00a0: offset = 2, 0 attendu\./,
    ],
    [
      'a file larger than announced',
      'train-0.npnm.gz',
      (n) => streamed(Uint8Array.from([...packed(n), 0, 0])),
      /Le fichier train-0\.npnm\.gz n’a pas la taille annoncée/,
    ],
  ])('rejects %s with a French message naming the file', async (_, name, serve, message) => {
    const s = server({ [name]: serve });
    const seen: MnistChunk[] = [];
    await expect(loadMnist(s.base, { fetch: s.fetch, onChunk: (c) => seen.push(c) })).rejects.toThrow(message);
    expect(seen.length).toBeLessThan(5);
  });

  it('rejects an invalid manifest', async () => {
    const s = server({ 'manifest.json': () => new Response('{"format":"NPNM","formatVersion":2}') });
    await expect(loadMnist(s.base, { fetch: s.fetch })).rejects.toThrow(
      /Le fichier manifest\.json des données MNIST est invalide\u00a0: format NPNM v2, NPNM v1 attendu\./,
    );
  });

  it('retries: a second call fetches only what failed and hands over the cached chunks first', async () => {
    const s = server({ 'train-1.npnm.gz': () => new Response('', { status: 503, statusText: 'Service Unavailable' }) });
    const options = { fetch: s.fetch, concurrency: 1 };
    await expect(loadMnist(s.base, options)).rejects.toThrow(/503 \(Service Unavailable\) pour train-1\.npnm\.gz/);
    expect(s.requested).toEqual(['manifest.json', 'train-0.npnm.gz', 'train-1.npnm.gz']);

    const progress: MnistProgress[] = [];
    const seen: number[] = [];
    const loaded = await loadMnist(s.base, {
      ...options,
      onProgress: (p) => progress.push(p),
      onChunk: (c) => seen.push(c.offset),
    });
    expect(s.requested.slice(3)).toEqual(['train-1.npnm.gz', 'train-2.npnm.gz', 'test-0.npnm.gz', 'test-1.npnm.gz']);
    expect(seen).toEqual([0, 2, 4, 0, 2]);
    expect(progress[0]).toMatchObject({
      imagesLoaded: 2,
      filesLoaded: 1,
      bytesLoaded: entry('train-0.npnm.gz').compressedBytes,
    });
    expect(assembleMnistSet(loaded.chunks.train)).toEqual(train);
    expect(assembleMnistSet(loaded.chunks.test)).toEqual(test);
  });

  it('with cache: false keeps no chunk between calls, and skips the files the caller says it has', async () => {
    const s = server();
    const seen: string[] = [];
    const onChunk = (c: MnistChunk, f: MnistFileEntry) => seen.push(`${f.set}@${c.offset}`);
    const first = await loadMnist(s.base, { fetch: s.fetch, cache: false, onChunk });
    // handed over, then let go: not in the result either
    expect(first.chunks).toEqual({ train: [], test: [] });
    expect(seen).toHaveLength(5);
    expect(s.requested).toHaveLength(6);

    // the caller has the training set: only the test files are fetched and handed over
    seen.length = 0;
    const progress: MnistProgress[] = [];
    const trainBytes = manifest.files.filter((f) => f.set === 'train').reduce((a, f) => a + f.compressedBytes, 0);
    await loadMnist(s.base, {
      fetch: s.fetch,
      cache: false,
      has: (f) => f.set === 'train',
      onChunk,
      onProgress: (p) => progress.push(p),
    });
    expect(s.requested.slice(6).sort()).toEqual(['test-0.npnm.gz', 'test-1.npnm.gz']);
    expect(seen.sort()).toEqual(['test@0', 'test@2']);
    // what the caller has counts as loaded from the first report on
    expect(progress[0]).toMatchObject({ imagesLoaded: 5, filesLoaded: 3, bytesLoaded: trainBytes });
    expect(progress.at(-1)).toMatchObject({ imagesLoaded: 8, filesLoaded: 5, filesTotal: 5 });

    // nothing was kept: without `has`, every chunk is fetched again (the manifest, a few kB, is)
    await loadMnist(s.base, { fetch: s.fetch, cache: false });
    expect(s.requested.slice(8).sort()).toEqual(manifest.files.map((f) => f.name).sort());
  });

  it('stops on abort with the signal’s reason', async () => {
    const controller = new AbortController();
    const s = server({
      'train-0.npnm.gz': (n) => {
        controller.abort();
        return streamed(file(n));
      },
    });
    await expect(loadMnist(s.base, { fetch: s.fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(loadMnist(s.base, { fetch: s.fetch, signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('assembleMnistSet', () => {
  const chunk = (offset: number, count: number, total = 5): MnistChunk => ({
    offset,
    count,
    total,
    rows: 4,
    cols: 4,
    labels: train.labels.slice(offset, offset + count),
    images: train.images.slice(offset * 16, (offset + count) * 16),
  });

  it('joins chunks given in any order into one set', () => {
    expect(assembleMnistSet([chunk(4, 1), chunk(0, 2), chunk(2, 2)])).toEqual(train);
  });

  it('returns a single chunk covering the set without copying', () => {
    const whole = chunk(0, 5);
    expect(assembleMnistSet([whole]).images).toBe(whole.images);
  });

  it('refuses a gap, an overlap or a missing end, unless a prefix is allowed', () => {
    expect(() => assembleMnistSet([chunk(0, 2), chunk(4, 1)])).toThrow(/morceau à l’image 4, l’image 2 était attendue/);
    expect(() => assembleMnistSet([chunk(0, 2), chunk(0, 2)])).toThrow(/morceau à l’image 0, l’image 2 était attendue/);
    expect(() => assembleMnistSet([chunk(0, 2), chunk(2, 2)])).toThrow(/4 images sur 5, des morceaux manquent/);
    expect(assembleMnistSet([chunk(0, 2), chunk(2, 2)], { allowPrefix: true }).count).toBe(4);
    expect(() => assembleMnistSet([])).toThrow(/aucun morceau/);
    expect(() => assembleMnistSet([chunk(0, 2), { ...chunk(2, 3), total: 6 }])).toThrow(/même ensemble/);
  });
});
