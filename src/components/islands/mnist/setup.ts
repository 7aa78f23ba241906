/**
 * What a run starts from, pure and seeded: the split of the first n images, the initial
 * weights, and the line that names the configuration in the table of runs.
 */
import { createRng, initWeights, plannedSteps, type MlpWeights, type OptimizerConfig } from '../../../nn';
import { MNIST_PIXELS, mnistSpec, mnistSplitCounts, type MnistState } from './state';

/** Validation first (floor(n·val) images), training the rest, from one seeded permutation of 0…n−1. */
export function mnistSplitIndices(s: Pick<MnistState, 'n' | 'val' | 'seed'>): {
  train: number[];
  validation: number[];
} {
  const order = createRng(s.seed).shuffle(Array.from({ length: s.n }, (_, i) => i));
  const { validation } = mnistSplitCounts(s);
  return { validation: order.slice(0, validation), train: order.slice(validation) };
}

/**
 * He for the ReLU family, Xavier otherwise, from seed + 1 (the split uses the seed itself). The
 * softmax regression starts from zero, as usual for it: its loss is convex, there is no symmetry
 * to break, and the pixels that never carry ink keep a zero weight — its weight images then show
 * only what was learnt.
 */
export function mnistInitialWeights(s: Pick<MnistState, 'couches' | 'act' | 'seed'>): MlpWeights {
  if (s.couches.length === 0)
    return {
      W: [{ rows: MNIST_PIXELS, cols: 10, data: new Float64Array(MNIST_PIXELS * 10) }],
      b: [new Float64Array(10)],
    };
  const scheme = s.act === 'relu' || s.act === 'leakyRelu' ? 'he' : 'xavier';
  return initWeights(mnistSpec(s), createRng(s.seed + 1), scheme);
}

/**
 * The run's optimiser: the state's, and with `decroissance` 'lineaire' a learning rate falling
 * linearly to 0 over the planned steps (epochs × batches per epoch of `trainImages`).
 */
export function mnistOptimizer(
  s: Pick<MnistState, 'optim' | 'lr' | 'lot' | 'epoques' | 'decroissance'>,
  trainImages: number,
): OptimizerConfig {
  const base = { name: s.optim, learningRate: s.lr } as const;
  if (s.decroissance === 'aucune') return base;
  return { ...base, decay: 'linear', decaySteps: plannedSteps(s.epoques, trainImages, s.lot) };
}

/** "784 → 128 → 10, relu, adam 0,003 décroissant, lots de 256" for the table of runs. */
export function describeConfig(s: MnistState): string {
  const layers = [784, ...s.couches, 10].join(' → ');
  const act = s.couches.length ? `${s.act}, ` : '';
  const decay = s.decroissance === 'lineaire' ? ' décroissant' : '';
  return `${layers}, ${act}${s.optim} ${String(s.lr).replace('.', ',')}${decay}, lots de ${s.lot}`;
}
