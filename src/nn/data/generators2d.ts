/**
 * Two-class datasets in the plane for the classification demos (chapters 3, 5–7), in the spirit
 * of TensorFlow Playground's `dataset.ts`: every generator has the same signature and lives in
 * one registry, so an island picks one by name (a name that can sit in the URL with the seed).
 *
 * Common rules:
 * - point i has label i mod 2, so the classes are balanced (⌈n/2⌉ zeros, ⌊n/2⌋ ones) and
 *   interleaved (any prefix is balanced too);
 * - the geometry (noise 0) is drawn first, then Gaussian jitter: each coordinate gets
 *   `noise`·N(0, 1) added. The two normal draws happen even when noise = 0, so with the same
 *   seed the noisy set is exactly the clean set plus noise·N(0, 1) — moving a noise slider does
 *   not reshuffle the points. The label stays the one of the generating class: with noise, the
 *   classes overlap;
 * - without noise every coordinate lies in [−1, 1] (ranges per generator below).
 */
import type { Matrix } from '../math/matrix';
import type { Rng } from './rng';

/** n points: X is n×2 (x, y per row), labels[i] ∈ {0, 1}. */
export interface Dataset2d {
  readonly X: Matrix;
  readonly labels: Int32Array;
}

/** (rng, n ≥ 1 points, noise = standard deviation of the jitter ≥ 0) → dataset. */
export type Generator2d = (rng: Rng, n: number, noise: number) => Dataset2d;

export type Generator2dName = 'circle' | 'xor' | 'gauss' | 'spiral' | 'moons';

/**
 * Rayon du disque du jeu `circle`.
 *
 * Radius of the inner disc (class 0) and bounds of the outer ring (class 1) of `circle`.
 */
export const CIRCLE_INNER_RADIUS = 0.5;
/** Rayons de l’anneau du jeu `circle`. */
export const CIRCLE_RING: readonly [number, number] = [0.7, 1];
/**
 * Marge aux axes du jeu `xor`.
 *
 * `xor` keeps |x| and |y| in [XOR_MARGIN, 1] so that no point sits on an axis.
 */
export const XOR_MARGIN = 0.1;
/**
 * Centres (±c, ±c) du jeu `gauss`.
 *
 * `gauss`: centres (−0.5, −0.5) and (0.5, 0.5), σ = 0.15, truncated at 3σ.
 */
export const GAUSS_CENTRE = 0.5;
/** Écart type de chaque nuage du jeu `gauss`. */
export const GAUSS_SIGMA = 0.15;
/**
 * Nombre de tours de chaque bras du jeu `spiral`.
 *
 * `spiral`: each arm turns 1.75 times (θ = SPIRAL_TURNS·2π·r + class·π).
 */
export const SPIRAL_TURNS = 1.75;
/**
 * Rayon des deux arcs du jeu `moons`.
 *
 * `moons`: arcs of radius 2/3 centred at (−1/3, −1/6) (class 0, upper) and (1/3, 1/6) (class 1, lower).
 */
export const MOON_RADIUS = 2 / 3;
/** Centres des deux arcs du jeu `moons`. */
export const MOON_CENTRES: readonly [readonly [number, number], readonly [number, number]] = [
  [-1 / 3, -1 / 6],
  [1 / 3, 1 / 6],
];

type Point = readonly [number, number];

/** Runs `point(rng, label)` for each i with label i mod 2, then adds the jitter. */
function build(rng: Rng, n: number, noise: number, point: (rng: Rng, label: 0 | 1) => Point): Dataset2d {
  if (!Number.isInteger(n) || n < 1) throw new Error(`Jeu de données 2D\u00a0: n doit être un entier ≥ 1 (reçu ${n}).`);
  if (!Number.isFinite(noise) || noise < 0)
    throw new Error(`Jeu de données 2D\u00a0: le bruit doit être un nombre fini ≥ 0 (reçu ${noise}).`);
  const data = new Float64Array(2 * n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = (i % 2) as 0 | 1;
    const [x, y] = point(rng, label);
    data[2 * i] = x + noise * rng.normal();
    data[2 * i + 1] = y + noise * rng.normal();
    labels[i] = label;
  }
  return { X: { rows: n, cols: 2, data }, labels };
}

