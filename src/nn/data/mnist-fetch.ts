/**
 * Chapter 9's data in the browser: reads `manifest.json` and the gzip chunks that
 * scripts/mnist-data.mjs writes under `public/data/mnist/`, checks each one against the
 * manifest, and hands over decoded `MnistChunk`s as they arrive, so a demo can start training
 * on the first 10,000 images while the rest downloads. Any failure rejects with a French message
 * naming the file; nothing partial is returned. No DOM, no tfjs: runs in Node ≥ 22 for the tests.
 */
import { concatBytes } from './bytes';
import type { MnistChunk, MnistSet } from './mnist';
import {
  bytes,
  checkChunk,
  checkManifest,
  reasonOf,
  RELOAD,
  RETRY,
  unpackChunk,
  type MnistFileEntry,
  type MnistManifest,
  type MnistSetName,
} from './mnist-verify';

export type { MnistFileEntry, MnistManifest, MnistSetName } from './mnist-verify';

/**
 * Dossier des fichiers MNIST.
 *
 * Where the build puts the files, relative to the site's base (integrations/mnist-data.mjs).
 */
export const MNIST_DATA_DIR = 'data/mnist/';
const MANIFEST = 'manifest.json';

/**
 * Progress over the files of the requested sets; chunks already in the cache, or that the caller
 * already has (`has`), count as loaded.
 */
export interface MnistProgress {
  /** Compressed bytes received (what the network carries), out of bytesTotal. */
  readonly bytesLoaded: number;
  readonly bytesTotal: number;
  /** Images decoded and checked, out of imagesTotal. */
  readonly imagesLoaded: number;
  readonly imagesTotal: number;
  readonly filesLoaded: number;
  readonly filesTotal: number;
}

export interface LoadMnistOptions {
  /** The sets to load, in this order (default: ['train', 'test']). */
  readonly sets?: readonly MnistSetName[];
  readonly onProgress?: (progress: MnistProgress) => void;
  /**
   * Called once per chunk of the requested sets in each call, as soon as it is checked: the
   * cached ones first (so after a retry the caller sees them again: key them by `offset`), none
   * of those the caller said it has (`has`).
   */
  readonly onChunk?: (chunk: MnistChunk, file: MnistFileEntry) => void;
  /**
   * Keep the checked chunks for the visit, so that another call fetches only what is missing
   * (default true). With false, a chunk is handed to `onChunk` and then let go: neither the
   * cache nor the result holds it (the result's `chunks` stay empty), and the cache is not read
   * either. For a caller that copies each chunk where it keeps its images (the MNIST island's
   * worker): the images are then held once, not twice. Its retries say what it has (`has`).
   */
  readonly cache?: boolean;
  /**
   * The files the caller already has (from an earlier call, say): neither fetched nor handed to
   * `onChunk` again, nor in the result, but counted as loaded in the progress.
   */
  readonly has?: (file: MnistFileEntry) => boolean;
  /** Aborting rejects with the signal's reason and cancels the downloads. */
  readonly signal?: AbortSignal;
  /** Injectable for tests; default the global fetch. */
  readonly fetch?: (url: string, init: { signal: AbortSignal }) => Promise<Response>;
  /** Downloads at a time (default 2): few enough that chunk 0 arrives first. */
  readonly concurrency?: number;
}

export interface MnistLoaded {
  readonly manifest: MnistManifest;
  /**
   * Per set, its chunks in offset order (empty for a set not requested); see assembleMnistSet.
   * Without the files of `has`, and empty with `cache: false`.
   */
  readonly chunks: Readonly<Record<MnistSetName, readonly MnistChunk[]>>;
}

// For the visit: what was fetched and checked is never fetched again. Only successes are kept,
// so a retry fetches exactly what failed. Two loads at the same time do not share downloads.
// Calls with `cache: false` neither read nor fill chunkCache (the manifest, a few kB, is cached).
const manifestCache = new Map<string, MnistManifest>();
const chunkCache = new Map<string, MnistChunk>();

