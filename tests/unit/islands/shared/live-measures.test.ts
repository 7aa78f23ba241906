/** The rows every tfjs island's live measures share: engine, tensors, a dash before the first figure. */
import { describe, expect, it } from 'vitest';
import {
  engineMeasure,
  figureText,
  lastOf,
  NO_FIGURE,
  tensorsMeasure,
} from '../../../../src/components/islands/shared/live-measures';

describe('live measures', () => {
  it('names the engine as the menu does, and says when none is loaded yet', () => {
    expect(engineMeasure(null, 'calc-moteur')).toEqual({
      label: 'Moteur',
      text: 'pas encore chargé',
      testid: 'calc-moteur',
    });
    const wasm = engineMeasure({ name: 'wasm', reason: 'WebAssembly demandé.' }, 'labo-moteur', 'Moteur TensorFlow.js');
    expect(wasm).toEqual({ label: 'Moteur TensorFlow.js', text: 'WebAssembly (processeur)', testid: 'labo-moteur' });
  });
  it('counts the tensors, with the count before any run for the leak test', () => {
    expect(tensorsMeasure(null, 'mnist-tenseurs', null).text).toBe(NO_FIGURE);
    expect(tensorsMeasure(0, 'calc-tenseurs')).toMatchObject({ text: '0', testid: 'calc-tenseurs', base: undefined });
    expect(tensorsMeasure(42, 'mnist-tenseurs', 17)).toEqual({
      label: 'Tenseurs en mémoire',
      text: '42',
      testid: 'mnist-tenseurs',
      base: 17,
    });
  });
  it('writes a figure the French way, and a dash when there is none or it diverged', () => {
    expect(figureText(0.012345678, 5)).toBe('0,01235');
    expect(figureText(-1.5, 4)).toBe('\u22121,5');
    expect([null, undefined, NaN, Infinity].map((v) => figureText(v, 4))).toEqual(Array(4).fill(NO_FIGURE));
  });
  it('reads the last epoch of a curve, none before the first', () => {
    expect(lastOf([])).toBeNull();
    expect(lastOf([3, 2, 1])).toBe(1);
  });
});
