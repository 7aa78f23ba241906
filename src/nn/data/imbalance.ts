/**
 * The imbalance experiment of the MNIST chapter: make one digit rare in a training set, then
 * try the usual remedies — under-sampling, over-sampling, augmenting the rare digit with
 * slightly moved copies. Everything works on index lists into a labelled set (as `split.ts`
 * does) and is seeded: the same seed gives the same indices and images. No DOM.
 */
import { transformImage } from './image-transform';
import type { MnistSet } from './mnist';
import { createRng } from './rng';

const DIGITS = 10;

function checkIndices(labels: ArrayLike<number>, indices: readonly number[], where: string): void {
  indices.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0 || r >= labels.length)
      throw new Error(`${where}\u00a0: indice ${r} hors de [0, ${labels.length - 1}] (position ${i}).`);
    const k = labels[r]!;
    if (!Number.isInteger(k) || k < 0 || k >= DIGITS)
      throw new Error(`${where}\u00a0: étiquette ${k} à l’indice ${r}, chiffre de 0 à 9 attendu.`);
  });
}

function checkDigit(digit: number, where: string): void {
  if (!Number.isInteger(digit) || digit < 0 || digit >= DIGITS)
    throw new Error(`${where}\u00a0: chiffre ${digit} invalide (entier de 0 à 9 attendu).`);
}

/** The indices of each digit, in their order in `indices`: byDigit[k] lists those labelled k. */
function groupByDigit(labels: ArrayLike<number>, indices: readonly number[]): number[][] {
  const groups = Array.from({ length: DIGITS }, () => [] as number[]);
  for (const r of indices) groups[labels[r]!]!.push(r);
  return groups;
}

/**
 * Compte les exemples de chaque chiffre.
 *
 * counts[k] = how many of `indices` (default: all) are labelled k, for the ten digits.
 * (Named apart from `classCounts` of split.ts, which counts a whole label array.)
 */
export function digitCounts(labels: ArrayLike<number>, indices?: readonly number[]): number[] {
  const all = indices ?? Array.from({ length: labels.length }, (_, i) => i);
  checkIndices(labels, all, 'digitCounts');
  return groupByDigit(labels, all).map((g) => g.length);
}

/**
 * Rend un chiffre rare.
 *
 * `indices` with only a `keepFraction` of the examples of `digit` (chosen at random with the
 * seed) and all the others, in their original order. The digit keeps round(n·fraction) of its
 * n examples, at least one when the fraction is positive.
 */
export function makeRare(
  labels: ArrayLike<number>,
  indices: readonly number[],
  digit: number,
  keepFraction: number,
  seed: number,
): number[] {
  checkIndices(labels, indices, 'makeRare');
  checkDigit(digit, 'makeRare');
  if (!(keepFraction >= 0 && keepFraction <= 1))
    throw new Error(`makeRare\u00a0: part conservée ${keepFraction} invalide (entre 0 et 1 attendu).`);
  const ofDigit = indices.filter((r) => labels[r] === digit);
  const n = ofDigit.length;
  const keep = keepFraction > 0 && n > 0 ? Math.max(1, Math.round(n * keepFraction)) : 0;
  const kept = new Set(createRng(seed).shuffle(ofDigit).slice(0, keep));
  return indices.filter((r) => labels[r] !== digit || kept.has(r));
}

/**
 * Sous-échantillonne les chiffres fréquents.
 *
 * Under-sampling: every digit cut (at random with the seed) to the count of the rarest digit
 * present, so that the classes are balanced; digits absent from `indices` stay absent.
 * Kept indices come in their original order.
 */
export function underSample(labels: ArrayLike<number>, indices: readonly number[], seed: number): number[] {
  checkIndices(labels, indices, 'underSample');
  const groups = groupByDigit(labels, indices);
  const present = groups.filter((g) => g.length > 0);
  if (present.length === 0) return [];
  const target = Math.min(...present.map((g) => g.length));
  const rng = createRng(seed);
  const kept = new Set(groups.flatMap((g) => rng.shuffle(g).slice(0, target)));
  return indices.filter((r) => kept.has(r));
}

