/**
 * The steps of the "Rétropropagation pas à pas" island against the engine's own `backward`:
 * each step's value is the engine's, each backward step is upstream × local derivative (the
 * chain rule), and the list covers every parameter gradient exactly once.
 */
import { describe, expect, it } from 'vitest';
import { backward, flattenWeights, forward, get } from '../../../../src/nn';
import {
  buildSteps,
  localDerivativeText,
  parameterNames,
  problemOf,
  type Step,
} from '../../../../src/components/islands/backprop-pas/steps';
import { chainExample, wideExample, type NetworkName } from '../../../../src/components/islands/backprop-pas/networks';
import { createRng } from '../../../../src/nn/data/rng';

const values = { ...wideExample, ...chainExample };
const wide = { ...chainExample, ...wideExample };

function randomValues(seed: number) {
  const rng = createRng(seed);
  const r = () => rng.uniform(-3, 3);
  return {
    x: r(),
    y: r(),
    w1: r(),
    b1: r(),
    w2: r(),
    b2: r(),
    x1: r(),
    x2: r(),
    w11: r(),
    w21: r(),
    w12: r(),
    w22: r(),
    v1: r(),
    v2: r(),
    c: r(),
  };
}

const cases: [NetworkName, typeof values][] = [
  ['chaine', values],
  ['large', wide],
  ...[11, 12, 13].map((s) => ['chaine', randomValues(s)] as [NetworkName, typeof values]),
  ...[21, 22, 23].map((s) => ['large', randomValues(s)] as [NetworkName, typeof values]),
];

describe.each(cases)('steps of the %s network', (net, v) => {
  const problem = problemOf(net, v);
  const pass = forward(problem.spec, problem.weights, problem.X);
  const g = backward(problem.spec, problem.weights, pass, problem.Y);
  const steps = buildSteps(net, problem);
  const engineValue = (s: Step): number => {
    const src = s.source;
    switch (src.kind) {
      case 'loss':
        return g.loss;
      case 'Z':
        return get(pass.Z[src.layer]!, 0, src.unit);
      case 'A':
        return get(pass.A[src.layer]!, 0, src.unit);
      case 'dZ':
        return get(g.dZ[src.layer]!, 0, src.unit);
      case 'dA':
        return get(g.dA[src.layer]!, 0, src.unit);
      case 'dW':
        return get(g.dW[src.layer]!, src.i, src.j);
      case 'db':
        return g.db[src.layer]![src.j]!;
    }
  };

  it('goes forward to the loss, then backward', () => {
    const phases = steps.map((s) => s.phase);
    const firstBack = phases.indexOf('arriere');
    expect(phases.slice(0, firstBack).every((p) => p === 'avant')).toBe(true);
    expect(phases.slice(firstBack).every((p) => p === 'arriere')).toBe(true);
    expect(steps[firstBack - 1]!.symbol).toBe('L');
    expect(steps[firstBack]!.symbol).toBe('∂L/∂ŷ');
    expect(steps.length).toBe(net === 'chaine' ? 13 : 20);
  });

  it('gives, at every step, exactly the engine’s value', () => {
    for (const s of steps) expect(s.value).toBe(engineValue(s));
  });

  it('splits each backward step into upstream gradient × local derivative (the chain rule)', () => {
    for (const s of steps.filter((st) => st.upstream)) {
      expect(s.upstream!.value * s.local!.value).toBeCloseTo(s.value, 14);
      // the upstream gradient is the value of an earlier step
      const earlier = steps.slice(0, steps.indexOf(s)).find((e) => e.symbol === s.upstream!.label);
      expect(earlier?.value).toBe(s.upstream!.value);
    }
  });

  it('writes each local derivative once: "∂z₂/∂b₂ = 1", never "= 1 = 1"', () => {
    for (const s of steps.filter((st) => st.local && st.upstream)) {
      const text = localDerivativeText(s.local!);
      expect(text.split(' = ')).toHaveLength(s.local!.formula === '1' ? 2 : 3);
      expect(text).not.toMatch(/= (\S+) = \1$/);
    }
  });

  it('computes every parameter gradient exactly once, named as in the verification table', () => {
    const gradSteps = steps.filter((s) => s.source.kind === 'dW' || s.source.kind === 'db');
    const names = parameterNames(net);
    expect(gradSteps.map((s) => s.symbol).sort()).toEqual(names.map((n) => `∂L/∂${n}`).sort());
    const flat = flattenWeights(problem.spec, { W: g.dW, b: g.db });
    names.forEach((n, k) => expect(gradSteps.find((s) => s.symbol === `∂L/∂${n}`)!.value).toBe(flat[k]));
  });

  it('highlights only nodes and edges of the graph', () => {
    const inputs = net === 'chaine' ? ['x'] : ['x1', 'x2'];
    const hidden = net === 'chaine' ? ['h1'] : ['h1', 'h2'];
    const nodes = new Set([...inputs, ...hidden, 'out', 'perte']);
    const edges = new Set([
      ...inputs.flatMap((i) => hidden.map((h) => `${i}-${h}`)),
      ...hidden.map((h) => `${h}-out`),
      'out-perte',
    ]);
    for (const s of steps) {
      for (const n of s.nodes) expect(nodes.has(n)).toBe(true);
      for (const e of s.edges) expect(edges.has(e)).toBe(true);
    }
  });
});

describe('the chain’s steps follow the chapter’s formulas', () => {
  it('∂L/∂w₁ = (ŷ − y)·ŷ(1 − ŷ)·w₂·a₁(1 − a₁)·x', () => {
    const steps = buildSteps('chaine', problemOf('chaine', values));
    const val = (sym: string) => steps.find((s) => s.symbol === sym)!.value;
    const yHat = val('ŷ');
    const a1 = val('a₁');
    const v = chainExample;
    expect(val('∂L/∂ŷ')).toBe(yHat - v.y);
    expect(val('∂L/∂w₁')).toBeCloseTo((yHat - v.y) * yHat * (1 - yHat) * v.w2 * a1 * (1 - a1) * v.x, 15);
    expect(val('∂L/∂b₁')).toBeCloseTo((yHat - v.y) * yHat * (1 - yHat) * v.w2 * a1 * (1 - a1), 15);
    expect(val('∂L/∂w₂')).toBeCloseTo((yHat - v.y) * yHat * (1 - yHat) * a1, 15);
    expect(steps.find((s) => s.symbol === '∂L/∂w₂')!.formula).toBe('∂L/∂w₂ = ∂L/∂z₂ × ∂z₂/∂w₂');
  });
});
