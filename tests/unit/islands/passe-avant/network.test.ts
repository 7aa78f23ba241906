/** The 2 → 3 → 3 → 1 network of the "Passe avant" island: list layout and forward pass. */
import { describe, expect, it } from 'vitest';
import { parameterBlocks, toRows } from '../../../../src/nn';
import {
  biasIndex,
  exempleCours,
  exempleNegatif,
  passeForward,
  passeSpec,
  SIZES,
  WEIGHT_COUNT,
  weightIndex,
  weightsFromList,
  weightsToList,
} from '../../../../src/components/islands/passe-avant/network';

describe('passe-avant network', () => {
  it('has 25 parameters, and the list round-trips through the weights', () => {
    expect(WEIGHT_COUNT).toBe(2 * 3 + 3 + 3 * 3 + 3 + 3 * 1 + 1);
    const list = Array.from({ length: WEIGHT_COUNT }, (_, i) => i / 7 - 1);
    expect(weightsToList(weightsFromList(list))).toEqual(list);
    expect(() => weightsFromList(list.slice(1))).toThrow(/25 poids/);
  });

  it('weightIndex and biasIndex point at W_l[i][j] and b_l[j] of the parameterBlocks order', () => {
    const list = Array.from({ length: WEIGHT_COUNT }, (_, i) => i);
    const w = weightsFromList(list);
    for (let l = 0; l < 3; l++) {
      for (let i = 0; i < SIZES[l]!; i++)
        for (let j = 0; j < SIZES[l + 1]!; j++) expect(w.W[l]!.data[i * SIZES[l + 1]! + j]).toBe(weightIndex(l, i, j));
      for (let j = 0; j < SIZES[l + 1]!; j++) expect(w.b[l]![j]).toBe(biasIndex(l, j));
    }
    expect(parameterBlocks(passeSpec(), w).map((b) => b.length)).toEqual([6, 3, 9, 3, 3, 1]);
  });

  it('gives the worked example: (17,1 ; 26,7 ; 36,3), (37,9 ; 46,01 ; 54,12), 29,328', () => {
    const { A } = passeForward(exempleCours.x, weightsToList(exempleCours.weights));
    const rows = A.map((m) => toRows(m)[0]!);
    [17.1, 26.7, 36.3].forEach((v, j) => expect(rows[1]![j]).toBeCloseTo(v, 10));
    [37.9, 46.01, 54.12].forEach((v, j) => expect(rows[2]![j]).toBeCloseTo(v, 10));
    expect(rows[3]![0]).toBeCloseTo(29.328, 10);
  });

  it('the example with negative weights silences at least one hidden ReLU neuron, not the output', () => {
    const { Z, A } = passeForward(exempleNegatif.x, exempleNegatif.list);
    expect(exempleNegatif.list).toHaveLength(WEIGHT_COUNT);
    const hidden = [...toRows(Z[0]!)[0]!, ...toRows(Z[1]!)[0]!];
    expect(hidden.some((z) => z < 0)).toBe(true);
    expect(toRows(A[3]!)[0]![0]).toBeGreaterThan(0);
  });

  it('follows the activations chosen for the hidden layers and the output', () => {
    const list = weightsToList(exempleCours.weights);
    const linear = passeForward([1, -2], list, 'identity', 'identity');
    expect(toRows(linear.A[1]!)[0]).toEqual(toRows(linear.Z[0]!)[0]);
    const sig = passeForward(exempleCours.x, list, 'relu', 'sigmoid');
    expect(toRows(sig.A[3]!)[0]![0]).toBeCloseTo(1 / (1 + Math.exp(-29.328)), 12);
  });
});
