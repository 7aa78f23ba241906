import { describe, expect, it, test } from 'vitest';
import {
  formatCompact,
  formatFactor,
  formatNumber,
  formatPercent,
  formatPowerOfTen,
  formatTex,
  powerOfTen,
  sigmoid,
  type FormatOptions,
} from '../../../src/nn';

const NNBSP = '\u202f'; // narrow no-break space
const MINUS = '\u2212';

describe('formatNumber', () => {
  it.each<[number, FormatOptions | undefined, string]>([
    [1234.5, { digits: 1 }, `1${NNBSP}234,5`],
    [-1234.5, { digits: 1 }, `${MINUS}1${NNBSP}234,5`],
    [1234567.891, { digits: 2 }, `1${NNBSP}234${NNBSP}567,89`],
    [-0.9, undefined, `${MINUS}0,9`],
    [0.5, { digits: 3 }, '0,5'],
    [0.5, { digits: 3, fixed: true }, '0,500'],
    [2, { digits: 2, fixed: true }, '2,00'],
    [0.97698, { digits: 3 }, '0,977'],
    [3.75, { digits: 0 }, '4'],
    [1 / 3, undefined, '0,333'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-0.0001, { digits: 3 }, '0'],
    [-0.0001, { digits: 3, fixed: true }, '0,000'],
    [-0.0004, { digits: 3 }, '0'],
    [-0.0006, { digits: 3 }, `${MINUS}0,001`],
    [NaN, undefined, 'NaN'],
    [Infinity, undefined, '+∞'],
    [-Infinity, undefined, `${MINUS}∞`],
  ])('%f with %j → %s', (x, options, expected) => {
    expect(formatNumber(x, options)).toBe(expected);
  });

  it('never contains an ASCII hyphen or a plain space, and reads back as the rounded number', () => {
    for (const x of [-98765.4321, -1.5, -0.25, 0.001, 12, 4321.125, 1e9]) {
      const s = formatNumber(x, { digits: 2 });
      expect(s).not.toMatch(/[- \u00a0]/);
      const back = Number(s.replace(MINUS, '-').replaceAll(NNBSP, '').replace(',', '.'));
      expect(Math.abs(back - x)).toBeLessThanOrEqual(0.005 + 1e-9); // half a unit of the last digit
    }
  });
});

describe('formatPercent', () => {
  it.each<[number, number | undefined, string]>([
    [0.9751, undefined, `97,5${NNBSP}%`],
    [0.5, undefined, `50,0${NNBSP}%`],
    [1, 0, `100${NNBSP}%`],
    [0.12345, 2, `12,35${NNBSP}%`],
    [-0.25, 1, `${MINUS}25,0${NNBSP}%`],
  ])('%f (digits %s) → %s', (x, digits, expected) => {
    expect(formatPercent(x, digits)).toBe(expected);
  });
});

describe('formatTex', () => {
  it.each<[number, FormatOptions, string]>([
    [sigmoid(3.75), { digits: 3 }, '0{,}977'],
    [-0.9, { digits: 1 }, '-0{,}9'],
    [-1234.5, { digits: 1 }, '-1\\,234{,}5'],
    [2, { digits: 2, fixed: true }, '2{,}00'],
    [42, {}, '42'],
  ])('%f with %j → %s', (x, options, expected) => {
    expect(formatTex(x, options)).toBe(expected);
  });

  it('uses no Unicode minus nor narrow space (KaTeX input)', () => {
    expect(formatTex(-1234567.5, { digits: 1 })).not.toMatch(/[\u2212\u202f]/);
  });
});

describe('formatPowerOfTen', () => {
  test.each([
    [-3, '0,001'],
    [0, '1'],
    [4, '10\u202f000'],
    [-5, '10⁻⁵'],
    [-12, '10⁻¹²'],
    [6, '10⁶'],
  ])('10^%i → %s', (p, expected) => {
    expect(formatPowerOfTen(p)).toBe(expected);
  });
  test('rejects a non-integer exponent', () => {
    expect(() => formatPowerOfTen(0.5)).toThrow();
  });
});

describe('formatCompact (gradients, relative errors) and formatFactor', () => {
  it.each([
    [0.123456, '0,1235'],
    [-0.37099, '−0,371'],
    [0, '0'],
    [1.234e-5, '1,23 × 10⁻⁵'],
    [-4.3e-11, '−4,3 × 10⁻¹¹'],
    [9.9996e-5, '1 × 10⁻⁴'],
    [1234.5, '1\u202f234,5'],
  ])('formatCompact(%s) = %s', (v, text) => {
    expect(formatCompact(v)).toBe(text);
  });
  it('puts a negative factor in parentheses', () => {
    expect(formatFactor(-0.4)).toBe('(−0,4)');
    expect(formatFactor(0.8)).toBe('0,8');
  });
  it('writes powers of ten with superscripts', () => {
    expect(powerOfTen(-5)).toBe('10⁻⁵');
    expect(powerOfTen(12)).toBe('10¹²');
  });
});
