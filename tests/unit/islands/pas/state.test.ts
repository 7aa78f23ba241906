/**
 * URL state of the "Le pas d’apprentissage" island: exact round trip of random valid states,
 * malformed or out-of-range values fall back to the defaults and are listed, other islands'
 * keys are left alone.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import {
  PAS_DEMO_ID,
  PAS_PREFIX,
  parsePasState,
  pasSchema,
  serializePasState,
  type PasState,
} from '../../../../src/components/islands/pas/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(pasSchema);
const keys = Object.keys(pasSchema) as (keyof PasState)[];

const randomState = (seed: number): PasState => randomStateOf(pasSchema, seed);

describe('pas island state', () => {
  it('has the prefix `pas`, the anchor `pas-apprentissage`, and writes every field', () => {
    expect(PAS_PREFIX).toBe('pas');
    expect(PAS_DEMO_ID).toBe('pas-apprentissage');
    expect([...serializePasState(defaults).keys()].sort()).toEqual(keys.map((k) => `pas.${k}`).sort());
  });

  it('defaults to the chapter’s worked sequence, W₀ = 0 and η = 0,1, without decay', () => {
    expect(defaults).toEqual({ lr: 0.1, w0: 0, decroissance: false });
    expect(parsePasState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
  });

  it('reaches both the divergent rate 1,5 and a crawl at 0,001', () => {
    expect(parsePasState(new URLSearchParams('pas.lr=1.5')).state.lr).toBe(1.5);
    expect(parsePasState(new URLSearchParams('pas.lr=0.001')).state.lr).toBe(0.001);
  });

  it('parse(serialize(s)) = s for 500 random valid states', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      expect(parsePasState(serializePasState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  it('keeps an exact float such as 1/15', () => {
    const s = { ...defaults, lr: 1 / 15 };
    expect(parsePasState(serializePasState(s)).state).toEqual(s);
  });

  const malformed: Record<keyof PasState, string[]> = {
    lr: ['abc', '', '0', '-0.1', '2.01', '0.0009', 'NaN', 'Infinity', '0,1', '1e999'],
    w0: ['x', '-2.5', '4.1', ' 1', '--1'],
    decroissance: ['true', 'oui', '2', ''],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`pas.${key}`, bad);
      const { state, invalid } = parsePasState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `pas.${key}`, received: bad }]);
    });
  });

  it('a broken link keeps the valid fields and lists the others; other islands are ignored', () => {
    const { state, invalid } = parsePasState(
      new URLSearchParams('pas.lr=vite&pas.w0=2&pas.decroissance=1&paysage.lrSgd=zzz&pasx.lr=3'),
    );
    expect(state).toEqual({ lr: 0.1, w0: 2, decroissance: true });
    expect(invalid).toEqual([{ key: 'pas.lr', received: 'vite' }]);
  });
});
