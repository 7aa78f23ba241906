/**
 * The book this project follows — project 1 of Mattéo Eléouet's « Le Deep Learning, une
 * introduction » (v0.4.8, 2023) —: its settings as the island's state (« Réglages du livre »),
 * what its PyTorch code printed for one run, and the range a PyTorch reproduction of that code
 * gave. These are quoted, not computed: the chapter and the island print them from here, and
 * set them beside the reader's run only when that run used the book's settings.
 */
import { CALCULATOR_BOOK, formatNumber } from '../../../nn';
import { splitCounts, type CalcState } from './state';

export const BOOK = {
  title: 'Le Deep Learning, une introduction',
  author: 'Mattéo Eléouet',
  version: '0.4.8',
  year: 2023,
} as const;

/**
 * The book's code (§ 5.1.6.1): the sum of integers of [0, 100], 10,000 pairs, 80 % of them for
 * training, 2 → 16 → 16 → 16 → 1 ReLU, SGD at 0.1, batches of 64, 10 epochs. Its other 20 %
 * are its validation and it tests on 2,000 freshly drawn pairs; here validation and test share
 * those 20 %, so that training sees the same 8,000 pairs per epoch (125 steps, as in the book).
 */
export const bookSettings = {
  op: 'sum',
  min: 0,
  max: 100,
  n: 10000,
  val: 0.1,
  test: 0.1,
  couches: [16, 16, 16],
  act: 'relu',
  optim: 'sgd',
  lr: 0.1,
  lot: 64,
  epoques: 10,
} as const satisfies Omit<CalcState, 'seed' | 'moteur'>;

/** The settings with the book's: the seed and the engine stay the reader's. */
export const withBookSettings = (s: CalcState): CalcState => ({
  ...s,
  ...bookSettings,
  couches: [...bookSettings.couches],
});

/**
 * What the book's code printed for its one run (MSE 1.6901, MAE 1.0354, R² 0.9990 on 2,000
 * freshly drawn pairs; two sums), kept in src/nn so that the readers' code quotes the same.
 */
export const bookRun = CALCULATOR_BOOK.run;

/** A reproduction of the book's code in PyTorch, over several runs: [lowest, highest]. */
export const pytorchReproduction = CALCULATOR_BOOK.pytorch;

/** The training settings a run used; 'mixte' when they changed between a pause and its resumption. */
export type CalcTraining = Pick<CalcState, 'optim' | 'lr' | 'lot'>;
export type TrainedWith = CalcTraining | 'mixte';

const n = (v: number) => formatNumber(v);
const trainCount = splitCounts(bookSettings).train;

/**
 * How the evaluated model's set-up differs from the book's, in French (empty: the same). `s`
 * holds the data and the network (changing them resets the run, so they are the model's own);
 * `trained` the training settings the run used (null: unknown, as for an imported model) and
 * `epochs` the epochs it ran.
 */
export function bookDifferences(s: CalcState, trained: TrainedWith | null, epochs: number): string[] {
  const b = bookSettings;
  const out: string[] = [];
  if (s.op !== b.op) out.push('l’opération (le livre\u00a0: la somme)');
  if (s.min !== b.min || s.max !== b.max) out.push(`l’intervalle (le livre\u00a0: de ${n(b.min)} à ${n(b.max)})`);
  if (s.n !== b.n) out.push(`le nombre d’exemples (le livre\u00a0: ${n(b.n)})`);
  else if (splitCounts(s).train !== trainCount)
    out.push(`le découpage (le livre\u00a0: ${n(trainCount)} exemples d’entraînement)`);
  if (s.couches.join() !== b.couches.join() || s.act !== b.act)
    out.push(`le réseau (le livre\u00a0: ${b.couches.length} couches cachées de ${n(b.couches[0])} neurones ReLU)`);
  if (trained === null) out.push('l’entraînement (modèle importé\u00a0: ses réglages ne sont pas connus)');
  else if (trained === 'mixte') out.push('l’entraînement (réglages changés en cours de route)');
  else {
    if (trained.optim !== b.optim) out.push('l’optimiseur (le livre\u00a0: SGD)');
    if (trained.lr !== b.lr) out.push(`le pas d’apprentissage (le livre\u00a0: ${n(b.lr)})`);
    if (trained.lot !== b.lot) out.push(`la taille de lot (le livre\u00a0: ${n(b.lot)})`);
  }
  if (trained !== null && epochs !== b.epoques) out.push(`le nombre d’époques (le livre\u00a0: ${n(b.epoques)})`);
  return out;
}

/** The book's settings in one French sentence, for the island's note beside the button. */
export function bookSettingsText(): string {
  const b = bookSettings;
  return (
    `la somme de deux entiers de ${n(b.min)} à ${n(b.max)}, ${n(b.n)} paires dont ${n(trainCount)} pour ` +
    `l’entraînement, ${b.couches.length} couches cachées de ${n(b.couches[0])} neurones ReLU, SGD au pas ` +
    `de ${n(b.lr)}, lots de ${n(b.lot)}, ${n(b.epoques)} époques`
  );
}
