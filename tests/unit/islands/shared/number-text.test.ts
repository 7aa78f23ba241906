/** French number text in fields: written with a comma and a true minus, read either way, stepped cleanly. */
import { describe, expect, it } from 'vitest';
import { parseFrenchNumber, stepValue, writeFrenchNumber } from '../../../../src/components/islands/shared/number-text';

describe('number fields’ text', () => {
  it('writes a decimal comma and a true minus', () => {
    expect([0.03, -0.4, 1.5, 12, 0.0001].map(writeFrenchNumber)).toEqual(['0,03', '\u22120,4', '1,5', '12', '0,0001']);
  });
  it('reads a comma or a point, a true minus or a hyphen, spaces between thousands', () => {
    const read = ['0,03', '0.03', '\u22120,4', '-0.4', ' 1\u202f000 ', '1 000,5', ',5', '5,', '1e-3'].map(
      parseFrenchNumber,
    );
    expect(read).toEqual([0.03, 0.03, -0.4, -0.4, 1000, 1000.5, 0.5, 5, 0.001]);
  });
  it('reads what it writes', () => {
    for (const v of [0.03, -0.4, 1e-7, 123456.789, -12]) expect(parseFrenchNumber(writeFrenchNumber(v))).toBe(v);
  });
  it('refuses what is not one number', () => {
    for (const t of ['', ' ', '1,2,3', '1.2.3', '1e', 'abc', '--1', '0x10', 'Infinity'])
      expect(parseFrenchNumber(t)).toBeNaN();
  });
  it('steps without float dust and stays within bounds', () => {
    expect(stepValue(1, 0.1, 0, 10)).toBe(1.1);
    expect(stepValue(0.2, 0.1, 0, 10)).toBe(0.3);
    expect(stepValue(0.03, -0.001, 0.0001, 3)).toBe(0.029);
    expect(stepValue(2.95, 0.1, 0, 3)).toBe(3);
    expect(stepValue(0, -1, 0, 3)).toBe(0);
  });
});
