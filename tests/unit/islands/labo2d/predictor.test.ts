/**
 * The lab's garbage-free predictions against the reference `predict`: the same numbers to the
 * last bit, on the grid and on the points, whole or a chunk at a time against a fake clock.
 */
import { describe, expect, it } from 'vitest';
import { createRng, initWeights, predict, type MlpSpec } from '../../../../src/nn';
import { CENTRES, gridProbabilities } from '../../../../src/components/islands/labo2d/heatmap';
import {
  CHUNK_ROWS,
  createPredictJob,
  createPredictor,
  predictAll,
} from '../../../../src/components/islands/labo2d/predictor';
import { prepareData } from '../../../../src/components/islands/labo2d/data';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { labSchema } from '../../../../src/components/islands/labo2d/state';

const specs: [string, MlpSpec][] = [
  ['3 × 16 tanh', { inputSize: 2, layers: [16, 16, 16].map((units) => ({ units, activation: 'tanh' as const })) }],
  ['relu (zeros skipped as in matmul)', { inputSize: 2, layers: [{ units: 7, activation: 'relu' }] }],
  ['no hidden layer, no bias', { inputSize: 2, layers: [] }],
].map(([name, s]) => {
  const spec = s as { inputSize: number; layers: MlpSpec['layers'] };
  const out: MlpSpec = {
    inputSize: 2,
    layers: [
      ...spec.layers,
      { units: 1, activation: 'sigmoid', ...(name === 'no hidden layer, no bias' ? { useBias: false } : {}) },
    ],
    loss: 'bce',
  };
  return [name as string, out];
});

describe.each(specs)('predictions without garbage = predict (%s)', (_, spec) => {
  const weights = initWeights(spec, createRng(3), 'he');
  const data = prepareData({ ...defaultState(labSchema), points: 301 });
  const inputs = [CENTRES, data.train.X, data.test.X];
  const expected = inputs.map((X) => predict(spec, weights, X).data);

  it('gives the same numbers at once', () => {
    expect(predictAll(spec, weights, inputs)).toEqual(expected);
    expect(gridProbabilities(spec, weights)).toEqual(expected[0]);
  });

  it('gives the same numbers a chunk at a time, across inputs, and says when it is done', () => {
    const job = createPredictJob(createPredictor(spec), weights, inputs);
    let t = 0;
    let slices = 0;
    while (!job.done) {
      slices++;
      job.run(t + 1, () => t++); // two chunks per slice: the clock reads t, then t + 1
    }
    const chunks = inputs.reduce((a, X) => a + Math.ceil(X.rows / CHUNK_ROWS), 0);
    expect(slices).toBe(Math.ceil(chunks / 2));
    expect(job.out).toEqual(expected);
  });
});
