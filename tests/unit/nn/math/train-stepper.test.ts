/**
 * The reference engine's training stepper: cut into slices of any size (a fake clock ends each
 * slice after 1, 2, 3… batches), it gives `trainMlp`'s run exactly — history, stop, restored
 * epoch, final weights — for every option; `step()` is one batch and reports at an epoch's end;
 * a stopped stepper does nothing more; the option checks are the ones both engines share.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/nn/data/rng';
import { generators2d } from '../../../../src/nn/data/generators2d';
import { cloneWeights, initWeights } from '../../../../src/nn/math/init';
import { createTrainingStepper, trainMlp, type StepperOptions } from '../../../../src/nn/math/train';
import type { MlpSpec } from '../../../../src/nn/spec';
import { checkTrainOptions } from '../../../../src/nn/train-checks';
import { DIVERGENCE_REASON } from '../../../../src/nn/training';

const spec = (act: 'tanh' | 'relu', hidden: number[]): MlpSpec => ({
  inputSize: 2,
  layers: [...hidden.map((units) => ({ units, activation: act })), { units: 1, activation: 'sigmoid' }],
  loss: 'bce',
});

function set(seed: number, n: number) {
  const { X, labels } = generators2d.moons(createRng(seed), n, 0.2);
  return { X, Y: { rows: n, cols: 1, data: Float64Array.from(labels) } };
}
const train = set(1, 50);
const validation = set(2, 40);
const base: StepperOptions = {
  ...train,
  validation,
  optimizer: { name: 'adam', learningRate: 0.03 },
  batchSize: 8,
  seed: 3,
};

const cases: [string, MlpSpec, StepperOptions][] = [
  ['plain Adam', spec('tanh', [8, 8]), base],
  [
    'L2 + dropout, momentum',
    spec('tanh', [8, 8]),
    {
      ...base,
      regularization: { kind: 'l2', alpha: 0.01 },
      dropoutKeep: 0.8,
      optimizer: { name: 'momentum', learningRate: 0.05 },
    },
  ],
  [
    'L1, RMSProp, early stopping',
    spec('tanh', [16, 16, 16]),
    {
      ...base,
      regularization: { kind: 'l1', alpha: 0.001 },
      patience: 3,
      optimizer: { name: 'rmsprop', learningRate: 0.05 },
    },
  ],
  [
    'relu, SGD, odd batch, no validation',
    spec('relu', [5, 3, 4]),
    { ...base, validation: undefined, batchSize: 7, optimizer: { name: 'sgd', learningRate: 0.1 } },
  ],
];

const strip = (h: readonly { epoch: number; loss: number; valLoss?: number }[]) =>
  h.map(({ epoch, loss, valLoss }) => ({ epoch, loss, valLoss }));

describe.each(cases)('sliced stepper = trainMlp (%s)', (_, s, options) => {
  it('gives the same history, stop and final weights however it is sliced', () => {
    const epochs = 40;
    const w1 = initWeights(s, createRng(5), 'xavier');
    const once = trainMlp(s, w1, { ...options, epochs });
    const w2 = initWeights(s, createRng(5), 'xavier');
    const stepper = createTrainingStepper(s, w2, options);
    let n = 0;
    while (stepper.status === 'running' && stepper.history.length < epochs) {
      n++;
      let t = 0;
      stepper.slice(n - 0.5, epochs - stepper.history.length, () => t++);
    }
    if (options.patience) expect(once.status).toBe('earlyStopped'); // the restore is compared too
    expect(strip(stepper.history)).toEqual(strip(once.history));
    expect(stepper.status === 'running' ? 'done' : stepper.status).toBe(once.status);
    expect(stepper.bestEpoch).toBe(once.bestEpoch);
    expect(cloneWeights(w2)).toEqual(cloneWeights(w1));
  });
});

describe('the stepper', () => {
  const s = spec('tanh', [4]);
  it('one batch per step; the report comes with an epoch’s last batch (50 rows, batches of 8: 7 steps)', () => {
    const batches: number[] = [];
    const t = createTrainingStepper(s, initWeights(s, createRng(1), 'xavier'), {
      ...base,
      onBatch: (b) => batches.push(b.batch),
    });
    const reports = Array.from({ length: 14 }, () => t.step());
    expect(reports.map((r) => r?.epoch ?? null)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      1,
      null,
      null,
      null,
      null,
      null,
      null,
      2,
    ]);
    expect(batches).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6]);
    expect(t.history).toHaveLength(2);
  });

  it('stops when onEpoch says so, then does nothing more', () => {
    const w = initWeights(s, createRng(1), 'xavier');
    const t = createTrainingStepper(s, w, { ...base, onEpoch: (r) => (r.epoch === 2 ? 'stop' : undefined) });
    t.slice(Infinity, 10);
    expect([t.status, t.history.length]).toEqual(['stopped', 2]);
    const before = cloneWeights(w);
    expect(t.step()).toBeNull();
    expect(t.slice(Infinity, 5)).toEqual([]);
    expect(cloneWeights(w)).toEqual(before);
  });

  it('diverges with the French reason on a huge learning rate', () => {
    const deep: MlpSpec = {
      inputSize: 2,
      layers: [
        ...[...Array(6)].map(() => ({ units: 16, activation: 'identity' as const })),
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'bce',
    };
    const t = createTrainingStepper(deep, initWeights(deep, createRng(1), 'xavier'), {
      ...base,
      optimizer: { name: 'sgd', learningRate: 3 },
      batchSize: 1,
    });
    t.slice(Infinity, 200);
    expect(t.status).toBe('diverged');
    expect(t.reason).toBe(DIVERGENCE_REASON);
  });
});

describe('the option checks both engines share', () => {
  const s = spec('tanh', [4]);
  const shape = { count: 10, inputs: 2, outputs: 1 };
  const ok = { batchSize: 4 };
  it.each([
    [
      'inputs',
      { ...shape, inputs: 3 },
      ok,
      /Entrées incompatibles\u00a0: les données d’entraînement ont 3 colonnes, 2 attendues/,
    ],
    ['no example', { ...shape, count: 0 }, ok, /ne contiennent aucun exemple/],
    ['targets', { ...shape, outputs: 2 }, ok, /2 cibles par exemple, 1 attendues/],
    ['epochs', shape, { ...ok, epochs: 1.5 }, /nombre d’époques/],
    ['batch size', shape, { batchSize: 0 }, /taille de lot/],
    ['patience without validation', shape, { ...ok, patience: 3 }, /arrêt anticipé/],
    ['dropout', shape, { ...ok, dropoutKeep: 0 }, /Dropout/],
  ])('refuses a wrong %s in French', (_, train, o, message) => {
    expect(() => checkTrainOptions(s, train, null, o)).toThrow(message);
  });
  it('the reference engine makes them when a stepper is created, not at its first step', () => {
    expect(() => createTrainingStepper(s, initWeights(s, createRng(1), 'xavier'), { ...base, batchSize: 0 })).toThrow(
      /taille de lot/,
    );
    expect(() =>
      createTrainingStepper(s, initWeights(s, createRng(1), 'xavier'), {
        ...base,
        Y: { rows: 49, cols: 1, data: new Float64Array(49) },
      }),
    ).toThrow(/50 exemples mais 49 cibles/);
  });
});
