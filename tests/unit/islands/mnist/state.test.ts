/**
 * The MNIST island's state and pure logic: URL round trip and fallbacks, presets and parameter
 * counts, split, initial weights, evaluation from probabilities, the model file.
 */
import { randomState as randomStateOf } from '../shared/random-state';
import { describe, expect, it } from 'vitest';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import {
  mnistPresets,
  mnistSchema,
  mnistSpec,
  mnistSplitCounts,
  parseMnistState,
  presetSettings,
  serializeMnistState,
  validateMnist,
  type MnistState,
} from '../../../../src/components/islands/mnist/state';
import {
  describeConfig,
  mnistInitialWeights,
  mnistOptimizer,
  mnistSplitIndices,
} from '../../../../src/components/islands/mnist/setup';
import { confusedIndices, evaluateProbabilities } from '../../../../src/components/islands/mnist/evaluate';
import { decodeMnistModel, encodeMnistModel } from '../../../../src/components/islands/mnist/model-file';
import { encodeWeightsFile } from '../../../../src/nn/weights-file';
import { parameterCount } from '../../../../src/nn/spec';
import presetRun from '../../../../src/content/mnist-preset-run.json';

const defaults = defaultState(mnistSchema);

const randomState = (seed: number): MnistState => randomStateOf(mnistSchema, seed);

describe('MNIST URL state', () => {
  it('writes every field under mnist. and reads it back exactly', () => {
    for (let seed = 0; seed < 50; seed++) {
      const s = randomState(seed);
      const params = new URLSearchParams(serializeMnistState(s));
      const parsed = parseMnistState(params);
      expect(parsed.invalid).toEqual([]);
      expect(parsed.state).toEqual(s);
      for (const key of params.keys()) expect(key.startsWith('mnist.')).toBe(true);
    }
  });

  it('keeps the defaults for malformed values and lists them', () => {
    const parsed = parseMnistState(
      new URLSearchParams('mnist.n=10&mnist.couches=128,abc&mnist.echelle=pixels&mnist.lr=-1'),
    );
    expect(parsed.state).toEqual(defaults);
    expect(parsed.invalid.map((p) => p.key).sort()).toEqual(['mnist.couches', 'mnist.echelle', 'mnist.lr', 'mnist.n']);
  });

  it('defaults: the fast 784-128-10 preset on all 60,000 images, 80/20', () => {
    const fast = mnistPresets.find((p) => p.nom === '784-128-10 (rapide)')!;
    expect(defaults).toMatchObject({ n: 60_000, val: 0.2, ...presetSettings(fast) });
    expect(fast.couches).toEqual([128]);
    expect(mnistSplitCounts(defaults)).toEqual({ train: 48_000, validation: 12_000, test: 10_000 });
  });

  it('presets: softmax regression 7,850 parameters, the book’s 4 × 40 36,730, 784-128-10 101,770', () => {
    const counts = mnistPresets.map((p) => parameterCount(mnistSpec(p)));
    expect(counts).toEqual([
      784 * 10 + 10,
      784 * 40 + 40 + 3 * (40 * 40 + 40) + 40 * 10 + 10,
      784 * 128 + 128 + 128 * 10 + 10,
    ]);
    expect(counts).toEqual([7850, 36_730, 101_770]);
    expect(mnistPresets[1]).toMatchObject({ optim: 'adam', lr: 0.0001, lot: 64 });
    expect(mnistSpec({ couches: [], act: 'relu' }).layers).toEqual([{ units: 10, activation: 'softmax' }]);
  });

  it('the fast preset’s measured run (bench/mnist-preset.mjs --write) is of the preset as it stands, and passes its target', () => {
    const fast = mnistPresets.find((p) => p.nom === '784-128-10 (rapide)')!;
    expect(presetRun.settings).toEqual({
      ...presetSettings(fast),
      seed: defaults.seed,
      n: defaults.n,
      val: defaults.val,
    });
    expect(presetRun.testAccuracy).toBeGreaterThan(presetRun.target);
    for (const accuracy of Object.values(presetRun.accuracyBySeed)) expect(accuracy).toBeGreaterThan(presetRun.target);
    expect(presetRun.machine).toMatchObject({ backend: 'wasm', gpu: false });
  });

  it('a preset sets every setting it names (epochs included), the layers as a copy', () => {
    for (const p of mnistPresets) {
      const s: MnistState = { ...randomState(7), epoques: 50, lot: 4096, lr: 9 };
      Object.assign(s, presetSettings(p));
      const named = Object.keys(p).filter((key) => key !== 'nom');
      expect(named.sort()).toEqual(['act', 'couches', 'decroissance', 'epoques', 'lot', 'lr', 'optim']);
      for (const key of named) expect(s[key as keyof MnistState]).toEqual(p[key as keyof typeof p]);
      expect(s.couches).not.toBe(p.couches);
    }
  });

  it('explains in French why settings valid one by one do not fit together', () => {
    expect(validateMnist(defaults)).toBeNull();
    expect(validateMnist({ ...defaults, n: 100, lot: 4096 })).toMatch(/taille de lot/);
  });
});

