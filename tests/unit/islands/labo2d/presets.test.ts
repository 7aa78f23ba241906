/**
 * The lab's presets, trained here as the page trains them (same data, weights, seed, stepper):
 * « Surapprentissage » over-fits visibly — the validation loss bottoms out early, then climbs
 * far above its minimum, every training point is right but not the test points, and the
 * boundary winds (long) — and each remedy brings the validation loss down, the test accuracy up
 * and the boundary back to a simple curve. Prints the numbers the report quotes.
 */
import { describe, expect, it } from 'vitest';
import { accuracy, createTrainingStepper, formatNumber, predict } from '../../../../src/nn';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { labPresets, labSchema, type LabState } from '../../../../src/components/islands/labo2d/state';
import {
  classesOf,
  labOptions,
  labSpec,
  labWeights,
  prepareData,
} from '../../../../src/components/islands/labo2d/data';
import { CENTRES, GRID } from '../../../../src/components/islands/labo2d/heatmap';

/** Cell edges of the 64×64 map where the predicted class changes: the boundary's length in cells. */
function boundaryLength(classes: Int32Array): number {
  let n = 0;
  for (let r = 0; r < GRID; r++)
    for (let c = 0; c < GRID; c++) {
      const k = r * GRID + c;
      if (c > 0 && classes[k] !== classes[k - 1]) n++;
      if (r > 0 && classes[k] !== classes[k - GRID]) n++;
    }
  return n;
}

function runPreset(patch: Partial<LabState>) {
  const s = { ...defaultState(labSchema), ...patch } as LabState;
  const data = prepareData(s);
  const spec = labSpec(s);
  const t = createTrainingStepper(spec, labWeights(s), labOptions(s, data));
  while (t.status === 'running' && t.history.length < s.epoques) t.step();
  const val = t.history.map((r) => r.valLoss!);
  const min = Math.min(...val);
  const acc = (split: typeof data.test) => accuracy(split.labels, classesOf(predict(spec, t.weights, split.X)));
  return {
    epochs: t.history.length,
    minVal: min,
    minEpoch: val.indexOf(min) + 1,
    // the loss the lab shows: after early stopping, that of the restored weights
    shownVal: t.bestEpoch ? val[t.bestEpoch - 1]! : val[val.length - 1]!,
    trainAcc: acc(data.train),
    testAcc: acc(data.test),
    testPoints: data.test.X.rows,
    boundary: boundaryLength(classesOf(predict(spec, t.weights, CENTRES))),
  };
}

const runs = labPresets.map((p) => ({ name: p.name, ...runPreset(p.patch) }));
const [overfit, ...remedies] = runs;
const pct = (v: number) => `${formatNumber(100 * v, { digits: 1 })} %`;
console.log(
  runs
    .map(
      (r) =>
        `${r.name.padEnd(17)} ${r.epochs} époques · validation min ${r.minVal.toFixed(3)} (époque ${r.minEpoch}),` +
        ` affichée ${r.shownVal.toFixed(3)} · précision entraînement ${pct(r.trainAcc)}, test ${pct(r.testAcc)}` +
        ` (${r.testPoints} points) · frontière ${r.boundary} arêtes`,
    )
    .join('\n'),
);

describe('the over-fitting preset', () => {
  it('has enough test points for accuracy to move in steps under 1 %', () => {
    expect(overfit!.testPoints).toBeGreaterThanOrEqual(100);
  });
  it('over-fits: the validation loss bottoms out early, then ends more than 3× higher', () => {
    expect(overfit!.minEpoch).toBeLessThan(30);
    expect(overfit!.shownVal).toBeGreaterThan(3 * overfit!.minVal);
  });
  it('learns every training point but misses many test points', () => {
    expect(overfit!.trainAcc).toBe(1);
    expect(overfit!.trainAcc - overfit!.testAcc).toBeGreaterThan(0.2);
  });
});

describe.each(remedies.map((r) => [r.name, r] as const))('%s', (_, r) => {
  it('ends with a validation loss under half the over-fitted one, and a better test accuracy', () => {
    expect(r.shownVal).toBeLessThan(overfit!.shownVal / 2);
    expect(r.testAcc).toBeGreaterThan(overfit!.testAcc + 0.05);
  });
  it('draws a simpler boundary: under half as long', () => {
    expect(r.boundary).toBeLessThan(overfit!.boundary / 2);
  });
});
