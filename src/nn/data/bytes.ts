/**
 * Byte arrays end to end: a download read in parts, the labels of the chunks received so far.
 */

/**
 * Met bout à bout des tableaux d’octets.
 *
 * One new array holding `parts` in order (their total length).
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
