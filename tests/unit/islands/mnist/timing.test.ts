/**
 * The MNIST island's timing figures (timing.ts): the phases of a run sum to its wall time, the
 * rounded parts printed add up to the total printed, the fastest, mean and slowest epoch share
 * one definition, and "époque" takes the French plural from 2 on.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyRunTiming,
  epochCount,
  epochMs,
  epochSpread,
  PhaseClock,
  roundToSum,
  RUN_PHASES,
  timingRows,
  totalMs,
} from '../../../../src/components/islands/mnist/timing';
import { createRng } from '../../../../src/nn/data/rng';

const context = { epochs: 3, interrupted: 0, validationImages: 12_000, trainSampleImages: 2000, testImages: 10_000 };

describe('PhaseClock', () => {
  it('charges every millisecond since the start to exactly one phase', () => {
    const rng = createRng(4);
    let t = 1000;
    const clock = new PhaseClock(() => t);
    for (let k = 0; k < 200; k++) {
      t += rng.next() * 50;
      clock.lap(RUN_PHASES[rng.int(RUN_PHASES.length)]!);
    }
    expect(totalMs(clock.ms)).toBeCloseTo(t - 1000, 9);
  });

  it('returns the time of the lap it charges', () => {
    let t = 0;
    const clock = new PhaseClock(() => t);
    t = 120;
    expect(clock.lap('lots')).toBe(120);
    t = 150;
    expect(clock.lap('mesures')).toBe(30);
    t = 400;
    clock.lap('lots');
    expect(clock.ms).toMatchObject({ lots: 370, mesures: 30, donnees: 0 });
  });
});

describe('timingRows', () => {
  it('lists the phases that ran, in order, summing to the total', () => {
    const t = { ...emptyRunTiming(), donnees: 0.2, moteur: 900, preparation: 40, lots: 5000, mesures: 600, test: 80 };
    const rows = timingRows(t, context);
    expect(rows.map((r) => r.phase)).toEqual(['donnees', 'moteur', 'preparation', 'lots', 'mesures', 'test']);
    expect(rows.reduce((a, r) => a + r.ms, 0)).toBeCloseTo(totalMs(t), 9);
    expect(rows[3]!.label).toBe('Entraînement, calcul des lots (3\u00a0époques)');
    expect(rows[4]!.label).toBe(
      'Mesures après chaque époque (12\u202f000 images de validation, 2\u202f000 d’entraînement)',
    );
    expect(rows[5]!.label).toBe('Évaluation des 10\u202f000 images de test');
  });

  it('names the epochs in the right number, and the interrupted ones', () => {
    const t = { ...emptyRunTiming(), lots: 10 };
    const label = (epochs: number, interrupted = 0) => timingRows(t, { ...context, epochs, interrupted })[0]!.label;
    expect(label(1)).toBe('Entraînement, calcul des lots (1\u00a0époque)');
    expect(label(0, 1)).toBe('Entraînement, calcul des lots (une époque interrompue)');
    expect(label(0, 2)).toBe('Entraînement, calcul des lots (2\u00a0époques interrompues)');
    expect(label(1, 1)).toBe('Entraînement, calcul des lots (1\u00a0époque et une interrompue)');
    expect(label(2, 2)).toBe('Entraînement, calcul des lots (2\u00a0époques et 2 interrompues)');
  });
});

describe('epochCount', () => {
  it('uses the plural from 2 on, as French does', () => {
    expect([0, 1, 2, 5, 50].map(epochCount)).toEqual([
      '0\u00a0époque',
      '1\u00a0époque',
      '2\u00a0époques',
      '5\u00a0époques',
      '50\u00a0époques',
    ]);
  });
});

describe('roundToSum', () => {
  it('rounds each part to the unit so that the parts add up to the rounded sum', () => {
    const rng = createRng(9);
    for (let trial = 0; trial < 300; trial++) {
      const values = Array.from({ length: 1 + rng.int(8) }, () => rng.next() * 5000);
      const parts = roundToSum(values, 10);
      const sum = values.reduce((a, v) => a + v, 0);
      expect(parts.reduce((a, v) => a + v, 0)).toBe(Math.round(sum / 10) * 10);
      parts.forEach((p, i) => {
        expect(p % 10).toBe(0);
        expect(Math.abs(p - values[i]!)).toBeLessThan(10);
      });
    }
  });

  it('fixes the case plain rounding gets wrong', () => {
    // 3 × 3.4 ms rounds to 0 each, but the total is 10.2 → 10.
    expect(roundToSum([3.4, 3.4, 3.4], 10)).toEqual([10, 0, 0]);
  });
});

describe('epochSpread', () => {
  it('measures the fastest, the mean and the slowest epoch the same way (batches + measures)', () => {
    // The fastest by batches alone (900) is not the fastest epoch once its measures count.
    const epochs = [
      { trainMs: 900, measureMs: 400 },
      { trainMs: 1000, measureMs: 100 },
      { trainMs: 1200, measureMs: 120 },
    ];
    const s = epochSpread(epochs)!;
    expect(s.fastest).toBe(epochs[1]);
    expect(s.slowest).toBe(epochs[2]);
    expect(epochMs(s.mean)).toBeCloseTo((1300 + 1100 + 1320) / 3, 9);
    expect(epochMs(s.fastest)).toBeLessThanOrEqual(epochMs(s.mean));
    expect(epochMs(s.mean)).toBeLessThanOrEqual(epochMs(s.slowest));
    expect(epochSpread([])).toBeNull();
  });
});
