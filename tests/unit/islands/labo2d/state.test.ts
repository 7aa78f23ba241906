/** URL state of "Le labo 2D": every field written, random valid states round-trip, bad values fall back. */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import {
  LAB_PREFIX,
  labSchema,
  describeRemedies,
  isPreset,
  labPresets,
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

  it('a link written before the speed and the epoch budget existed still opens, on their defaults', () => {
    const old =
      'labo.donnees=moons&labo.points=60&labo.bruit=0.2&labo.part=0.5&labo.seed=7&labo.couches=16,16,16' +
      '&labo.act=tanh&labo.lr=0.01&labo.lot=10&labo.optim=adam&labo.reg=l2&labo.alpha=0.03&labo.garde=0.8' +
      '&labo.patience=0&labo.moteur=js&labo.backend=auto';
    const { state, invalid } = parseLabState(new URLSearchParams(old));
    expect(invalid).toEqual([]);
    expect(state).toMatchObject({ reg: 'l2', alpha: 0.03, garde: 0.8, epoques: defaults.epoques, vitesse: 'normale' });
  });

  it('layers of 32 fit: the chapter’s 2 → 32 → 32 → 1 for 800 epochs is a valid link', () => {
    const { state, invalid } = parseLabState(new URLSearchParams('labo.couches=32,32&labo.epoques=800'));
    expect(invalid).toEqual([]);
    expect([state.couches, state.epoques]).toEqual([[32, 32], 800]);
  });

  it('each preset is the over-fitting run with one remedy, and only its own button matches', () => {
    expect(labPresets.map((p) => p.name)).toEqual(['Surapprentissage', '+ L2', '+ dropout', '+ arrêt précoce']);
    const states = labPresets.map((p) => ({ ...defaults, ...p.patch }) as LabState);
    for (const [i, s] of states.entries()) {
      expect(parseLabState(serializeLabState(s))).toEqual({ state: s, invalid: [] });
      expect(labPresets.map((p) => isPreset(s, p.patch))).toEqual(labPresets.map((_, j) => j === i));
    }
    const fmt = String;
    expect(states.map((s) => describeRemedies(s, fmt))).toEqual([
      'sans régularisation',
      `L2 α\u00a0=\u00a0${overfittingPreset.alpha}`,
      'dropout p\u00a0=\u00a00.5',
      'arrêt précoce (patience 20)',
    ]);
  });

  const malformed: Record<keyof LabState, string[]> = {
    donnees: ['cercle', 'Spiral', ''],
    points: ['19', '1001', '50.5', 'cent'],
    bruit: ['-0.1', '0.6', 'NaN', ''],
    part: ['0', '0.95', '1', 'moitié'],
    seed: ['-1', '2147483648', '1.5'],
    couches: ['33', '8,0', '1,2,3,4,5,6,7', '8;8', '8,,8', '4.5'],
    act: ['softmax', 'ReLU', ''],
    lr: ['0', '3.5', 'Infinity', '1e'],
    lot: ['0', '257', '16.5'],
    optim: ['adagrad', 'Adam', ''],
    reg: ['l3', 'L2', 'aucun'],
    alpha: ['-0.001', '2', 'x'],
    garde: ['0', '0.05', '1.1'],
    patience: ['-1', '1001', '5.5'],
    epoques: ['0', '10001', '12.5'],
    vitesse: ['turbo', 'Max', ''],
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
