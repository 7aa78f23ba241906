/**
 * `loadMnistData()`: MNIST for the readers' code blocks, from the site's own chunk files
 * (`loadMnist`, checked against the manifest), with a progress line, cut to the sizes asked.
 * In the browser's worker the files come from the site: `runCode` hands over the site's absolute
 * base URL (`setMnistSiteBase`), since a sandboxed worker has no usable relative URL. In Node (the
 * doc-tests, the bench) they are read from `public/data/mnist/` under the current directory, which
 * the build (integrations/mnist-data.mjs) and `node scripts/mnist-data.mjs` write.
 */
import type { MnistSet } from '../data/mnist';
import { assembleMnistSet, loadMnist, MNIST_DATA_DIR, type LoadMnistOptions } from '../data/mnist-fetch';
import type { MnistSetName } from '../data/mnist-verify';
import { progress } from '../output/plot';

let siteBase: string | undefined;

/**
 * Fixe l’adresse du site d’où `loadMnistData` télécharge les images.
 *
 * Set by the runtime (`runCode`) before each run: the site's absolute base URL in the browser,
 * undefined in Node (the files are then read from disk).
 */
export function setMnistSiteBase(base: string | undefined): void {
  siteBase = base;
}

export interface LoadMnistDataOptions {
  /** Training images to keep, the first ones of the set (default: all 60,000). */
  readonly train?: number;
  /** Test images to keep, the first ones (default: all 10,000). */
  readonly test?: number;
}

/** What Node's `fetch` cannot do: read the chunk files from disk, as a server would send them. */
async function diskFetch(): Promise<{ base: string; fetch: NonNullable<LoadMnistOptions['fetch']> }> {
  // A computed specifier: bundlers leave it alone, so the browser bundle has no node: import.
  const fsName = 'node:fs/promises';
  const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
  const base = `${process.cwd()}/public/${MNIST_DATA_DIR}`;
  return {
    base,
    fetch: async (path) => {
      try {
        return new Response(await fs.readFile(path));
      } catch {
        throw new Error(
          `fichier ${path} absent\u00a0: lancez \`node scripts/mnist-data.mjs\` pour écrire les données MNIST`,
        );
      }
    },
  };
}

function firstImages(set: MnistSet, count: number): MnistSet {
  const pixels = set.rows * set.cols;
  return {
    count,
    rows: set.rows,
    cols: set.cols,
    images: set.images.subarray(0, count * pixels),
    labels: set.labels.subarray(0, count),
  };
}

/**
 * Charge MNIST depuis le site (images de 0 à 255, étiquettes de 0 à 9), avec une ligne de progression.
 *
 * The first `train` training and `test` test images (default: all), as MnistSets (pixels as
 * bytes, image by image: use mnistBatch for float matrices). Loads every chunk of a set asked
 * for (cached for the visit), and reports `progress('MNIST', images loaded, images to load)`.
 */
export async function loadMnistData(
  options: LoadMnistDataOptions = {},
): Promise<{ readonly train: MnistSet; readonly test: MnistSet }> {
  const wanted = { train: options.train ?? Infinity, test: options.test ?? Infinity };
  for (const [name, n] of Object.entries(wanted))
    if (!(n === Infinity || (Number.isInteger(n) && n >= 0)))
      throw new Error(`loadMnistData\u00a0: ${name} doit être un nombre entier d’images ≥ 0 (reçu ${n}).`);
  const sets = (['train', 'test'] as const).filter((s) => wanted[s] > 0);
  const source = siteBase
    ? { base: new URL(MNIST_DATA_DIR, siteBase.endsWith('/') ? siteBase : `${siteBase}/`).href, fetch: undefined }
    : await diskFetch();
  let shown = -1;
  const loaded = await loadMnist(source.base, {
    sets,
    ...(source.fetch ? { fetch: source.fetch } : {}),
    onProgress: ({ imagesLoaded, imagesTotal }) => {
      // One line per chunk, not per network packet.
      if (imagesLoaded === shown) return;
      shown = imagesLoaded;
      progress('MNIST', imagesLoaded, imagesTotal);
    },
  });
  const pick = (name: MnistSetName): MnistSet => {
    if (wanted[name] === 0) return { count: 0, rows: 28, cols: 28, images: new Uint8Array(), labels: new Uint8Array() };
    const set = assembleMnistSet(loaded.chunks[name]);
    if (wanted[name] > set.count && wanted[name] !== Infinity)
      throw new Error(`loadMnistData\u00a0: ${wanted[name]} images demandées, le jeu ${name} n’en a que ${set.count}.`);
    return firstImages(set, Math.min(wanted[name], set.count));
  };
  return { train: pick('train'), test: pick('test') };
}