describe('MNIST run logic', () => {
  it('splits 0…n−1 into disjoint validation and training parts, the same for the same seed', () => {
    const s = { n: 1000, val: 0.2, seed: 4 };
    const a = mnistSplitIndices(s);
    expect(a.validation).toHaveLength(200);
    expect(a.train).toHaveLength(800);
    expect(new Set([...a.train, ...a.validation]).size).toBe(1000);
    expect(mnistSplitIndices(s)).toEqual(a);
    expect(mnistSplitIndices({ ...s, seed: 5 }).validation).not.toEqual(a.validation);
  });

  it('draws the initial weights from the seed (He for ReLU), shaped like the spec; the softmax regression starts at zero', () => {
    const s = { couches: [16], act: 'relu' as const, seed: 9 };
    const w = mnistInitialWeights(s);
    expect(w.W.map((m) => [m.rows, m.cols])).toEqual([
      [784, 16],
      [16, 10],
    ]);
    expect(mnistInitialWeights(s)).toEqual(w);
    const zero = mnistInitialWeights({ couches: [], act: 'relu', seed: 9 });
    expect([zero.W[0]!.rows, zero.W[0]!.cols]).toEqual([784, 10]);
    expect(zero.W[0]!.data.every((v) => v === 0) && zero.b[0]!.every((v) => v === 0)).toBe(true);
    const constant = { ...defaults, lr: 0.001, lot: 128, decroissance: 'aucune' } as const;
    expect(describeConfig({ ...constant, couches: [16] })).toBe('784 → 16 → 10, relu, adam 0,001, lots de 128');
    expect(describeConfig({ ...constant, couches: [] })).toBe('784 → 10, adam 0,001, lots de 128');
    expect(describeConfig({ ...constant, decroissance: 'lineaire' })).toBe(
      '784 → 128 → 10, relu, adam 0,001 décroissant, lots de 128',
    );
  });

  it('gives the optimiser its linear decay over the planned steps: epochs × batches per epoch', () => {
    const s = { optim: 'adam', lr: 0.005, lot: 128, epoques: 5 } as const;
    expect(mnistOptimizer({ ...s, decroissance: 'aucune' }, 48_000)).toEqual({ name: 'adam', learningRate: 0.005 });
    // 48,000 / 128 = 375 batches per epoch; 1,000 images make 8 batches, the last one of 104.
    expect(mnistOptimizer({ ...s, decroissance: 'lineaire' }, 48_000)).toEqual({
      name: 'adam',
      learningRate: 0.005,
      decay: 'linear',
      decaySteps: 5 * 375,
    });
    expect(mnistOptimizer({ ...s, decroissance: 'lineaire' }, 1000)).toMatchObject({ decaySteps: 5 * 8 });
  });

  it('evaluates probabilities: argmax, accuracy, cross-entropy, confusion and per-class scores', () => {
    // 4 images labelled 0, 0, 1, 2; predicted 0, 1, 1, 2 with the given confidences.
    const rows = [
      [0.7, 0.2, 0.1],
      [0.4, 0.5, 0.1],
      [0.1, 0.8, 0.1],
      [0.1, 0.1, 0.8],
    ].map((r) => [...r, 0, 0, 0, 0, 0, 0, 0]);
    const ev = evaluateProbabilities(rows.flat(), [0, 0, 1, 2]);
    expect([...ev.predicted]).toEqual([0, 1, 1, 2]);
    expect(ev.accuracy).toBe(0.75);
    expect(ev.loss).toBeCloseTo(-(Math.log(0.7) + Math.log(0.4) + Math.log(0.8) + Math.log(0.8)) / 4, 12);
    expect(ev.confusion[0]!.slice(0, 3)).toEqual([1, 1, 0]);
    expect(ev.perClass[0]).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(ev.perClass[1]).toMatchObject({ precision: 0.5, recall: 1, support: 1 });
    expect(confusedIndices([0, 0, 1, 2], ev.predicted, 0, 1)).toEqual([1]);
    expect(() => evaluateProbabilities([0.5, 0.5], [0])).toThrow(/probabilités/);
  });

  it('the model file round-trips the network and the scaling; other files are refused in French', () => {
    const settings = { couches: [8], act: 'tanh' as const, echelle: 'symmetric' as const };
    const weights = mnistInitialWeights({ ...settings, seed: 2 });
    const back = decodeMnistModel(encodeMnistModel(settings, weights));
    expect(back.settings).toEqual(settings);
    // The file stores float32: the weights come back rounded to float32, exactly.
    const f32 = (a: Float64Array) => Array.from(a, Math.fround);
    expect(back.weights.W.map((m) => Array.from(m.data))).toEqual(weights.W.map((m) => f32(m.data)));
    expect(back.weights.b.map((b) => Array.from(b))).toEqual(weights.b.map(f32));
    const calculator = encodeWeightsFile(
      { inputSize: 2, layers: [{ units: 1, activation: 'identity' }], loss: 'mse' },
      { W: [{ rows: 2, cols: 1, data: Float64Array.of(0.5, 0.5) }], b: [Float64Array.of(0)] },
      { note: JSON.stringify({ mnist: { echelle: 'unit' } }) },
    );
    expect(() => decodeMnistModel(calculator)).toThrow(/^Ce fichier n’est pas un modèle MNIST du cours\u00a0: .*784/);
    const bytes = encodeMnistModel(settings, weights);
    expect(() => decodeMnistModel(bytes.subarray(0, bytes.length - 3))).toThrow(/^Fichier de poids\u00a0: /);
  });
});
