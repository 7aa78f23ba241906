/**
 * URL state of the "Rétropropagation pas à pas" island: defaults are the chapter's examples,
 * random valid states round-trip exactly, malformed values fall back and are listed.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import {
  BP_DEMO_ID,
  BP_PREFIX,
  bpSchema,
  chainValues,
  fieldsOf,
  parseBpState,
  serializeBpState,
  wideValues,
  type BpState,
} from '../../../../src/components/islands/backprop-pas/state';
import { chainExample, wideExample } from '../../../../src/components/islands/backprop-pas/networks';

const defaults = defaultState(bpSchema);
const numericKeys = Object.keys(bpSchema).filter(
  (k) => bpSchema[k as keyof BpState].kind === 'number',
) as (keyof BpState)[];

const randomState = (seed: number): BpState => randomStateOf(bpSchema, seed);

describe('backprop-pas island state', () => {
  it('has the prefix `bp`, the demo id of the catalogue, and every field under the prefix', () => {
    expect(BP_PREFIX).toBe('bp');
    expect(BP_DEMO_ID).toBe('retropropagation-pas-a-pas');
    const params = serializeBpState(defaults);
    expect([...params.keys()].sort()).toEqual(
      Object.keys(bpSchema)
        .map((k) => `bp.${k}`)
        .sort(),
    );
  });

  it('defaults to the chapter’s two worked networks, starting before the first step', () => {
    expect(defaults.reseau).toBe('chaine');
    expect(defaults.etape).toBe(0);
    expect(chainValues(defaults)).toEqual(chainExample);
    expect(wideValues(defaults)).toEqual(wideExample);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('round-trips a random state exactly (seed %i)', (seed) => {
    const s = randomState(seed);
    const { state, invalid } = parseBpState(serializeBpState(s));
    expect(invalid).toEqual([]);
    expect(state).toEqual(s);
  });

  it('replaces malformed or out-of-range values by the defaults and lists them', () => {
    const params = new URLSearchParams('bp.w1=abc&bp.x=11&bp.reseau=profond&bp.etape=-1&bp.rv1=0.25&autre.x=3');
    const { state, invalid } = parseBpState(params);
    expect(invalid.map((p) => p.key).sort()).toEqual(['bp.etape', 'bp.reseau', 'bp.w1', 'bp.x']);
    expect(invalid.find((p) => p.key === 'bp.w1')?.received).toBe('abc');
    expect(state.w1).toBe(defaults.w1);
    expect(state.x).toBe(defaults.x);
    expect(state.reseau).toBe('chaine');
    expect(state.etape).toBe(0);
    expect(state.rv1).toBe(0.25);
  });

  it('lists each network’s editable fields once, all numeric keys of the schema', () => {
    const all = [...fieldsOf.chaine, ...fieldsOf.large].map(([k]) => k);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...numericKeys].sort());
  });
});
