/**
 * URL state of the "Passe avant" island: the defaults are the chapter's worked example, random
 * valid networks round-trip exactly, malformed values fall back to the defaults and are listed.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import {
  PASSE_PREFIX,
  parsePasseState,
  passeSchema,
  serializePasseState,
  type PasseState,
} from '../../../../src/components/islands/passe-avant/state';
import { exempleCours, weightsToList } from '../../../../src/components/islands/passe-avant/network';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(passeSchema);
const keys = Object.keys(passeSchema) as (keyof PasseState)[];

const randomState = (seed: number): PasseState => randomStateOf(passeSchema, seed);

describe('passe-avant island state', () => {
  it('has the prefix `passe` and writes every field under it, lists as readable comma lists', () => {
    expect(PASSE_PREFIX).toBe('passe');
    const params = serializePasseState(defaults);
    expect([...params.keys()].sort()).toEqual(keys.map((k) => `passe.${k}`).sort());
    expect(params.get('passe.x')).toBe('70,25');
    expect(params.get('passe.w')).toBe(
      '0.1,0.2,0.3,0.4,0.5,0.6,0.1,0.2,0.3,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.1,0.2,0.3,0.1,0.2,0.3,0.1',
    );
  });

  it('opens on the worked example of the chapter, every layer with ReLU', () => {
    expect(defaults).toEqual({ x: [70, 25], w: weightsToList(exempleCours.weights), act: 'relu', out: 'relu' });
    expect(parsePasseState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random valid networks', () => {
    for (let i = 0; i < 500; i++) {
      const s = randomState(i);
      expect(parsePasseState(serializePasseState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  const valid24 = Array.from({ length: 24 }, () => '0.5').join(',');
  const malformed: Record<keyof PasseState, string[]> = {
    x: ['', '70', '70,25,1', '70;25', '70, 25', 'abc,25', '70,', '1001,0', '0,-1000.5', 'NaN,1'],
    w: ['', valid24, `${valid24},0.5,0.5`, `${valid24},x`, `${valid24},10.01`, `${valid24},-11`, `${valid24},`],
    act: ['RELU', 'softmax', 'step', ''],
    out: ['tanh', 'softmax', ''],
  };
  describe.each(keys)('field %s', (key) => {
    it.each(malformed[key])('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`passe.${key}`, bad);
      const { state, invalid } = parsePasseState(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `passe.${key}`, received: bad }]);
    });
  });

  it('a broken link keeps its valid fields and lists the others', () => {
    const { state, invalid } = parsePasseState(new URLSearchParams(`passe.x=1,2&passe.w=${valid24}&passe.act=nope`));
    expect(state).toEqual({ ...defaults, x: [1, 2] });
    expect(invalid.map((p) => p.key)).toEqual(['passe.w', 'passe.act']);
  });
});
