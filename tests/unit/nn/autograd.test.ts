import { describe, expect, it } from 'vitest';
import { drawGraph, graphOf } from '../../../src/nn/autograd/graph';
import { Value, topologicalOrder } from '../../../src/nn/autograd/value';
import { createRng } from '../../../src/nn/data/rng';
import { activations } from '../../../src/nn/math/activations';
import { lossAndGradients } from '../../../src/nn/math/backprop';
import { fromRows } from '../../../src/nn/math/matrix';
import { captureOutput } from './capture-output';
import { messageToText } from '../../../src/nn/output/text';
import type { MlpSpec } from '../../../src/nn/spec';
import { centredDifference, relativeError, sweep } from './gradient-check';
import { randomWeights } from './math/mlp-fixtures';

/** d/dx of f at x, by backward on a Value. */
function autogradDerivative(f: (x: Value) => Value, x: number): number {
  const v = new Value(x);
  f(v).backward();
  return v.grad;
}

const unary: [string, (x: Value) => Value, (x: number) => number, number[]][] = [
  ['exp', (x) => x.exp(), Math.exp, sweep(-3, 3, 12)],
  ['log', (x) => x.log(), Math.log, sweep(0.1, 5, 12)],
  ['tanh', (x) => x.tanh(), Math.tanh, sweep(-3, 3, 12)],
  ['sigmoid', (x) => x.sigmoid(), activations.sigmoid.f, sweep(-6, 6, 12)],
  // ReLU away from its kink at 0 (where the centred difference gives ½)
  ['relu', (x) => x.relu(), activations.relu.f, [-2, -0.5, 0.3, 2]],
  ['neg', (x) => x.neg(), (x) => -x, [-1, 0.5, 3]],
  ['pow 3', (x) => x.pow(3), (x) => x ** 3, sweep(-2, 2, 7)],
  ['pow −0.5', (x) => x.pow(-0.5), (x) => x ** -0.5, sweep(0.2, 4, 8)],
  ['add 2', (x) => x.add(2), (x) => x + 2, [-1, 3]],
  ['sub from 2', (x) => new Value(2).sub(x), (x) => 2 - x, [-1, 3]],
  ['mul 1.5', (x) => x.mul(1.5), (x) => 1.5 * x, [-1, 3]],
  ['div by 4', (x) => x.div(4), (x) => x / 4, [-1, 3]],
  ['3 div by x', (x) => new Value(3).div(x), (x) => 3 / x, [-2, 0.5, 3]],
];

describe('Value: every op’s gradient matches a centred difference', () => {
  it.each(unary)('%s', (_, f, plain, xs) => {
    for (const x of xs) {
      expect(f(new Value(x)).data).toBeCloseTo(plain(x), 12);
      expect(relativeError(autogradDerivative(f, x), centredDifference(plain, x))).toBeLessThan(1e-7);
    }
  });

  it('binary ops give both partial derivatives', () => {
    const ops: [string, (a: Value, b: Value) => Value, (a: number, b: number) => number][] = [
      ['add', (a, b) => a.add(b), (a, b) => a + b],
      ['sub', (a, b) => a.sub(b), (a, b) => a - b],
      ['mul', (a, b) => a.mul(b), (a, b) => a * b],
      ['div', (a, b) => a.div(b), (a, b) => a / b],
    ];
    for (const [, f, plain] of ops) {
      const [x, y] = [1.3, -0.7];
      const a = new Value(x);
      const b = new Value(y);
      f(a, b).backward();
      expect(
        relativeError(
          a.grad,
          centredDifference((t) => plain(t, y), x),
        ),
      ).toBeLessThan(1e-7);
      expect(
        relativeError(
          b.grad,
          centredDifference((t) => plain(x, t), y),
        ),
      ).toBeLessThan(1e-7);
    }
  });
});

