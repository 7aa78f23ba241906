/**
 * The page of `node bench/mnist-preset.mjs`: the MNIST island's « 784-128-10 (rapide) » run exactly
 * as the page makes it (the island's defaults, then the preset's settings; its split of the first n
 * images, its initial weights from the seed, its batch source and optimiser, one `trainTfMlp` call
 * seeded as the island seeds it), on WASM, with the accuracy on the 10,000 test images and on the
 * validation split after every epoch. Overrides try other settings.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { readMnistPair } from '../src/nn/data/mnist';
import { mnistSource } from '../src/nn/tf/mnist-source';
import { createTfMlp } from '../src/nn/tf/model';
import { predictInBatches } from '../src/nn/tf/predict';
import { trainTfMlp } from '../src/nn/tf/train';
import { defaultState } from '../src/components/islands/shared/url-state';
import { mnistInitialWeights, mnistOptimizer, mnistSplitIndices } from '../src/components/islands/mnist/setup';
import {
  mnistPresets,
  mnistSchema,
  mnistSpec,
  presetSettings,
  type MnistState,
} from '../src/components/islands/mnist/state';

setWasmPaths(new URL('./', location.href).href);

const bytes = async (name: string) => new Uint8Array(await (await fetch(name)).arrayBuffer());

export interface PresetEpoch {
  readonly epoch: number;
  /** Seconds of the epoch's batches (trainTfMlp's `ms`, measurements excluded). */
  readonly seconds: number;
  readonly testAccuracy: number;
  readonly valAccuracy: number;
}

export interface PresetRunResult {
  readonly settings: MnistState;
  readonly epochs: PresetEpoch[];
  readonly simd: boolean;
}

function accuracy(p: Float32Array, labels: Uint8Array): number {
  let right = 0;
  for (let i = 0; i < labels.length; i++) {
    let best = 0;
    for (let k = 1; k < 10; k++) if (p[i * 10 + k]! > p[i * 10 + best]!) best = k;
    if (best === labels[i]) right++;
  }
  return right / labels.length;
}

/** What a trial changes from the preset (nothing: the preset itself). */
export type PresetOverrides = Partial<Pick<MnistState, 'lr' | 'lot' | 'epoques' | 'decroissance'>>;

/** The island's state once « 784-128-10 (rapide) » is clicked: its defaults, then the preset. */
const fast = mnistPresets.find((p) => p.nom === '784-128-10 (rapide)')!;
const preset: MnistState = { ...defaultState(mnistSchema), ...presetSettings(fast), moteur: 'wasm' };

Object.assign(window, {
  async runPreset({ seeds, overrides }: { seeds: number[]; overrides: PresetOverrides }): Promise<{
    results: PresetRunResult[];
    defaultSeed: number;
  }> {
    const list = seeds.map((seed): MnistState => ({ ...preset, ...overrides, seed }));
    if (!(await tf.setBackend('wasm'))) throw new Error('backend wasm unavailable');
    await tf.ready();
    const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
    const train = readMnistPair(await bytes('train-images'), await bytes('train-labels'));
    const test = readMnistPair(await bytes('test-images'), await bytes('test-labels'));
    const results: PresetRunResult[] = [];
    for (const s of list) {
      const split = mnistSplitIndices(s);
      const model = createTfMlp(tf, mnistSpec(s), mnistInitialWeights(s));
      const valLabels = Uint8Array.from(split.validation, (i) => train.labels[i]!);
      const epochs: PresetEpoch[] = [];
      await trainTfMlp(tf, model, {
        source: mnistSource(train, split.train, s.echelle),
        optimizer: mnistOptimizer(s, split.train.length),
        batchSize: s.lot,
        epochs: s.epoques,
        seed: s.seed,
        afterEpoch: async (report) => {
          const onTest = await predictInBatches(tf, model, mnistSource(test, undefined, s.echelle));
          const onVal = await predictInBatches(tf, model, mnistSource(train, split.validation, s.echelle));
          epochs.push({
            epoch: report.epoch,
            seconds: report.ms / 1000,
            testAccuracy: accuracy(onTest, test.labels),
            valAccuracy: accuracy(onVal, valLabels),
          });
          console.log(
            `lr ${s.lr} ${s.decroissance} lot ${s.lot} seed ${s.seed} epoch ${report.epoch}: ${(report.ms / 1000).toFixed(2)} s, ` +
              `test ${(100 * epochs.at(-1)!.testAccuracy).toFixed(2)} %`,
          );
        },
      });
      model.dispose();
      results.push({ settings: s, epochs, simd });
    }
    return { results, defaultSeed: mnistSchema.seed.default };
  },
});
