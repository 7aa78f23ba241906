/**
 * How program output writes a value: the text that `print` shows and that the expected outputs
 * of the chapters' code blocks hold. It is program output, not prose: decimal POINT, ASCII
 * minus, no thousands separator, so that readers can paste a number back into code.
 */

export interface FormatValueOptions {
  /** Significant digits of a number (default 4); the integer part is never rounded away. */
  readonly digits?: number;
}

/** Arrays longer than this print their first and last elements only. */
const MAX_ITEMS = 50;
const HEAD_ITEMS = 10;
const TAIL_ITEMS = 3;
/** Nesting depth past which arrays and objects print as `[…]` / `{…}` (also stops cycles). */
const MAX_DEPTH = 4;

function trimMantissa(s: string): string {
  // "0.9770" → "0.977", "1.000e-7" → "1e-7", "120.0" → "120"
  return s.replace(/(\.\d*?)0+(?=$|e)/, '$1').replace(/\.(?=$|e)/, '');
}

/** A number with at most `digits` significant digits (more only for a large integer part). */
export function formatNumberPlain(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  const exponential = (): string => trimMantissa(x.toExponential(Math.max(0, digits - 1)));
  if (a < 1e-4 || a >= 1e6) return exponential();
  const integerDigits = Math.floor(Math.log10(a)) + 1;
  const s = x.toPrecision(Math.min(100, Math.max(digits, integerDigits)));
  // 999999.7 rounds to 1e+6 in toPrecision: keep one consistent exponent form
  return s.includes('e') ? exponential() : trimMantissa(s);
}

/** A matrix of src/nn/math/matrix.ts: `{ rows, cols, data }` with rows·cols values. */
export function isMatrixLike(v: unknown): v is { rows: number; cols: number; data: ArrayLike<number> } {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as { rows?: unknown; cols?: unknown; data?: unknown };
  return (
    typeof m.rows === 'number' &&
    typeof m.cols === 'number' &&
    ArrayBuffer.isView(m.data) &&
    (m.data as unknown as ArrayLike<number>).length === m.rows * m.cols
  );
}

/** True for arrays and typed arrays (not DataView). */
function isListLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/** True when `v` is an instance of a class that defines its own toString (Value, a model…). */
function hasOwnToString(v: object): boolean {
  const proto: unknown = Object.getPrototypeOf(v);
  return proto !== null && proto !== Object.prototype && v.toString !== Object.prototype.toString;
}

function formatList(items: ArrayLike<unknown>, depth: number, digits: number): string {
  if (depth >= MAX_DEPTH) return '[…]';
  const n = items.length;
  const one = (i: number): string => formatInner(items[i], depth + 1, digits);
  if (n <= MAX_ITEMS) return `[${Array.from({ length: n }, (_, i) => one(i)).join(', ')}]`;
  const head = Array.from({ length: HEAD_ITEMS }, (_, i) => one(i));
  const tail = Array.from({ length: TAIL_ITEMS }, (_, i) => one(n - TAIL_ITEMS + i));
  return `[${[...head, '…', ...tail].join(', ')}] (${n} valeurs)`;
}

function formatInner(v: unknown, depth: number, digits: number): string {
  if (typeof v === 'string') return JSON.stringify(v);
  return formatAny(v, depth, digits);
}

function formatAny(v: unknown, depth: number, digits: number): string {
  if (typeof v === 'number') return formatNumberPlain(v, digits);
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `[fonction ${v.name || 'anonyme'}]`;
  if (typeof v !== 'object' || v === null) return String(v);
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  if (isMatrixLike(v)) {
    const rows = Array.from({ length: v.rows }, (_, i) =>
      Array.from({ length: v.cols }, (_, j) => v.data[i * v.cols + j]!),
    );
    return formatList(rows, depth, digits);
  }
  if (isListLike(v)) return formatList(v, depth, digits);
  if (v instanceof Map)
    return depth >= MAX_DEPTH
      ? 'Map {…}'
      : `Map {${[...v].map(([k, x]) => ` ${formatInner(k, depth + 1, digits)} => ${formatInner(x, depth + 1, digits)}`).join(',')} }`;
  if (v instanceof Set) return `Set ${formatList([...v], depth, digits)}`;
  if (hasOwnToString(v)) return String(v);
  if (depth >= MAX_DEPTH) return '{…}';
  const entries = Object.entries(v).map(([k, x]) => `${k}: ${formatInner(x, depth + 1, digits)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/**
 * Écrit une valeur comme l’affiche `print`. Nombres à 4 chiffres significatifs, tableaux `[0.242, 0.0889]`.
 *
 * Numbers: at most `digits` significant digits, trailing zeros trimmed, exponent form when
 * |x| < 1e-4 or |x| ≥ 1e6 (`1e-7`, `1.235e+6`), NaN and ±Infinity as JavaScript spells them.
 * Arrays, typed arrays and matrices (as nested rows) in brackets; plain objects as
 * `{ a: 1, b: [1, 2] }`; strings as is at the top level, quoted inside arrays and objects;
 * instances with their own toString (a `Value`, a model) through it.
 */
export function formatValue(value: unknown, options: FormatValueOptions = {}): string {
  return formatAny(value, 0, options.digits ?? 4);
}
