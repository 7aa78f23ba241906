/**
 * The steps of the "Rétropropagation pas à pas" island, derived from the reference engine: one
 * `forward` and one `backward` give every intermediate value (Z, A, loss, dA, dZ, dW, db); each
 * step names one of them, says where it sits in the engine's results (`source`, checked by the
 * unit tests), and, going backward, splits it into the upstream gradient times the local
 * derivative, as the chain rule does. No DOM.
 */
import {
  activations,
  backward,
  formatCompact,
  formatFactor,
  type Gradients,
  get,
  forward,
  type ForwardPass,
} from '../../../nn';
import {
  chainProblem,
  wideProblem,
  type ChainValues,
  type NetworkName,
  type Problem,
  type WideValues,
} from './networks';
import { hiddenId, inputId, namings } from './naming';

export { hiddenId, inputId, namings, parameterNames } from './naming';

/** Where a step's value is in the engine's output (row 0: the single example). */
export type Source =
  | { readonly kind: 'Z' | 'dZ'; readonly layer: number; readonly unit: number }
  | { readonly kind: 'A' | 'dA'; readonly layer: number; readonly unit: number }
  | { readonly kind: 'dW'; readonly layer: number; readonly i: number; readonly j: number }
  | { readonly kind: 'db'; readonly layer: number; readonly j: number }
  | { readonly kind: 'loss' };

/** A named number that enters a step (the upstream gradient, the local derivative). */
export interface Term {
  readonly label: string;
  readonly value: number;
}

export interface Step {
  readonly phase: 'avant' | 'arriere';
  /** What the step computes: "z₁", "∂L/∂w₂"… */
  readonly symbol: string;
  /** The formula with symbols: "z₁ = w₁·x + b₁", "∂L/∂w₂ = ∂L/∂z₂ × ∂z₂/∂w₂". */
  readonly formula: string;
  /** The same formula with the numbers put in. */
  readonly numbers: string;
  readonly value: number;
  /** Backward steps: the gradient arriving from above, and the local derivative it is multiplied by. */
  readonly upstream?: Term;
  readonly local?: Term & { readonly formula: string };
  /** Graph elements to highlight: node ids ("x1", "h2", "out", "perte") and edge ids ("x1-h2"). */
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
  readonly source: Source;
}

export function problemOf(net: NetworkName, values: ChainValues & WideValues): Problem {
  return net === 'chaine' ? chainProblem(values) : wideProblem(values);
}

/** The engine's value at `source`. */
export function valueAt(source: Source, pass: ForwardPass, grads: Gradients): number {
  switch (source.kind) {
    case 'loss':
      return grads.loss;
    case 'Z':
      return get(pass.Z[source.layer]!, 0, source.unit);
    case 'A':
      return get(pass.A[source.layer]!, 0, source.unit);
    case 'dZ':
      return get(grads.dZ[source.layer]!, 0, source.unit);
    case 'dA':
      return get(grads.dA[source.layer]!, 0, source.unit);
    case 'dW':
      return get(grads.dW[source.layer]!, source.i, source.j);
    case 'db':
      return grads.db[source.layer]![source.j]!;
  }
}

/**
 * A local derivative as the stepper writes it: "∂z₂/∂w₂ = a₁ = 0,6900", but "∂z₂/∂b₂ = 1" when
 * the formula is already the number (not "= 1 = 1").
 */
export function localDerivativeText(local: Term & { readonly formula: string }): string {
  const value = formatCompact(local.value);
  return local.formula === value ? `${local.label} = ${value}` : `${local.label} = ${local.formula} = ${value}`;
}

