/**
 * URL state of the "Compteur de paramètres" island, and the architectures it builds: the
 * presets the chapter cites give 41, 609 and 101 770 parameters through src/nn.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import { layerParameterCounts, parameterCount, validateSpec } from '../../../../src/nn';
import {
  MAX_WIDTH,
  PARAM_PREFIX,
  paramSchema,
  parseParamState,
  serializeParamState,
  type ParamState,
} from '../../../../src/components/islands/parametres/state';
import { arrows, presets, specOf } from '../../../../src/components/islands/parametres/architecture';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(paramSchema);
const keys = Object.keys(paramSchema) as (keyof ParamState)[];

const randomState = (seed: number): ParamState => randomStateOf(paramSchema, seed);

describe('parametres island state', () => {
  it('has the prefix `param`, writes every field, and opens on 3 → 4 → 4 → 1', () => {
    expect(PARAM_PREFIX).toBe('param');
    const params = serializeParamState(defaults);
    expect([...params.keys()].sort()).toEqual(keys.map((k) => `param.${k}`).sort());
    expect(params.get('param.cachees')).toBe('4,4');
    expect(arrows(specOf(defaults))).toBe('3 → 4 → 4 → 1');
    expect(parseParamState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random architectures, no hidden layer included', () => {
    let sawEmpty = false;
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      sawEmpty ||= s.cachees.length === 0;
      expect(parseParamState(serializeParamState(s))).toEqual({ state: s, invalid: [] });
    }
    expect(sawEmpty).toBe(true);
  });

  const malformed: Record<keyof ParamState, string[]> = {
    entree: ['0', '-3', '2.5', String(MAX_WIDTH + 1), 'deux', ''],
    cachees: [
      '16;16',
      '16,,16',
      '16,0',
      '16,2.5',
      '16,abc',
      `16,${MAX_WIDTH + 1}`,
      '4,4,4,4,4,4,4,4,4,4,4',
      '16, 16',
      '16,',
    ],
    sortie: ['0', '1.5', 'dix', String(MAX_WIDTH + 1)],
    act: ['softmax', 'identity', 'RELU', ''],
    fin: ['relu', 'tanh', ''],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`param.${key}`, bad);
      const { state, invalid } = parseParamState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `param.${key}`, received: bad }]);
    });
  });
});

describe('architectures of the counter', () => {
  it('the presets give 41, 609 and 101 770 parameters', () => {
    expect(presets.map((p) => arrows(specOf(p)))).toEqual(['3 → 4 → 4 → 1', '2 → 16 → 16 → 16 → 1', '784 → 128 → 10']);
    expect(presets.map((p) => parameterCount(specOf(p)))).toEqual([41, 609, 101_770]);
    expect(layerParameterCounts(specOf(presets[1]!))).toEqual([48, 272, 272, 17]);
    for (const p of presets) expect(() => validateSpec(specOf(p))).not.toThrow();
  });

  it('pairs each output with its loss, so every valid choice is a valid spec', () => {
    for (const fin of paramSchema.fin.options) {
      const spec = specOf({ ...defaults, sortie: 3, fin });
      expect(() => validateSpec(spec)).not.toThrow();
      expect(spec.layers.at(-1)!.activation).toBe(fin);
    }
  });

  it('counts inputs × units + units per layer, whatever the activation; no hidden layer is a single dense layer', () => {
    const spec = specOf({ entree: 5, cachees: [], sortie: 2, act: 'tanh', fin: 'softmax' });
    expect(layerParameterCounts(spec)).toEqual([5 * 2 + 2]);
    const a = specOf({ ...defaults, act: 'relu' });
    const b = specOf({ ...defaults, act: 'gelu' });
    expect(parameterCount(a)).toBe(parameterCount(b));
  });
});
