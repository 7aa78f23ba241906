import { describe, expect, test } from 'vitest';
import { createPace } from '../../../../src/components/islands/labo2d/pace';

describe('the lab’s pace (« Vitesse » as a budget of epochs)', () => {
  test('the credit grows with the time passed, at the chosen rate', () => {
    const pace = createPace(50);
    pace.allowed(0);
    // 100 ms at 50 epochs/s: 5 epochs
    expect(pace.allowed(100)).toBe(5);
    pace.spend(5);
    expect(pace.allowed(120)).toBe(1);
  });

  test('« Maximale » never holds a run back', () => {
    const pace = createPace(Infinity);
    expect(pace.allowed(0)).toBe(Infinity);
    pace.spend(1000);
    expect(pace.allowed(0)).toBe(Infinity);
  });

  test('a new speed during the run holds from then on', () => {
    const pace = createPace(10);
    pace.allowed(0);
    expect(pace.allowed(100)).toBe(1);
    pace.spend(1);
    pace.setRate(250);
    // 100 ms more at 250 epochs/s: 25 epochs, not the 1 that « Lente » allowed
    expect(pace.allowed(200)).toBe(25);
    pace.setRate(Infinity);
    expect(pace.allowed(210)).toBe(Infinity);
  });

  test('slowing down does not spend, in a burst, the credit saved at the faster speed', () => {
    const pace = createPace(250);
    pace.allowed(0);
    expect(pace.allowed(100)).toBe(25);
    pace.setRate(10);
    expect(pace.allowed(100)).toBe(1);
  });
});