/** Every step, forward then backward, for a network and its numbers. */
export function buildSteps(net: NetworkName, problem: Problem): Step[] {
  const n = namings[net];
  const { spec, weights, X, Y } = problem;
  const pass = forward(spec, weights, X);
  const grads = backward(spec, weights, pass, Y);
  const at = (source: Source) => valueAt(source, pass, grads);
  const d = spec.inputSize;
  const H = spec.layers[0]!.units;
  const outSigmoid = spec.layers[1]!.activation === 'sigmoid';
  const x = (i: number) => get(X, 0, i);
  const w = (i: number, j: number) => get(weights.W[0]!, i, j);
  const v = (j: number) => get(weights.W[1]!, j, 0);
  const inputs = Array.from({ length: d }, (_, i) => i);
  const hidden = Array.from({ length: H }, (_, j) => j);
  const yHat = at({ kind: 'A', layer: 2, unit: 0 });
  const y = get(Y, 0, 0);
  const steps: Step[] = [];
  const fwd = (s: Omit<Step, 'phase' | 'value'>) => steps.push({ ...s, phase: 'avant', value: at(s.source) });
  const bwd = (s: Omit<Step, 'phase' | 'value' | 'formula' | 'numbers'>, up: Term, local: Term & { formula: string }) =>
    steps.push({
      ...s,
      phase: 'arriere',
      value: at(s.source),
      upstream: up,
      local,
      formula: `${s.symbol} = ${up.label} × ${local.label}`,
      numbers: `${formatFactor(up.value)} × ${formatFactor(local.value)}`,
    });

  for (const j of hidden) {
    const terms = inputs.map((i) => `${n.w(i, j)}·${n.input[i]}`).join(' + ');
    fwd({
      symbol: n.z[j]!,
      formula: `${n.z[j]} = ${terms} + ${n.b[j]}`,
      numbers: `${inputs.map((i) => `${formatFactor(w(i, j))} × ${formatFactor(x(i))}`).join(' + ')} + ${formatFactor(weights.b[0]![j]!)}`,
      nodes: [...inputs.map((i) => inputId(net, i)), hiddenId(j)],
      edges: inputs.map((i) => `${inputId(net, i)}-${hiddenId(j)}`),
      source: { kind: 'Z', layer: 0, unit: j },
    });
    fwd({
      symbol: n.a[j]!,
      formula: `${n.a[j]} = σ(${n.z[j]})`,
      numbers: `σ(${formatCompact(at({ kind: 'Z', layer: 0, unit: j }))})`,
      nodes: [hiddenId(j)],
      edges: [],
      source: { kind: 'A', layer: 1, unit: j },
    });
  }
  const outTerms = hidden.map((j) => `${n.v[j]}·${n.a[j]}`).join(' + ');
  const outNumbers = `${hidden.map((j) => `${formatFactor(v(j))} × ${formatFactor(at({ kind: 'A', layer: 1, unit: j }))}`).join(' + ')} + ${formatFactor(weights.b[1]![0]!)}`;
  const toOut = hidden.map((j) => `${hiddenId(j)}-out`);
  const zOut = n.zOut ?? 'ŷ';
  fwd({
    symbol: zOut,
    formula: `${zOut} = ${outTerms} + ${n.c}`,
    numbers: outNumbers,
    nodes: [...hidden.map(hiddenId), 'out'],
    edges: toOut,
    source: outSigmoid ? { kind: 'Z', layer: 1, unit: 0 } : { kind: 'A', layer: 2, unit: 0 },
  });
  if (outSigmoid)
    fwd({
      symbol: 'ŷ',
      formula: `ŷ = σ(${zOut})`,
      numbers: `σ(${formatCompact(at({ kind: 'Z', layer: 1, unit: 0 }))})`,
      nodes: ['out'],
      edges: [],
      source: { kind: 'A', layer: 2, unit: 0 },
    });
  fwd({
    symbol: 'L',
    formula: 'L = ½ (ŷ − y)²',
    numbers: `½ × (${formatCompact(yHat)} − ${formatFactor(y)})²`,
    nodes: ['out', 'perte'],
    edges: ['out-perte'],
    source: { kind: 'loss' },
  });

  // Backward. ∂L/∂ŷ starts the chain: its upstream is ∂L/∂L = 1.
  const dyHat = at({ kind: 'dA', layer: 2, unit: 0 });
  steps.push({
    phase: 'arriere',
    symbol: '∂L/∂ŷ',
    formula: '∂L/∂ŷ = ŷ − y',
    numbers: `${formatCompact(yHat)} − ${formatFactor(y)}`,
    value: dyHat,
    local: { label: '∂L/∂ŷ', formula: 'ŷ − y', value: dyHat },
    nodes: ['perte', 'out'],
    edges: ['out-perte'],
    source: { kind: 'dA', layer: 2, unit: 0 },
  });
  let delta: Term = { label: '∂L/∂ŷ', value: dyHat };
  if (outSigmoid) {
    const sym = `∂L/∂${zOut}`;
    bwd({ symbol: sym, nodes: ['out'], edges: [], source: { kind: 'dZ', layer: 1, unit: 0 } }, delta, {
      label: `∂ŷ/∂${zOut}`,
      formula: 'ŷ (1 − ŷ)',
      value: yHat * (1 - yHat),
    });
    delta = { label: sym, value: at({ kind: 'dZ', layer: 1, unit: 0 }) };
  }
  for (const j of hidden) {
    const a = at({ kind: 'A', layer: 1, unit: j });
    bwd(
      {
        symbol: `∂L/∂${n.v[j]}`,
        nodes: ['out'],
        edges: [`${hiddenId(j)}-out`],
        source: { kind: 'dW', layer: 1, i: j, j: 0 },
      },
      delta,
      { label: `∂${zOut}/∂${n.v[j]}`, formula: n.a[j]!, value: a },
    );
  }
  bwd({ symbol: `∂L/∂${n.c}`, nodes: ['out'], edges: [], source: { kind: 'db', layer: 1, j: 0 } }, delta, {
    label: `∂${zOut}/∂${n.c}`,
    formula: '1',
    value: 1,
  });
  for (const j of hidden) {
    const sA = `∂L/∂${n.a[j]}`;
    bwd(
      {
        symbol: sA,
        nodes: ['out', hiddenId(j)],
        edges: [`${hiddenId(j)}-out`],
        source: { kind: 'dA', layer: 1, unit: j },
      },
      delta,
      { label: `∂${zOut}/∂${n.a[j]}`, formula: n.v[j]!, value: v(j) },
    );
    const z = at({ kind: 'Z', layer: 0, unit: j });
    const sZ = `∂L/∂${n.z[j]}`;
    bwd(
      { symbol: sZ, nodes: [hiddenId(j)], edges: [], source: { kind: 'dZ', layer: 0, unit: j } },
      { label: sA, value: at({ kind: 'dA', layer: 1, unit: j }) },
      { label: `∂${n.a[j]}/∂${n.z[j]}`, formula: `${n.a[j]} (1 − ${n.a[j]})`, value: activations.sigmoid.df(z) },
    );
    const dz: Term = { label: sZ, value: at({ kind: 'dZ', layer: 0, unit: j }) };
    for (const i of inputs)
      bwd(
        {
          symbol: `∂L/∂${n.w(i, j)}`,
          nodes: [inputId(net, i), hiddenId(j)],
          edges: [`${inputId(net, i)}-${hiddenId(j)}`],
          source: { kind: 'dW', layer: 0, i, j },
        },
        dz,
        { label: `∂${n.z[j]}/∂${n.w(i, j)}`, formula: n.input[i]!, value: x(i) },
      );
    bwd({ symbol: `∂L/∂${n.b[j]}`, nodes: [hiddenId(j)], edges: [], source: { kind: 'db', layer: 0, j } }, dz, {
      label: `∂${n.z[j]}/∂${n.b[j]}`,
      formula: '1',
      value: 1,
    });
  }
  return steps;
}
