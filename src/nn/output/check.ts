/**
 * The checks of an exercise: each compares a received value with an expected one and sends a
 * `check` message (the runtime counts them: an exercise passes when every check passes).
 */
import { formatValue, isMatrixLike } from './format-value';
import { emit } from './sink';

/** Numbers, or nested arrays of numbers, as plain nested arrays (a matrix as its rows). */
function plain(v: unknown): unknown {
  if (isMatrixLike(v))
    return Array.from({ length: v.rows }, (_, i) => Array.from({ length: v.cols }, (_, j) => v.data[i * v.cols + j]));
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<unknown>);
  return v;
}

function sameNumber(a: number, b: number, tolerance: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
  return Math.abs(a - b) <= tolerance;
}

/** Same shape and every number within `tolerance` (absolute); other leaves compared like checkEqual. */
export function closeTo(received: unknown, expected: unknown, tolerance: number): boolean {
  const r = plain(received);
  const e = plain(expected);
  if (typeof e === 'number') return typeof r === 'number' && sameNumber(r, e, tolerance);
  if (Array.isArray(e))
    return Array.isArray(r) && r.length === e.length && e.every((x, i) => closeTo(r[i], x, tolerance));
  if (typeof e === 'object' && e !== null) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return false;
    const keys = Object.keys(e);
    return (
      keys.length === Object.keys(r).length &&
      keys.every((k) => closeTo((r as Record<string, unknown>)[k], (e as Record<string, unknown>)[k], tolerance))
    );
  }
  return Object.is(r, e) || r === e;
}

/** Deep equality: arrays (and typed arrays, matrices) element by element, plain objects key by key. */
export function deepEqual(received: unknown, expected: unknown): boolean {
  return closeTo(received, expected, 0);
}

/** The two texts of a check; when they read the same but differ, every digit is shown. */
function describe(received: unknown, expected: unknown): { received: string; expected: string } {
  const r = formatValue(received);
  const e = formatValue(expected);
  if (r !== e) return { received: r, expected: e };
  return { received: formatValue(received, { digits: 17 }), expected: formatValue(expected, { digits: 17 }) };
}

function report(name: string, pass: boolean, received: unknown, expected: unknown): boolean {
  const texts = pass
    ? { received: formatValue(received), expected: formatValue(expected) }
    : describe(received, expected);
  emit({ kind: 'check', name, pass, ...texts });
  return pass;
}

/** Vérifie que `received` vaut `expected` à `tolerance` près et renvoie true si oui. Nombres ou tableaux de nombres. */
export function checkClose(name: string, received: unknown, expected: unknown, tolerance = 1e-6): boolean {
  return report(name, closeTo(received, expected, tolerance), received, expected);
}

/** Vérifie que `received` est égal à `expected` (égalité profonde) et renvoie true si oui. */
export function checkEqual(name: string, received: unknown, expected: unknown): boolean {
  return report(name, deepEqual(received, expected), received, expected);
}
