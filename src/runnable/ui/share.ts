/**
 * « Lien vers ce code »: the code travels in the URL as `?code.<id>=<payload>`, where payload is
 * base64url(deflate-raw(UTF-8 source)), made with the browser's CompressionStream.
 */
const MAX_DECODED = 200_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const response = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeCode(source: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(source), new CompressionStream('deflate-raw')));
}

/** Throws on anything that is not a payload this module made. */
export async function decodeCode(payload: string): Promise<string> {
  const bytes = await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'));
  if (bytes.length > MAX_DECODED) throw new Error('too long');
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export const shareParam = (blockId: string) => `code.${blockId}`;

/** The page's URL with only this block's code, pointing at the block. */
export async function shareUrl(blockId: string, anchor: string, source: string): Promise<string> {
  const url = new URL(location.pathname, location.href);
  url.searchParams.set(shareParam(blockId), await encodeCode(source));
  url.hash = anchor;
  return url.href;
}