/** `base` is an absolute URL or a path (e.g. `${import.meta.env.BASE_URL}data/mnist/`). */
function urlOf(base: string, name: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${name}`;
}

type Fetch = NonNullable<LoadMnistOptions['fetch']>;

/** The response's body, read as a stream to report progress; the French errors name `name`. */
async function download(
  url: string,
  name: string,
  expected: number,
  doFetch: Fetch,
  signal: AbortSignal,
  onBytes: (received: number) => void = () => {},
): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await doFetch(url, { signal });
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    throw new Error(`Impossible de télécharger ${name} (${reasonOf(e)}). ${RETRY}`, { cause: e });
  }
  if (!response.ok)
    throw new Error(
      `Le serveur a répondu ${response.status}${response.statusText ? ` (${response.statusText})` : ''} pour ${name}. ${RELOAD}`,
    );
  const parts: Uint8Array[] = [];
  let received = 0;
  try {
    if (!response.body) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      parts.push(r.value);
      received += r.value.length;
      onBytes(received);
    }
  } catch (e) {
    if (signal.aborted) throw signal.reason;
    const got = expected > 0 ? `\u00a0: ${bytes(received)} octets reçus sur ${bytes(expected)}` : '';
    throw new Error(`Le fichier ${name} est incomplet${got} (${reasonOf(e)}). ${RETRY}`, { cause: e });
  }
  return concatBytes(parts);
}

/**
 * Charge le manifeste MNIST.
 *
 * Fetches and checks `manifest.json` (cached per URL for the visit).
 */
export async function fetchMnistManifest(
  baseUrl: string,
  {
    fetch: doFetch = (url, init) => fetch(url, init),
    signal = new AbortController().signal,
  }: Omit<LoadMnistOptions, 'sets'> = {},
): Promise<MnistManifest> {
  const url = urlOf(baseUrl, MANIFEST);
  const cached = manifestCache.get(url);
  if (cached) return cached;
  const body = await download(url, MANIFEST, 0, doFetch, signal);
  let manifest: MnistManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(body)) as MnistManifest;
    checkManifest(manifest);
  } catch (e) {
    throw new Error(`Le fichier ${MANIFEST} des données MNIST est invalide\u00a0: ${reasonOf(e)} ${RELOAD}`, {
      cause: e,
    });
  }
  manifestCache.set(url, manifest);
  return manifest;
}

/**
 * Charge les images MNIST demandées depuis le site.
 *
 * Loads the requested sets from `baseUrl` (the folder holding manifest.json). Resolves once
 * every chunk arrived and passed its checks; meanwhile `onChunk` hands over each chunk and
 * `onProgress` counts bytes and images. Rejects on the first failure (the other downloads are
 * cancelled); calling again retries, fetching only the chunks not yet loaded: those the cache
 * kept, or, with `cache: false`, those the caller says it has (`has`).
 */
export async function loadMnist(baseUrl: string, options: LoadMnistOptions = {}): Promise<MnistLoaded> {
  const { sets = ['train', 'test'], onProgress, onChunk, concurrency = 2, cache = true, has = () => false } = options;
  const doFetch: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
  // One controller for this call: the caller's abort and our first failure both stop it.
  const controller = new AbortController();
  const abort = () => controller.abort(options.signal?.reason);
  options.signal?.throwIfAborted();
  options.signal?.addEventListener('abort', abort, { once: true });
  const { signal } = controller;
  try {
    const manifest = await fetchMnistManifest(baseUrl, { fetch: doFetch, signal });
    const files = sets.flatMap((set) =>
      manifest.files.filter((f) => f.set === set).sort((a, b) => a.offset - b.offset),
    );
    const keyOf = (f: MnistFileEntry) => `${urlOf(baseUrl, f.name)}#${f.sha256}`;
    // The files done in this call (checked, cached or had), and the chunks to return (kept only with the cache).
    const done = new Set<MnistFileEntry>(files.filter((f) => has(f)));
    const kept = new Map<MnistFileEntry, MnistChunk>();
    const received = new Map<MnistFileEntry, number>();
    const report = () => {
      let bytesLoaded = 0;
      let imagesLoaded = 0;
      for (const f of files) {
        const isDone = done.has(f);
        // Capped: an already decompressed response carries more bytes than the manifest's count.
        bytesLoaded += isDone ? f.compressedBytes : Math.min(received.get(f) ?? 0, f.compressedBytes);
        imagesLoaded += isDone ? f.count : 0;
      }
      onProgress?.({
        bytesLoaded,
        bytesTotal: files.reduce((a, f) => a + f.compressedBytes, 0),
        imagesLoaded,
        imagesTotal: files.reduce((a, f) => a + f.count, 0),
        filesLoaded: done.size,
        filesTotal: files.length,
      });
    };
    const accept = (f: MnistFileEntry, chunk: MnistChunk) => {
      done.add(f);
      if (cache) kept.set(f, chunk);
      onChunk?.(chunk, f);
      report();
    };

    for (const f of files) {
      const cached = cache && !done.has(f) ? chunkCache.get(keyOf(f)) : undefined;
      if (cached) accept(f, cached);
    }
    report();
    const queue = files.filter((f) => !done.has(f));
    const worker = async () => {
      while (queue.length > 0) {
        const f = queue.shift()!;
        const body = await download(urlOf(baseUrl, f.name), f.name, f.compressedBytes, doFetch, signal, (n) => {
          received.set(f, n);
          report();
        });
        const chunk = await checkChunk(await unpackChunk(body, f), f, manifest);
        if (cache) chunkCache.set(keyOf(f), chunk);
        if (signal.aborted) throw signal.reason; // the call already failed: stay silent
        accept(f, chunk);
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, () =>
        worker().catch((e: unknown) => {
          controller.abort(e);
          throw e;
        }),
      ),
    );
    const chunks = { train: [] as MnistChunk[], test: [] as MnistChunk[] };
    for (const f of files) {
      const chunk = kept.get(f);
      if (chunk) chunks[f.set].push(chunk);
    }
    return { manifest, chunks };
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
}

