/**
 * Chapter 7's geometry of L1 and L2: a quadratic loss J(w) = (w − c)ᵀA(w − c) of two weights,
 * minimised inside the L2 disc ‖w‖₂ ≤ t and inside the L1 diamond ‖w‖₁ ≤ t. Both constrained
 * optima are found numerically (a fine scan of each boundary, where they lie because the
 * unconstrained optimum c is outside); the L1 one lands on an axis: a weight exactly 0.
 */
export const GEOMETRY = {
  /** Unconstrained optimum (the loss without penalty). */
  centre: [1.6, 0.6] as const,
  /** Eigenvalues of A and the angle of its first eigenvector (radians): elongated, tilted ellipses. */
  eigenvalues: [3, 1] as const,
  angle: 0.3,
  /** Radius of the disc and "radius" of the diamond. */
  budget: 1,
} as const;

type Vec = readonly [number, number];

const { centre, eigenvalues, angle, budget } = GEOMETRY;
const [cosA, sinA] = [Math.cos(angle), Math.sin(angle)];

/** J(w) = (w − c)ᵀ R diag(λ₁, λ₂) Rᵀ (w − c), R the rotation by `angle`. */
export function quadraticLoss([x, y]: Vec): number {
  const dx = x - centre[0];
  const dy = y - centre[1];
  const u = cosA * dx + sinA * dy;
  const v = -sinA * dx + cosA * dy;
  return eigenvalues[0] * u * u + eigenvalues[1] * v * v;
}

/** The level set J = level, as a closed polyline of `n` points. */
export function levelSet(level: number, n = 240): Vec[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const u = Math.sqrt(level / eigenvalues[0]) * Math.cos(t);
    const v = Math.sqrt(level / eigenvalues[1]) * Math.sin(t);
    return [centre[0] + cosA * u - sinA * v, centre[1] + sinA * u + cosA * v] as const;
  });
}

/** Points of the boundary of the L2 disc or the L1 diamond of radius `budget`. */
export function boundary(kind: 'l1' | 'l2', n = 4000): Vec[] {
  return Array.from({ length: n + 1 }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    const [x, y] = [Math.cos(t), Math.sin(t)];
    const scale = kind === 'l2' ? 1 : 1 / (Math.abs(x) + Math.abs(y));
    return [budget * x * scale, budget * y * scale] as const;
  });
}

/** The point of the boundary with the smallest loss, by a scan of 200,000 points. */
export function constrainedOptimum(kind: 'l1' | 'l2'): { w: Vec; loss: number } {
  let best: { w: Vec; loss: number } = { w: [0, 0], loss: Infinity };
  for (const w of boundary(kind, 200_000)) {
    const loss = quadraticLoss(w);
    if (loss < best.loss) best = { w, loss };
  }
  return best;
}
