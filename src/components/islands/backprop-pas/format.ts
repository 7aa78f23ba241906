/**
 * Numbers of the island, the French way: four decimals, or a power of ten for the tiny values a
 * gradient or a relative error often takes (0,000012 would lose its digits at four decimals).
 */
import { formatNumber, powerOfTen } from '../../../nn';

export { powerOfTen };

/** 0.1234567 → "0,1235"; 0.0000123 → "1,23 × 10⁻⁵"; 0 → "0". */
export function fmt(v: number): string {
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

/** A factor inside a product: negative numbers in parentheses. */
export function factor(v: number): string {
  return v < 0 ? `(${fmt(v)})` : fmt(v);
}
