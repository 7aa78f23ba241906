/**
 * A scalar autograd in the spirit of micrograd (engine.py): a `Value` holds a number, the
 * values it was computed from and how to pass a gradient back to them. Every primitive op has
 * the same small shape — compute the output, attach the local chain rule, return; derived ops
 * (neg, sub, div) are built from primitives, so their gradients come for free.
 */
import { sigmoid as sigmoidOf } from '../math/activations';
import { formatValue } from '../output/format-value';

/** A Value or a plain number (a constant). */
export type Operand = Value | number;

function toValue(x: Operand): Value {
  return x instanceof Value ? x : new Value(x);
}

/**
 * Every value of the graph that ends at `root`, each after all the values it depends on
 * (operands before results). Iterative depth-first search: a chain of 100,000 values would
 * overflow the call stack of a recursive one.
 */
export function topologicalOrder(root: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>([root]);
  const stack: [Value, number][] = [[root, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [v, next] = top;
    if (next < v.children.length) {
      top[1] = next + 1;
      const child = v.children[next]!;
      if (!visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(v);
    }
  }
  return order;
}

/** Un nombre qui retient son calcul, pour en obtenir les gradients par `backward()` (autograd). */
export class Value {
  /** La valeur numérique. */
  data: number;
  /** ∂(sortie)/∂(cette valeur), rempli par `backward()` sur la sortie (0 avant). */
  grad = 0;
  /** Nom affiché (dans `drawGraph` et le texte du graphe). */
  label: string;
  /** L’opération qui a produit cette valeur ('' pour une feuille) — '+', '*', '**2', 'exp', 'tanh'… */
  readonly op: string;
  /** Les valeurs dont celle-ci est calculée (ses opérandes). */
  readonly children: readonly Value[];
  /** Les dérivées locales ∂(cette valeur)/∂(opérande), une par opérande, dans l’ordre de `children` (vide pour une feuille). */
  local: readonly number[] = [];
  /** The local chain rule: adds this value's grad, times the local derivatives, to its children's. */
  private backwardStep: () => void = () => {};

  /** Crée une valeur (feuille) — `new Value(2, 'a')`. Les opérations remplissent `children` et `op`. */
  constructor(data: number, label = '', children: readonly Value[] = [], op = '') {
    this.data = data;
    this.label = label;
    this.children = children;
    this.op = op;
  }

  /** Somme — this + other. */
  add(other: Operand): Value {
    const o = toValue(other);
    const out = new Value(this.data + o.data, '', [this, o], '+');
    out.local = [1, 1];
    out.backwardStep = () => {
      this.grad += out.grad;
      o.grad += out.grad;
    };
    return out;
  }

  /** Produit — this × other. */
  mul(other: Operand): Value {
    const o = toValue(other);
    const out = new Value(this.data * o.data, '', [this, o], '*');
    out.local = [o.data, this.data];
    out.backwardStep = () => {
      this.grad += o.data * out.grad;
      o.grad += this.data * out.grad;
    };
    return out;
  }

  /** Puissance par un nombre constant — thisⁿ. */
  pow(n: number): Value {
    if (typeof n !== 'number') throw new Error('pow\u00a0: l’exposant doit être un nombre (pas une Value).');
    const out = new Value(this.data ** n, '', [this], `**${formatValue(n)}`);
    out.local = [n * this.data ** (n - 1)];
    out.backwardStep = () => {
      this.grad += n * this.data ** (n - 1) * out.grad;
    };
    return out;
  }

  /** Exponentielle — e^this. */
  exp(): Value {
    const out = new Value(Math.exp(this.data), '', [this], 'exp');
    out.local = [out.data];
    out.backwardStep = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  /** Logarithme népérien — ln(this) (NaN si this ≤ 0). */
  log(): Value {
    const out = new Value(Math.log(this.data), '', [this], 'log');
    out.local = [1 / this.data];
    out.backwardStep = () => {
      this.grad += (1 / this.data) * out.grad;
    };
    return out;
  }

  /** Tangente hyperbolique — tanh(this). */
  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, '', [this], 'tanh');
    out.local = [1 - t * t];
    out.backwardStep = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  /** Sigmoïde — 1 / (1 + e^−this). */
  sigmoid(): Value {
    const s = sigmoidOf(this.data);
    const out = new Value(s, '', [this], 'sigmoid');
    out.local = [s * (1 - s)];
    out.backwardStep = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  /** ReLU — max(0, this) (dérivée 0 en 0, comme `activations.relu.df`). */
  relu(): Value {
    const out = new Value(this.data > 0 ? this.data : 0, '', [this], 'relu');
    out.local = [this.data > 0 ? 1 : 0];
    out.backwardStep = () => {
      this.grad += (this.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  /** Opposé — −this. */
  neg(): Value {
    return this.mul(-1);
  }

  /** Différence — this − other. */
  sub(other: Operand): Value {
    return this.add(toValue(other).neg());
  }

  /** Quotient — this / other. */
  div(other: Operand): Value {
    return this.mul(toValue(other).pow(-1));
  }

  /**
   * Rétropropagation — calcule le gradient de cette valeur par rapport à chaque valeur du graphe.
   *
   * Sets this.grad = 1, then applies each value's local chain rule from the output back to the
   * leaves (reverse topological order, so a value's grad is complete before it is passed on).
   * Gradients ACCUMULATE, as in PyTorch: call `zeroGrad()` before a second backward pass.
   */
  backward(): void {
    const order = topologicalOrder(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i]!.backwardStep();
  }

  /** Remet à zéro le gradient de toutes les valeurs du graphe qui mène à celle-ci. */
  zeroGrad(): void {
    for (const v of topologicalOrder(this)) v.grad = 0;
  }

  /** `Value(data=…, grad=…)`, nombres à 4 chiffres significatifs. */
  toString(): string {
    return `Value(data=${formatValue(this.data)}, grad=${formatValue(this.grad)})`;
  }
}
