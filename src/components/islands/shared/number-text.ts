/**
 * Numbers as a French reader types and reads them in a field: « 0,03 », « −0,4 », « 1 000 ».
 * The fields' text side (NumberField.svelte), pure so that it is tested in Node.
 */

/** The shortest text that gives `v` back, with a decimal comma and a true minus. */
export function writeFrenchNumber(v: number): string {
  return String(v).replace('.', ',').replace(/-/g, '\u2212');
}

/**
 * The number a reader typed, with a comma or a point, a true minus or a hyphen, spaces between
 * thousands allowed; NaN when it is not one number (empty, « 1,2,3 », « 1e »).
 */
export function parseFrenchNumber(text: string): number {
  const t = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
}

const decimals = (x: number) => {
  const [, frac = ''] = String(x).split('.');
  return /e/i.test(String(x)) ? 12 : frac.length;
};

/** `v` moved by `delta`, without float dust (0.1 + 0.2 → 0.3), kept within [min, max]. */
export function stepValue(v: number, delta: number, min: number, max: number): number {
  const moved = Number((v + delta).toFixed(Math.min(12, Math.max(decimals(v), decimals(delta)))));
  return Math.min(max, Math.max(min, moved));
}
