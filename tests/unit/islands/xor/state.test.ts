/** URL state of the "OU exclusif avec une couche cachée" island (prefix `xor.`). */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import {
  parseXorState,
  serializeXorState,
  XOR_PREFIX,
  xorSchema,
  type XorState,
} from '../../../../src/components/islands/xor/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(xorSchema);
const keys = Object.keys(xorSchema) as (keyof XorState)[];

describe('xor island state', () => {
  it('has the prefix `xor`, writes every field and opens on two hidden neurons', () => {
    expect(XOR_PREFIX).toBe('xor');
    expect([...serializeXorState(defaults).keys()].sort()).toEqual(keys.map((k) => `xor.${k}`).sort());
    expect(defaults.h).toBe(2);
    expect(parseXorState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random valid states', () => {
    const rng = createRng(11);
    for (let i = 0; i < 500; i++) {
      const r = rng.next();
      const s: XorState = {
        h: 2 + rng.int(3),
        lr: r < 0.1 ? xorSchema.lr.min : r < 0.2 ? xorSchema.lr.max : rng.uniform(xorSchema.lr.min, xorSchema.lr.max),
        seed: rng.int(2 ** 31),
      };
      expect(parseXorState(serializeXorState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  const malformed: Record<keyof XorState, string[]> = {
    h: ['1', '5', '2.5', 'deux', ''],
    lr: ['0', '-1', '5.01', 'vite', '1,5', ''],
    seed: ['-1', '1.5', '2147483648', 'graine'],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`xor.${key}`, bad);
      const { state, invalid } = parseXorState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `xor.${key}`, received: bad }]);
    });
  });
});
