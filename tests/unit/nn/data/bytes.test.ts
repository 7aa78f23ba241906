import { expect, test } from 'vitest';
import { concatBytes } from '../../../../src/nn/data/bytes';

test('concatBytes puts the parts end to end in a new array', () => {
  const a = Uint8Array.of(1, 2);
  const b = Uint8Array.of(3);
  const out = concatBytes([a, new Uint8Array(0), b]);
  expect([...out]).toEqual([1, 2, 3]);
  // a copy: the parts can be reused
  a[0] = 9;
  expect(out[0]).toBe(1);
  expect(concatBytes([]).length).toBe(0);
});
