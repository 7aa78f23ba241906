/**
 * URL state of the "Apprendre, c’est ajuster" island: exact round trip of random valid states,
 * malformed or out-of-range values fall back to the defaults and are listed, other islands'
 * keys are left alone.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import {
  AJUSTER_PREFIX,
  ajusterSchema,
  parseAjusterState,
  serializeAjusterState,
  type AjusterState,
} from '../../../../src/components/islands/ajuster/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(ajusterSchema);
const keys = Object.keys(ajusterSchema) as (keyof AjusterState)[];

const randomState = (seed: number): AjusterState => randomStateOf(ajusterSchema, seed);

describe('ajuster island state', () => {
  it('has the prefix `ajuster` and writes every field under it', () => {
    expect(AJUSTER_PREFIX).toBe('ajuster');
    const params = serializeAjusterState(defaults);
    expect([...params.keys()].sort()).toEqual(keys.map((k) => `ajuster.${k}`).sort());
  });

  it('an empty query gives the defaults, which are valid values of their own fields', () => {
    expect(parseAjusterState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
    expect(parseAjusterState(serializeAjusterState(defaults))).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random valid states', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      expect(parseAjusterState(serializeAjusterState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  it('keeps the exact floats a gradient descent leaves behind (w, b with 17 significant digits)', () => {
    const s = { ...defaults, w: 0.8498880657207333, b: -0.1 + 0.2 / 3 };
    expect(parseAjusterState(serializeAjusterState(s)).state).toEqual(s);
  });

  const malformed: Record<keyof AjusterState, string[]> = {
    w: ['abc', '', ' 1', '1,5', 'NaN', 'Infinity', '1e999', '10.5', '-11'],
    b: ['x', '0x10', '--1', '10.0001', '-1e3'],
    points: ['4', '201', '20.5', 'vingt', '1e2', ''],
    bruit: ['-0.1', '1.6', 'beaucoup', '0,5'],
    seed: ['-1', '1.5', '2147483648', 'graine'],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`ajuster.${key}`, bad);
      const { state, invalid } = parseAjusterState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `ajuster.${key}`, received: bad }]);
    });
  });

  it('a hand-written broken link keeps the valid fields and lists the others, in schema order', () => {
    const { state, invalid } = parseAjusterState(
      new URLSearchParams('ajuster.w=abc&ajuster.b=0.25&ajuster.points=3&ajuster.seed=9&neurone.w1=zzz'),
    );
    expect(state).toEqual({ ...defaults, b: 0.25, seed: 9 });
    expect(invalid).toEqual([
      { key: 'ajuster.w', received: 'abc' },
      { key: 'ajuster.points', received: '3' },
    ]);
  });

  it("keeps other islands' keys when serialising over an existing query", () => {
    const merged = new URLSearchParams(serializeAjusterState(defaults));
    const base = new URLSearchParams('neurone.w1=0.5&ajusterx.w=3');
    for (const [k, v] of base) merged.set(k, v);
    expect(parseAjusterState(merged)).toEqual({ state: defaults, invalid: [] });
  });
});