describe('Value: backward', () => {
  it('accumulates the gradient of a shared sub-expression', () => {
    // f(a) = a·a + a ⇒ f′(a) = 2a + 1
    const a = new Value(3, 'a');
    const f = a.mul(a).add(a);
    f.backward();
    expect(a.grad).toBe(7);
    // micrograd's classic: b = a + a ⇒ db/da = 2, not 1
    const x = new Value(-2);
    x.add(x).backward();
    expect(x.grad).toBe(2);
  });

  it('accumulates across calls until zeroGrad', () => {
    const a = new Value(2);
    const y = a.pow(2);
    y.backward();
    y.backward();
    expect(a.grad).toBe(8);
    y.zeroGrad();
    y.backward();
    expect(a.grad).toBe(4);
  });

  it('backpropagates through a 100,000-node chain without overflowing the stack', () => {
    const x = new Value(0.5);
    let v = x;
    for (let i = 0; i < 100_000; i++) v = v.mul(1);
    v.backward();
    expect(x.grad).toBe(1);
    expect(topologicalOrder(v)).toHaveLength(200_001); // each mul adds its result and a constant
  });

  it('gives a neuron-network’s weight gradients equal to the reference engine’s backprop', () => {
    const spec: MlpSpec = {
      inputSize: 2,
      layers: [
        { units: 3, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
      loss: 'mse',
    };
    const weights = randomWeights(createRng(7), spec);
    const x = [0.4, -1.2];
    const y = 1;
    const W = weights.W.map((m) => Array.from(m.data, (d) => new Value(d)));
    const b = weights.b.map((bl) => Array.from(bl, (d) => new Value(d)));
    const hidden = [0, 1, 2].map((j) =>
      x.reduce((s: Value, xi, i) => s.add(W[0]![i * 3 + j]!.mul(xi)), b[0]![j]!).tanh(),
    );
    const out = hidden.reduce((s: Value, h, j) => s.add(h.mul(W[1]![j]!)), b[1]![0]!).sigmoid();
    const loss = out.sub(y).pow(2);
    loss.backward();
    const ref = lossAndGradients(spec, weights, fromRows([x]), fromRows([[y]]));
    expect(loss.data).toBeCloseTo(ref.loss, 14);
    ref.dW.forEach((dW, l) => dW.data.forEach((g, i) => expect(W[l]![i]!.grad).toBeCloseTo(g, 12)));
    ref.db.forEach((db, l) => db.forEach((g, i) => expect(b[l]![i]!.grad).toBeCloseTo(g, 12)));
  });
});

describe('Value: printing and graph', () => {
  it('prints as Value(data=…, grad=…)', () => {
    const a = new Value(2);
    const b = a.mul(-3.14159);
    b.backward();
    expect(String(b)).toBe('Value(data=-6.283, grad=1)');
    expect(`${a}`).toBe('Value(data=2, grad=-3.142)');
  });

  it('lists nodes operands first, with one edge per operand, and writes one line per node', () => {
    const a = new Value(2, 'a');
    const b = new Value(-3, 'b');
    const e = a.mul(b);
    e.label = 'e';
    const L = e.add(10).tanh().pow(2);
    L.label = 'L';
    L.backward(); // dL/dn4 = 2·tanh(4)·(1 − tanh²(4)) ≈ 0.00268
    const g = graphOf(L);
    expect(g.nodes.map((n) => n.op)).toEqual(['', '', '*', '', '+', 'tanh', '**2']);
    expect(g.edges).toHaveLength(6); // a, b → e; e, 10 → n4; n4 → n5; n5 → L
    expect(messageToText(g).split('\n')).toEqual([
      'a = 2 (grad -0.00804)',
      'b = -3 (grad 0.00536)',
      'e = a * b = -6 (grad 0.00268, ∂/∂a = -3, ∂/∂b = 2)',
      'n4 = e + 10 = 4 (grad 0.00268, ∂/∂e = 1, ∂/∂10 = 1)',
      'n5 = tanh(n4) = 0.9993 (grad 1.999, ∂/∂n4 = 0.001341)',
      'L = n5 ** 2 = 0.9987 (grad 1, ∂/∂n5 = 1.999)',
    ]);
    // a message without local derivatives (older, or hand-made) keeps the earlier text
    const bare = { ...g, nodes: g.nodes.map((n) => ({ ...n, local: undefined })) };
    expect(messageToText(bare).split('\n')[2]).toBe('e = a * b = -6 (grad 0.00268)');
  });

  it('gives each result node its local derivatives, one per operand: grad(operand) = Σ grad(result) × local', () => {
    const x = new Value(0.7, 'x');
    const y = new Value(-1.3, 'y');
    const ops: [string, Value][] = [
      ['add', x.add(y)],
      ['mul', x.mul(y)],
      ['pow', x.pow(1 / 3)],
      ['exp', x.exp()],
      ['log', x.log()],
      ['tanh', y.tanh()],
      ['sigmoid', y.sigmoid()],
      ['relu', y.relu()],
      ['relu+', x.relu()],
    ];
    for (const [name, out] of ops) {
      const g = graphOf(out);
      const root = g.nodes[g.nodes.length - 1]!;
      expect(root.local, name).toHaveLength(out.children.length);
      expect(g.nodes.filter((n) => n.local === undefined).map((n) => n.label)).toEqual(
        name === 'add' || name === 'mul' ? ['x', 'y'] : [out.children[0]!.label],
      );
      // each local derivative is the gradient one backward step gives its operand
      out.children.forEach((c, i) => {
        out.zeroGrad();
        out.backward();
        expect(root.local![i], `${name} operand ${i}`).toBeCloseTo(c.grad, 12);
      });
    }
  });

  it('drawGraph emits the graph and refuses an unreadable one', () => {
    const out = captureOutput(() => {
      drawGraph(new Value(1, 'x').exp());
      let v = new Value(1);
      for (let i = 0; i < 200; i++) v = v.add(1);
      expect(() => drawGraph(v)).toThrow(/401 nœuds/);
    });
    expect(out.map((m) => m.kind)).toEqual(['graph']);
  });
});
