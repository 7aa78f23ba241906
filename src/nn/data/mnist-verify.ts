/**
 * What the MNIST manifest promises and how a received file is held to it: the manifest's shape,
 * the bytes (gzip as the build wrote them, or already decompressed by the browser), then the
 * decoded chunk's fields and SHA-256. Every refusal is a French sentence naming the file.
 */
import { formatNumber } from '../format';
import { MNIST_CHUNK_MAGIC, MNIST_CHUNK_VERSION, decodeMnistChunk, type MnistChunk } from './mnist';

export type MnistSetName = 'train' | 'test';

/** One chunk file as the manifest describes it. */
export interface MnistFileEntry {
  readonly name: string;
  readonly set: MnistSetName;
  /** Index of its first image in the set. */
  readonly offset: number;
  readonly count: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** SHA-256 of the uncompressed bytes, hexadecimal. */
  readonly sha256: string;
}

export interface MnistManifest {
  readonly format: string;
  readonly formatVersion: number;
  readonly rows: number;
  readonly cols: number;
  readonly sets: Readonly<Record<MnistSetName, { readonly count: number }>>;
  readonly files: readonly MnistFileEntry[];
}

/** Thousands the French way, for byte counts in messages. */
export const bytes = (n: number) => formatNumber(n, { digits: 0 });
export const RETRY = 'Vérifiez votre connexion et réessayez.';
export const RELOAD = 'Rechargez la page et réessayez.';

export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Throws (the reason, in French) unless `m` is a manifest of this format with complete entries. */
export function checkManifest(m: MnistManifest): void {
  if (m?.format !== MNIST_CHUNK_MAGIC || m.formatVersion !== MNIST_CHUNK_VERSION)
    throw new Error(`format ${m?.format} v${m?.formatVersion}, ${MNIST_CHUNK_MAGIC} v${MNIST_CHUNK_VERSION} attendu.`);
  const count = (x: unknown) => Number.isInteger(x) && (x as number) >= 0;
  if (!Array.isArray(m.files) || !m.sets || typeof m.sets !== 'object' || !count(m.rows) || !count(m.cols))
    throw new Error('champs manquants.');
  for (const f of m.files as readonly MnistFileEntry[]) {
    const ok =
      typeof f.name === 'string' &&
      (f.set === 'train' || f.set === 'test') &&
      [f.offset, f.count, f.compressedBytes, f.uncompressedBytes, m.sets[f.set]?.count].every(count) &&
      /^[0-9a-f]{64}$/.test(f.sha256);
    if (!ok) throw new Error(`entrée ${JSON.stringify(f)} incomplète.`);
  }
}

/** The data itself: gzip as the build wrote it, or already decompressed by the browser. */
export async function unpackChunk(
  received: Uint8Array<ArrayBuffer>,
  file: MnistFileEntry,
): Promise<Uint8Array<ArrayBuffer>> {
  const incomplete = (expected: number) =>
    new Error(
      `Le fichier ${file.name} est incomplet\u00a0: ${bytes(received.length)} octets reçus sur ${bytes(expected)}. ${RETRY}`,
    );
  // A server that sends the .gz with `Content-Encoding: gzip` has the browser decompress it:
  // then the bytes start with the chunk's magic, not gzip's 1f 8b.
  if (received[0] !== 0x1f || received[1] !== 0x8b) {
    if (String.fromCharCode(...received.subarray(0, 4)) !== MNIST_CHUNK_MAGIC)
      throw new Error(
        `Le fichier ${file.name} n’est pas un fichier de données MNIST\u00a0: il ne commence ni par la signature gzip ` +
          `ni par «\u202f${MNIST_CHUNK_MAGIC}\u202f» (le serveur a peut-être renvoyé une page d’erreur). ${RELOAD}`,
      );
    if (received.length < file.uncompressedBytes) throw incomplete(file.uncompressedBytes);
    return received;
  }
  if (received.length < file.compressedBytes) throw incomplete(file.compressedBytes);
  if (received.length > file.compressedBytes)
    throw new Error(
      `Le fichier ${file.name} n’a pas la taille annoncée\u00a0: ${bytes(received.length)} octets reçus, ${bytes(file.compressedBytes)} attendus. ${RELOAD}`,
    );
  try {
    const stream = new Blob([received]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new Error(
      `Le fichier ${file.name} est corrompu\u00a0: décompression impossible (${reasonOf(e)}). ${RELOAD}`,
      {
        cause: e,
      },
    );
  }
}

async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost). Elsewhere (plain http on a
  // school network) the gzip CRC-32 and the exact length checks below still guard the bytes.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Decodes and checks a chunk against its manifest entry. */
export async function checkChunk(
  data: Uint8Array<ArrayBuffer>,
  file: MnistFileEntry,
  m: MnistManifest,
): Promise<MnistChunk> {
  let chunk: MnistChunk;
  try {
    chunk = decodeMnistChunk(data);
  } catch (e) {
    throw new Error(`Le fichier ${file.name} est illisible (${reasonOf(e)}). ${RELOAD}`, { cause: e });
  }
  const expected = {
    count: file.count,
    offset: file.offset,
    total: m.sets[file.set].count,
    rows: m.rows,
    cols: m.cols,
  };
  for (const [key, value] of Object.entries(expected))
    if (chunk[key as keyof typeof expected] !== value)
      throw new Error(
        `Le fichier ${file.name} ne correspond pas au manifeste\u00a0: ${key} = ${chunk[key as keyof typeof expected]}, ${value} attendu. ${RELOAD}`,
      );
  const hash = await sha256Hex(data);
  if (hash !== null && hash !== file.sha256)
    throw new Error(
      `Le fichier ${file.name} est corrompu\u00a0: son empreinte SHA-256 ne correspond pas au manifeste. ${RELOAD}`,
    );
  return chunk;
}
