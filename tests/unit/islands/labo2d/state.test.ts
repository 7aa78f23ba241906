/** URL state of "Le labo 2D": every field written, random valid states round-trip, bad values fall back. */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import {
  LAB_PREFIX,
  labSchema,
  overfittingPreset,
  parseLabState,
  serializeLabState,
  type LabState,
} from '../../../../src/components/islands/labo2d/state';

const defaults = defaultState(labSchema);
const keys = Object.keys(labSchema) as (keyof LabState)[];

const randomState = (seed: number): LabState => randomStateOf(labSchema, seed);

describe('labo2d island state', () => {
  it('has the prefix `labo` and writes every field', () => {
    expect(LAB_PREFIX).toBe('labo');
    const params = serializeLabState(defaults);
    expect([...params.keys()].sort()).toEqual(keys.map((k) => `labo.${k}`).sort());
    expect(params.get('labo.couches')).toBe('8,8');
    expect(parseLabState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random states', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      expect(parseLabState(serializeLabState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  it('the over-fitting preset is a valid state', () => {
    const s = { ...defaults, ...overfittingPreset } as LabState;
    expect(parseLabState(serializeLabState(s))).toEqual({ state: s, invalid: [] });
  });

  const malformed: Record<keyof LabState, string[]> = {
    donnees: ['cercle', 'Spiral', ''],
    points: ['19', '1001', '50.5', 'cent'],
    bruit: ['-0.1', '0.6', 'NaN', ''],
    part: ['0', '0.95', '1', 'moitié'],
    seed: ['-1', '2147483648', '1.5'],
    couches: ['17', '8,0', '1,2,3,4,5,6,7', '8;8', '8,,8', '4.5'],
    act: ['softmax', 'ReLU', ''],
    lr: ['0', '3.5', 'Infinity', '1e'],
    lot: ['0', '257', '16.5'],
    optim: ['adagrad', 'Adam', ''],
    reg: ['l3', 'L2', 'aucun'],
    alpha: ['-0.001', '2', 'x'],
    garde: ['0', '0.05', '1.1'],
    patience: ['-1', '1001', '5.5'],
    moteur: ['tfjs', 'JS', ''],
    backend: ['gpu', 'WASM', ''],
  };
  it.each(keys)('a malformed `%s` falls back to the default and is listed', (key) => {
    for (const raw of malformed[key]) {
      const params = new URLSearchParams({ [`labo.${key}`]: raw, 'labo.seed': key === 'seed' ? raw : '42' });
      const { state, invalid } = parseLabState(params);
      expect(state[key]).toEqual(defaults[key]);
      expect(invalid).toContainEqual({ key: `labo.${key}`, received: raw });
      if (key !== 'seed') expect(state.seed).toBe(42);
    }
  });
});
