/**
 * The lab's sliced trainer against the engine's `trainMlp` run at once: same seed and settings
 * ⇒ the same losses epoch by epoch, and the same final weights, however the epochs are sliced.
 */
import { describe, expect, it } from 'vitest';
import { cloneWeights, trainMlp, type TrainOptions } from '../../../../src/nn';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { labSchema, type LabState } from '../../../../src/components/islands/labo2d/state';
import {
  labOptimizer,
  labRegularization,
  labSpec,
  labWeights,
  prepareData,
} from '../../../../src/components/islands/labo2d/data';
import { createSlicedTrainer } from '../../../../src/components/islands/labo2d/trainer';
import { GRID, gridCentres, gridProbabilities, colourOf } from '../../../../src/components/islands/labo2d/heatmap';

const base = defaultState(labSchema);
const cases: [string, Partial<LabState>][] = [
  ['plain Adam', {}],
  ['L2 + dropout, momentum', { reg: 'l2', alpha: 0.01, garde: 0.8, optim: 'momentum', lr: 0.05 }],
  ['L1, RMSProp, early stopping', { reg: 'l1', alpha: 0.001, optim: 'rmsprop', patience: 3, lr: 0.05 }],
  ['spiral, relu, SGD, odd batch', { donnees: 'spiral', act: 'relu', optim: 'sgd', lot: 7, couches: [5, 3, 4] }],
];

describe.each(cases)('sliced trainer = trainMlp (%s)', (_, patch) => {
  const s = { ...base, points: 100, ...patch } as LabState;
  const data = prepareData(s);
  const spec = labSpec(s);
  const reg = labRegularization(s);
  const options = {
    X: data.train.X,
    Y: data.train.Y,
    validation: { X: data.validation.X, Y: data.validation.Y },
    optimizer: labOptimizer(s),
    batchSize: s.lot,
    seed: s.seed,
    ...(reg ? { regularization: reg } : {}),
    ...(s.garde < 1 ? { dropoutKeep: s.garde } : {}),
    ...(s.patience > 0 ? { patience: s.patience } : {}),
  };

  it('gives the same history and weights', () => {
    const epochs = 40;
    const w1 = labWeights(s);
    const once = trainMlp(spec, w1, { ...options, epochs } as TrainOptions);
    const w2 = labWeights(s);
    const sliced = createSlicedTrainer(spec, w2, options);
    // uneven slices, counted by a fake clock: 1, 2, 3… epochs per slice
    let n = 0;
    while (sliced.status === 'running' && sliced.history.length < epochs) {
      n++;
      let t = 0;
      sliced.slice(n - 0.5, epochs - sliced.history.length, () => t++);
    }
    const strip = (h: readonly { epoch: number; loss: number; valLoss?: number }[]) =>
      h.map(({ epoch, loss, valLoss }) => ({ epoch, loss, valLoss }));
    expect(strip(sliced.history)).toEqual(strip(once.history));
    expect(sliced.status === 'earlyStopped').toBe(once.status === 'earlyStopped');
    expect(sliced.bestEpoch).toBe(once.bestEpoch);
    expect(cloneWeights(w2)).toEqual(cloneWeights(w1));
  });
});

describe('lab data and heat map', () => {
  it('splits every point once: train share, then validation and test halves', () => {
    const d = prepareData({ ...base, points: 200, part: 0.6 });
    expect([d.train.X.rows, d.validation.X.rows, d.test.X.rows]).toEqual([120, 40, 40]);
  });
  it('a grid of 64×64 cell centres, probabilities in [0, 1], colours from orange to blue', () => {
    const c = gridCentres();
    expect(c.rows).toBe(GRID * GRID);
    const p = gridProbabilities(labSpec(base), labWeights(base));
    expect(p.every((v) => v > 0 && v < 1)).toBe(true);
    expect(colourOf(0)).toEqual([230, 126, 34]);
    expect(colourOf(1)).toEqual([41, 98, 185]);
    expect(colourOf(NaN)).toEqual([245, 245, 245]);
  });
  it('diverges with the French reason on a huge learning rate', () => {
    const s = { ...base, optim: 'sgd', lr: 3, act: 'identity', couches: [16, 16, 16, 16, 16, 16] } as LabState;
    const d = prepareData(s);
    const t = createSlicedTrainer(labSpec(s), labWeights(s), {
      X: d.train.X,
      Y: d.train.Y,
      validation: d.validation,
      optimizer: labOptimizer(s),
      batchSize: 1,
      seed: 1,
    });
    t.slice(10_000, 200);
    expect(t.status).toBe('diverged');
    expect(t.reason).toMatch(/diverg/);
  });
});
