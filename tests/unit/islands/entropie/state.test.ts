/**
 * URL state of the "Entropie croisée" island: exact round trip of random valid states,
 * malformed or out-of-range values fall back to the default and are listed.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import {
  ENTROPIE_DEMO_ID,
  ENTROPIE_PREFIX,
  entropieSchema,
  P_MAX,
  P_MIN,
  parseEntropieState,
  serializeEntropieState,
} from '../../../../src/components/islands/entropie/state';
import { defaultState } from '../../../../src/components/islands/shared/url-state';

const defaults = defaultState(entropieSchema);

describe('entropie island state', () => {
  it('has the prefix `entropie`, the id `entropie-croisee`, and writes p under the prefix', () => {
    expect(ENTROPIE_PREFIX).toBe('entropie');
    expect(ENTROPIE_DEMO_ID).toBe('entropie-croisee');
    expect([...serializeEntropieState(defaults).keys()]).toEqual(['entropie.p']);
  });

  it('an empty query gives the default, a valid value of its own field', () => {
    expect(parseEntropieState(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
    expect(parseEntropieState(serializeEntropieState(defaults))).toEqual({ state: defaults, invalid: [] });
  });

  it('parse(serialize(s)) = s for 500 random valid states, bounds included', () => {
    const rng = createRng(4);
    for (let i = 0; i < 500; i++) {
      const r = rng.next();
      const s = { p: r < 0.1 ? P_MIN : r < 0.2 ? P_MAX : rng.uniform(P_MIN, P_MAX) };
      expect(parseEntropieState(serializeEntropieState(s))).toEqual({ state: s, invalid: [] });
    }
  });

  it.each(['0', '1', '0.005', '0.995', '-0.5', 'abc', '', '0,5', 'NaN', '1/2', ' 0.5'])(
    'rejects p = «%s»: default kept, reported with the text',
    (bad) => {
      const { state, invalid } = parseEntropieState(new URLSearchParams([['entropie.p', bad]]));
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: 'entropie.p', received: bad }]);
    },
  );

  it("ignores other islands' keys", () => {
    expect(parseEntropieState(new URLSearchParams('maemse.ox=abc&entropiex.p=2'))).toEqual({
      state: defaults,
      invalid: [],
    });
  });
});