/**
 * Réunit les lots d’un jeu MNIST.
 *
 * One set from its chunks (any order), for code that reads `images` as a single array
 * (mnistBatch, mnistSource): a copy, 47 MB for the training set. The chunks must follow each
 * other from image 0 to the set's last one, or, with `allowPrefix`, up to any image (to train
 * on what has arrived). A single chunk covering the set is returned without copying.
 */
export function assembleMnistSet(chunks: readonly MnistChunk[], { allowPrefix = false } = {}): MnistSet {
  const sorted = [...chunks].sort((a, b) => a.offset - b.offset);
  const first = sorted[0];
  if (!first) throw new Error('assembleMnistSet\u00a0: aucun morceau reçu.');
  const { rows, cols, total } = first;
  let count = 0;
  for (const c of sorted) {
    if (c.rows !== rows || c.cols !== cols || c.total !== total)
      throw new Error(`assembleMnistSet\u00a0: le morceau à l’image ${c.offset} ne vient pas du même ensemble.`);
    if (c.offset !== count)
      throw new Error(`assembleMnistSet\u00a0: morceau à l’image ${c.offset}, l’image ${count} était attendue.`);
    count += c.count;
  }
  if (count !== total && !allowPrefix)
    throw new Error(`assembleMnistSet\u00a0: ${count} images sur ${total}, des morceaux manquent.`);
  if (sorted.length === 1) return { count, rows, cols, images: first.images, labels: first.labels };
  const pixels = rows * cols;
  const images = new Uint8Array(count * pixels);
  const labels = new Uint8Array(count);
  for (const c of sorted) {
    images.set(c.images, c.offset * pixels);
    labels.set(c.labels, c.offset);
  }
  return { count, rows, cols, images, labels };
}
