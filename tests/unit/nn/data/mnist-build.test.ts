import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMnistData } from '../../../../scripts/mnist-data.mjs';
import { decodeMnistChunk } from '../../../../src/nn/data/mnist';
import { idx, removeTempDirs, tempOutputDir, writeMnistInputs } from './mnist-fixture';

afterAll(removeTempDirs);

function build(inputDir: string, outputDir: string, chunkSize = 2) {
  const logs: string[] = [];
  return buildMnistData({ inputDir, outputDir, chunkSize, log: (m) => logs.push(m) }).then((r) => ({ ...r, logs }));
}

describe('buildMnistData', () => {
  it('writes gzip chunks of chunkSize images per set and a manifest describing them', async () => {
    const { dir, train, test } = writeMnistInputs();
    const out = tempOutputDir();
    const { manifest, cached, logs } = await build(dir, out);
    expect(cached).toBe(false);
    expect(logs.join()).toMatch(/Données MNIST écrites : 5 fichiers/);
    expect(
      manifest.files.map((f: { name: string; set: string; offset: number; count: number }) => [
        f.name,
        f.set,
        f.offset,
        f.count,
      ]),
    ).toEqual([
      ['train-0.npnm.gz', 'train', 0, 2],
      ['train-1.npnm.gz', 'train', 2, 2],
      ['train-2.npnm.gz', 'train', 4, 1],
      ['test-0.npnm.gz', 'test', 0, 2],
      ['test-1.npnm.gz', 'test', 2, 1],
    ]);
    expect(manifest).toMatchObject({
      format: 'NPNM',
      formatVersion: 1,
      rows: 4,
      cols: 4,
      sets: { train: { count: 5 }, test: { count: 3 } },
    });
    expect(readdirSync(out).sort()).toEqual(
      [...manifest.files.map((f: { name: string }) => f.name), 'manifest.json'].sort(),
    );

    let compressed = 0;
    for (const f of manifest.files) {
      const packed = readFileSync(join(out, f.name));
      expect(packed.length).toBe(f.compressedBytes);
      const raw = gunzipSync(packed);
      expect(raw.length).toBe(f.uncompressedBytes);
      expect(createHash('sha256').update(raw).digest('hex')).toBe(f.sha256);
      const chunk = decodeMnistChunk(raw);
      const set = f.set === 'train' ? train : test;
      expect(chunk).toMatchObject({ offset: f.offset, count: f.count, total: set.count, rows: 4, cols: 4 });
      expect(Array.from(chunk.labels)).toEqual(Array.from(set.labels.subarray(f.offset, f.offset + f.count)));
      expect(Array.from(chunk.images)).toEqual(
        Array.from(set.images.subarray(f.offset * 16, (f.offset + f.count) * 16)),
      );
      compressed += f.compressedBytes;
    }
    expect(manifest.totals).toEqual({
      files: 5,
      images: 8,
      compressedBytes: compressed,
      uncompressedBytes: 5 * 28 + 8 * 17,
    });
  });

  it('does nothing the second time, and rebuilds when an input, the chunk size or a file changes', async () => {
    const { dir } = writeMnistInputs();
    const out = tempOutputDir();
    await build(dir, out);
    const mtime = statSync(join(out, 'manifest.json')).mtimeMs;

    const again = await build(dir, out);
    expect(again.cached).toBe(true);
    expect(again.logs).toEqual([`Données MNIST à jour (5 fichiers dans ${out}).`]);
    expect(statSync(join(out, 'manifest.json')).mtimeMs).toBe(mtime);

    // another label: same sizes, another hash
    const labels = readFileSync(join(dir, 'train-labels-idx1-ubyte'));
    labels[8] = (labels[8]! + 1) % 10;
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), labels);
    expect((await build(dir, out)).cached).toBe(false);

    // another chunk size: the chunks it no longer lists are removed
    const bigger = await build(dir, out, 3);
    expect(bigger.cached).toBe(false);
    expect(readdirSync(out).sort()).toEqual(['manifest.json', 'test-0.npnm.gz', 'train-0.npnm.gz', 'train-1.npnm.gz']);

    // a chunk deleted by hand
    rmSync(join(out, 'train-1.npnm.gz'));
    expect((await build(dir, out, 3)).cached).toBe(false);
    expect(existsSync(join(out, 'train-1.npnm.gz'))).toBe(true);
  });

  it('fails with a French message naming the file on a corrupted input, and leaves no manifest', async () => {
    const { dir } = writeMnistInputs();
    const out = tempOutputDir();
    const images = readFileSync(join(dir, 't10k-images-idx3-ubyte'));
    writeFileSync(join(dir, 't10k-images-idx3-ubyte'), images.subarray(0, images.length - 5));
    await expect(build(dir, out)).rejects.toThrow(
      /Données MNIST : t10k-images-idx3-ubyte \/ t10k-labels-idx1-ubyte illisibles .*Fichier IDX tronqué\u00a0: 64 octets attendus/,
    );
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
  });

  it('fails when labels and images disagree, or an input is missing', async () => {
    const { dir } = writeMnistInputs();
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idx([4], new Uint8Array(4)));
    await expect(build(dir, tempOutputDir())).rejects.toThrow(/5 images mais 4 étiquettes/);
    rmSync(join(dir, 'train-labels-idx1-ubyte'));
    await expect(build(dir, tempOutputDir())).rejects.toThrow(
      /impossible de lire .*train-labels-idx1-ubyte.*npm install/,
    );
  });

  it('refuses a chunk size that is not a positive integer', async () => {
    const { dir } = writeMnistInputs();
    await expect(build(dir, tempOutputDir(), 0)).rejects.toThrow(/taille de morceau 0 invalide/);
  });
});