/**
 * Sur-échantillonne les chiffres rares.
 *
 * Over-sampling: `indices`, followed by extra copies drawn at random (with replacement, with the
 * seed) from each rarer digit's own examples, until every digit present reaches the count of
 * the most frequent one. Extras come digit by digit (0 to 9).
 */
export function overSample(labels: ArrayLike<number>, indices: readonly number[], seed: number): number[] {
  checkIndices(labels, indices, 'overSample');
  const groups = groupByDigit(labels, indices);
  const target = Math.max(0, ...groups.map((g) => g.length));
  const rng = createRng(seed);
  const extras: number[] = [];
  for (const g of groups) {
    if (g.length === 0) continue;
    for (let k = g.length; k < target; k++) extras.push(g[rng.int(g.length)]!);
  }
  return [...indices, ...extras];
}

/** How far augmentation may move an image: shift in pixels, rotation in degrees (each ±). */
export interface AugmentOptions {
  /** Default 2 (pixels, in x and in y). */
  maxShift?: number;
  /** Default 15 (degrees). */
  maxDegrees?: number;
}

/**
 * Augmente un chiffre rare par des copies déplacées.
 *
 * Data augmentation of a rare digit: extra images of `digit`, each a kept example (those of
 * `indices` labelled `digit`, taken in turn in a seeded random order) shifted by dx, dy
 * uniform in ±maxShift and rotated uniform in ±maxDegrees (one bilinear resampling).
 * Makes targetCount − (kept examples) images, none when there are already enough; throws when
 * images are wanted but no example of the digit is left. Returns a set to concatenate with
 * the training set (see `concatSets`).
 */
export function augmentRare(
  set: MnistSet,
  indices: readonly number[],
  digit: number,
  targetCount: number,
  seed: number,
  { maxShift = 2, maxDegrees = 15 }: AugmentOptions = {},
): MnistSet {
  checkIndices(set.labels, indices, 'augmentRare');
  checkDigit(digit, 'augmentRare');
  if (!Number.isInteger(targetCount) || targetCount < 0)
    throw new Error(`augmentRare\u00a0: nombre visé ${targetCount} invalide (entier ≥ 0 attendu).`);
  const { rows, cols } = set;
  const pixels = rows * cols;
  const sources = indices.filter((r) => set.labels[r] === digit);
  const count = Math.max(0, targetCount - sources.length);
  if (count > 0 && sources.length === 0)
    throw new Error(`augmentRare\u00a0: aucun exemple du chiffre ${digit} à transformer.`);
  const rng = createRng(seed);
  const order = rng.shuffle(sources);
  const images = new Uint8Array(count * pixels);
  for (let i = 0; i < count; i++) {
    const r = order[i % order.length]!;
    const moved = transformImage(set.images.subarray(r * pixels, (r + 1) * pixels), rows, cols, {
      dx: rng.uniform(-maxShift, maxShift),
      dy: rng.uniform(-maxShift, maxShift),
      degrees: rng.uniform(-maxDegrees, maxDegrees),
    });
    images.set(moved, i * pixels);
  }
  return { count, rows, cols, images, labels: new Uint8Array(count).fill(digit) };
}

/**
 * Met deux jeux d’images bout à bout.
 *
 * a then b, as one set (copies); both must have the same image size.
 */
export function concatSets(a: MnistSet, b: MnistSet): MnistSet {
  if (a.rows !== b.rows || a.cols !== b.cols)
    throw new Error(
      `concatSets\u00a0: images de ${a.rows}×${a.cols} et de ${b.rows}×${b.cols} (même taille attendue).`,
    );
  const images = new Uint8Array(a.images.length + b.images.length);
  images.set(a.images);
  images.set(b.images, a.images.length);
  const labels = new Uint8Array(a.count + b.count);
  labels.set(a.labels);
  labels.set(b.labels, a.count);
  return { count: a.count + b.count, rows: a.rows, cols: a.cols, images, labels };
}