/**
 * Class 0: uniform in the disc of radius 0.5; class 1: uniform in the ring 0.7 ≤ r ≤ 1
 * (uniform in area: r = √(uniform(r₀², r₁²))). Range [−1, 1]².
 */
const circle: Generator2d = (rng, n, noise) =>
  build(rng, n, noise, (r, label) => {
    const [lo, hi] = label === 0 ? [0, CIRCLE_INNER_RADIUS] : CIRCLE_RING;
    const radius = Math.sqrt(r.uniform(lo * lo, hi * hi));
    const angle = r.uniform(0, 2 * Math.PI);
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });

/**
 * Exclusive or of the signs: class 1 where x·y > 0 (quadrants I and III), class 0 where x·y < 0.
 * |x| and |y| uniform in [0.1, 1], quadrant chosen at random. Range [−1, 1]².
 */
const xor: Generator2d = (rng, n, noise) =>
  build(rng, n, noise, (r, label) => {
    const sx = r.next() < 0.5 ? -1 : 1;
    const sy = label === 1 ? sx : -sx;
    return [sx * r.uniform(XOR_MARGIN, 1), sy * r.uniform(XOR_MARGIN, 1)];
  });

/**
 * Two Gaussian blobs, σ = 0.15 on each axis, centred at (−0.5, −0.5) (class 0) and (0.5, 0.5)
 * (class 1), truncated at distance 3σ = 0.45 from the centre (redrawn beyond), so that without
 * noise the line x + y = 0 separates them. Range [−0.95, 0.95]².
 */
const gauss: Generator2d = (rng, n, noise) =>
  build(rng, n, noise, (r, label) => {
    const c = label === 0 ? -GAUSS_CENTRE : GAUSS_CENTRE;
    for (;;) {
      const dx = GAUSS_SIGMA * r.normal();
      const dy = GAUSS_SIGMA * r.normal();
      if (dx * dx + dy * dy <= (3 * GAUSS_SIGMA) ** 2) return [c + dx, c + dy];
    }
  });

/**
 * Two interleaved spiral arms: r uniform in [0, 1], θ = 1.75·2π·r + label·π, point
 * (r cos θ, r sin θ). Class 1 is class 0 turned by half a turn. Range: the unit disc.
 */
const spiral: Generator2d = (rng, n, noise) =>
  build(rng, n, noise, (r, label) => {
    const radius = r.next();
    const angle = SPIRAL_TURNS * 2 * Math.PI * radius + label * Math.PI;
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });

/**
 * Two interlocking half circles (scikit-learn's make_moons, scaled by 2/3 and centred):
 * class 0 on the upper arc of radius 2/3 around (−1/3, −1/6), class 1 on the lower arc around
 * (1/3, 1/6), angle uniform in [0, π]. Range x ∈ [−1, 1], y ∈ [−1/2, 1/2].
 */
const moons: Generator2d = (rng, n, noise) =>
  build(rng, n, noise, (r, label) => {
    const t = r.uniform(0, Math.PI);
    const [cx, cy] = MOON_CENTRES[label];
    const side = label === 0 ? 1 : -1;
    return [cx + side * MOON_RADIUS * Math.cos(t), cy + side * MOON_RADIUS * Math.sin(t)];
  });

/** Les générateurs de jeux 2D, par nom. */
export const generators2d: Readonly<Record<Generator2dName, Generator2d>> = { circle, xor, gauss, spiral, moons };

/** Les noms des jeux 2D. */
export const generator2dNames: readonly Generator2dName[] = ['circle', 'xor', 'gauss', 'spiral', 'moons'];

/** Les noms affichés des jeux 2D. */
export const generator2dLabels: Readonly<Record<Generator2dName, string>> = {
  circle: 'Cercle',
  xor: 'OU exclusif',
  gauss: 'Deux nuages gaussiens',
  spiral: 'Spirale',
  moons: 'Deux lunes',
};

/** Dit si une chaîne est un nom de jeu 2D. */
export function isGenerator2dName(s: string): s is Generator2dName {
  return (generator2dNames as readonly string[]).includes(s);
}
