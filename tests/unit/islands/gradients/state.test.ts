/** URL state of the "Gradients qui s’évanouissent" island: defaults, round trip, invalid values. */
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import {
  chunkFor,
  GRAD_DEMO_ID,
  GRAD_PREFIX,
  gradSchema,
  parseGradState,
  serializeGradState,
  settingsOf,
  widths,
  type GradState,
} from '../../../../src/components/islands/gradients/state';
import { deepActivations, deepInits } from '../../../../src/components/islands/gradients/deep-net';

const defaults = defaultState(gradSchema);

describe('gradients island state', () => {
  it('has the prefix `grad`, the catalogue id, and starts from sigmoid with tiny weights', () => {
    expect(GRAD_PREFIX).toBe('grad');
    expect(GRAD_DEMO_ID).toBe('gradients-evanescents');
    expect(settingsOf(defaults)).toEqual({ act: 'sigmoid', init: 'tiny', width: 64, seed: 1 });
  });

  it('round-trips every combination of the choices exactly', () => {
    for (const act of deepActivations)
      for (const init of deepInits)
        for (const largeur of widths) {
          const s: GradState = { act, init, largeur, seed: 12345 };
          const { state, invalid } = parseGradState(serializeGradState(s));
          expect(invalid).toEqual([]);
          expect(state).toEqual(s);
        }
  });

  it('replaces unknown values by the defaults and lists them', () => {
    const { state, invalid } = parseGradState(
      new URLSearchParams('grad.act=softplus&grad.init=he&grad.largeur=500&grad.seed=-3'),
    );
    expect(invalid.map((p) => p.key).sort()).toEqual(['grad.act', 'grad.largeur', 'grad.seed']);
    expect(state).toEqual({ ...defaults, init: 'he' });
  });

  it('cuts the batch into smaller chunks for wider networks (cost ∝ width²)', () => {
    expect(widths.map((w) => chunkFor(Number(w)))).toEqual([64, 16, 4, 1]);
  });
});
