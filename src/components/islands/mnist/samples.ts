/**
 * Which images a sample grid shows: one seeded order of the whole set, then the first `count`
 * images of that order whose label passes the filter. The same seed gives the same images,
 * and the images of « 3 » are among those of « Tous » in the same order.
 */
import { createRng } from '../../../nn';

/** The grid's filter: one digit, or every image. */
export type DigitFilter = number | 'tous';

/** A seeded permutation of 0…n−1 (Fisher–Yates on an Int32Array: 60,000 indices cost ~1 ms). */
export function seededOrder(n: number, seed: number): Int32Array {
  if (!Number.isInteger(n) || n < 0) throw new Error(`seededOrder\u00a0: taille ${n} invalide (entier ≥ 0 attendu).`);
  const rng = createRng(seed);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** The first `count` indices of `order` whose label matches `filter` (fewer if the set has fewer). */
export function pickSamples(
  order: ArrayLike<number>,
  labels: ArrayLike<number>,
  filter: DigitFilter,
  count: number,
): number[] {
  const picked: number[] = [];
  for (let i = 0; i < order.length && picked.length < count; i++) {
    const index = order[i]!;
    if (filter === 'tous' || labels[index] === filter) picked.push(index);
  }
  return picked;
}

/** How many labels match the filter (the « parmi N » of the grid's summary). */
export function countMatching(labels: ArrayLike<number>, filter: DigitFilter): number {
  if (filter === 'tous') return labels.length;
  let n = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === filter) n++;
  return n;
}
