/**
 * French number formatting for prose, math and islands: decimal comma, narrow no-break
 * space (U+202F) between thousands, a true minus sign (U+2212).
 */

const MINUS = '\u2212';

export interface FormatOptions {
  /** Digits after the comma. */
  digits?: number;
  /** true: always print `digits` digits (0,500); false: drop trailing zeros (0,5). */
  fixed?: boolean;
}

const cache = new Map<string, Intl.NumberFormat>();
function formatter(digits: number, fixed: boolean): Intl.NumberFormat {
  const key = `${digits}:${fixed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', {
      maximumFractionDigits: digits,
      minimumFractionDigits: fixed ? digits : 0,
      useGrouping: true,
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * Écrit un nombre à la française (1 234,5).
 *
 * 1234.5 → "1 234,5"; −0.9 → "−0,9"; NaN → "NaN"; ±∞ → "+∞"/"−∞".
 */
export function formatNumber(x: number, { digits = 3, fixed = false }: FormatOptions = {}): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+∞';
  if (x === -Infinity) return `${MINUS}∞`;
  const s = formatter(digits, fixed).format(x);
  // Intl keeps the sign of −0.0001 rounded to "-0": a reader should see 0.
  const normalized = /^-0([,]0*)?$/.test(s) ? s.slice(1) : s;
  return normalized.replace('-', MINUS).replace(/[\u00a0\u202f ]/g, '\u202f');
}

/**
 * Écrit un pourcentage à la française.
 *
 * 0.9751 → "97,5 %" (with a narrow no-break space before the sign, as French typography asks).
 */
export function formatPercent(x: number, digits = 1): string {
  return `${formatNumber(x * 100, { digits, fixed: true })}\u202f%`;
}

/**
 * Écrit un nombre pour KaTeX.
 *
 * The same number for KaTeX: the comma wrapped in braces ("0{,}977") so TeX does not add
 * the space it puts after a punctuation comma; the thin space as `\,`.
 */
export function formatTex(x: number, options: FormatOptions = {}): string {
  return formatNumber(x, options)
    .replace(',', '{,}')
    .replace(/\u202f/g, '\\,')
    .replace(MINUS, '-');
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * Écrit 10 avec un exposant (10⁻⁵).
 *
 * 10 with `exponent` as a superscript: powerOfTen(−5) → "10⁻⁵".
 */
export function powerOfTen(exponent: number): string {
  return `10${[...String(exponent)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/**
 * Écrit une puissance de dix.
 *
 * 10^p for the ticks of a log-scale axis: written out while short (0,001 … 10 000), then as
 * 10 with a superscript exponent (10⁻⁵, 10⁶) rather than rounding to "0".
 */
export function formatPowerOfTen(p: number): string {
  if (!Number.isInteger(p)) throw new Error(`formatPowerOfTen\u00a0: exposant entier attendu, reçu ${p}`);
  if (p >= -3 && p <= 4) return formatNumber(10 ** p, { digits: Math.max(0, -p) });
  return powerOfTen(p);
}

/**
 * Écrit un nombre à quatre décimales, ou avec une puissance de dix s’il est minuscule.
 *
 * For the values a gradient or a relative error often takes, which four decimals would erase:
 * 0.1234567 → "0,1235"; 0.0000123 → "1,23 × 10⁻⁵"; 0 → "0".
 */
export function formatCompact(v: number): string {
  if (v === 0 || !Number.isFinite(v) || Math.abs(v) >= 1e-3) return formatNumber(v, { digits: 4 });
  const e = Math.floor(Math.log10(Math.abs(v)));
  let mantissa = v / 10 ** e;
  let exponent = e;
  // 9.996e-5 rounds to 10,00: carry into the exponent.
  if (Math.abs(Number(mantissa.toFixed(2))) >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${formatNumber(mantissa, { digits: 2 })} × ${powerOfTen(exponent)}`;
}

/**
 * Écrit un facteur d’un produit, entre parenthèses s’il est négatif.
 *
 * formatCompact, with a negative number in parentheses: −0.4 → "(−0,4)", 0.8 → "0,8".
 */
export function formatFactor(v: number): string {
  return v < 0 ? `(${formatCompact(v)})` : formatCompact(v);
}
