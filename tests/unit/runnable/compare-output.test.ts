import { describe, expect, test } from 'vitest';
import { compareOutput } from '../../../src/runnable/compare-output';

describe('compareOutput', () => {
  test('numbers match within 10^−precision, and not beyond', () => {
    expect(compareOutput('0.977', '0.9772', 3).ok).toBe(true);
    expect(compareOutput('0.977', '0.9772', 4).ok).toBe(false);
    expect(compareOutput('3.75', '3.751', 2).ok).toBe(true);
    expect(compareOutput('3.75', '3.77', 2).ok).toBe(false);
    // The exact boundary passes (10 ** -3 is not exactly 0.001 in binary).
    expect(compareOutput('0.5', '0.501', 3).ok).toBe(true);
  });

  test('negative numbers, exponents and numbers inside brackets', () => {
    expect(compareOutput('-0.5', '-0.5004', 3).ok).toBe(true);
    expect(compareOutput('-0.5', '0.5', 3).ok).toBe(false);
    // A sign is part of the number: tiny values of either sign are close.
    expect(compareOutput('-0.0001', '0.0001', 3).ok).toBe(true);
    expect(compareOutput('[0, -0]', '[-0, 0]', 3).ok).toBe(true);
    expect(compareOutput('1e-7', '1.0000001e-7', 6).ok).toBe(true);
    expect(compareOutput('2.5e+3', '2500', 6).ok).toBe(true);
    expect(compareOutput('1e-7', '1e-5', 6).ok).toBe(false);
    expect(compareOutput('[0.242, 0.0889]', '[0.2421, 0.08892]', 3).ok).toBe(true);
    expect(compareOutput('[0.242, 0.0889]', '[0.252, 0.0889]', 3).ok).toBe(false);
    expect(compareOutput('z = -1.25, σ(z) = 0.2227', 'z = -1.2501, σ(z) = 0.22268', 3).ok).toBe(true);
  });

  test('trailing spaces, Windows line ends and trailing blank lines are ignored', () => {
    expect(compareOutput('a  \nb\n\n\n', 'a\r\nb   ').ok).toBe(true);
  });

  test('other text must match exactly', () => {
    expect(compareOutput('x = 1', 'y = 1').ok).toBe(false);
    expect(compareOutput('x = 1', ' x = 1').ok).toBe(false);
    expect(compareOutput('[1, 2]', '[1, 2, 3]').ok).toBe(false);
    expect(compareOutput('NaN', 'NaN').ok).toBe(true);
    expect(compareOutput('loss 1', 'loss 1 (fin)').ok).toBe(false);
  });

  test('the first mismatch is named, with its line and a French message', () => {
    const r = compareOutput('a\n0.5\nc', 'a\n0.7\nc', 3);
    expect(r.ok).toBe(false);
    expect(r.diff).toMatchObject({ line: 2, expected: '0.5', received: '0.7' });
    expect(r.diff!.message).toBe(
      'Ligne 2\u00a0: le nombre 0.7 s’écarte de 0.5 de plus de 10^\u22123. Attendu\u00a0: «\u202f0.5\u202f», reçu\u00a0: «\u202f0.7\u202f».',
    );
    expect(compareOutput('a\nb\nc', 'a\nb').diff).toMatchObject({ line: 3, expected: 'c', received: '' });
    expect(compareOutput('a', 'a\nb').diff).toMatchObject({ line: 2, expected: '', received: 'b' });
    expect(compareOutput('a\nb', 'a\nB').diff!.message).toContain('le texte diffère');
  });
});
