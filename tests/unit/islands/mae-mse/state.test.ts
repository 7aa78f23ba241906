/**
 * URL state of the "MAE ou MSE ?" island: exact round trip of random valid states, malformed or
 * out-of-range values fall back to the defaults and are listed, other islands' keys are ignored.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import {
  MAEMSE_DEMO_ID,
  MAEMSE_PREFIX,
  maeMseSchema,
  parseMaeMseState,
  serializeMaeMseState,
  type MaeMseState,
} from '../../../../src/components/islands/mae-mse/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(maeMseSchema);
const keys = Object.keys(maeMseSchema) as (keyof MaeMseState)[];

const randomState = (seed: number): MaeMseState => randomStateOf(maeMseSchema, seed);

describe('mae-mse island state', () => {
  it('has the prefix `maemse`, the id `mae-ou-mse`, and writes every field under the prefix', () => {
    expect(MAEMSE_PREFIX).toBe('maemse');
    expect(MAEMSE_DEMO_ID).toBe('mae-ou-mse');
    const params = serializeMaeMseState(defaults);
    expect([...params.keys()].sort()).toEqual(keys.map((k) => `maemse.${k}`).sort());
  });

  it('an empty query gives the defaults, which are valid values of their own fields', () => {
    expect(parseMaeMseState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
    expect(parseMaeMseState(serializeMaeMseState(defaults))).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random valid states', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      expect(parseMaeMseState(serializeMaeMseState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  const malformed: Record<keyof MaeMseState, string[]> = {
    ox: ['abc', '', ' 1', '1,5', 'NaN', 'Infinity', '-0.5', '10.01', '1e2'],
    oy: ['x', '0x10', '--1', '16.5', '-4.01', 'haut'],
    n: ['4', '31', '12.5', 'douze', '1e1', ''],
    seed: ['-1', '1.5', '2147483648', 'graine'],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`maemse.${key}`, bad);
      const { state, invalid } = parseMaeMseState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `maemse.${key}`, received: bad }]);
    });
  });

  it('a hand-written broken link keeps the valid fields and lists the others, in schema order', () => {
    const { state, invalid } = parseMaeMseState(
      new URLSearchParams('maemse.ox=loin&maemse.oy=-2&maemse.n=100&maemse.seed=9&entropie.p=zzz'),
    );
    expect(state).toEqual({ ...defaults, oy: -2, seed: 9 });
    expect(invalid).toEqual([
      { key: 'maemse.ox', received: 'loin' },
      { key: 'maemse.n', received: '100' },
    ]);
  });
});
