/**
 * `mlp(spec)`: a small model object over the reference engine, in the manner of a Keras model
 * — the same MlpSpec, weights and forward pass as the chapters and islands, nothing new.
 */
import { createRng } from '../data/rng';
import { initWeights, type InitScheme } from '../math/init';
import { losses } from '../math/losses';
import type { Matrix } from '../math/matrix';
import { predict } from '../math/mlp';
import { tableMessage } from '../output/print';
import { emit } from '../output/sink';
import { layerParameterCounts, parameterCount, validateSpec, type MlpSpec, type MlpWeights } from '../spec';
import { toMatrix, type MatrixInput } from './linspace';

export interface MlpOptions {
  /** Seed of the initial weights (default 0): one seed, one network. */
  readonly seed?: number;
  /** Initialisation (default 'he' when every hidden layer is ReLU-like, else 'xavier'). */
  readonly init?: InitScheme;
}

const RELU_LIKE = new Set(['relu', 'leakyRelu', 'gelu']);

function defaultInit(spec: MlpSpec): InitScheme {
  const hidden = spec.layers.slice(0, -1);
  return hidden.length > 0 && hidden.every((l) => RELU_LIKE.has(l.activation)) ? 'he' : 'xavier';
}

/** Un perceptron multicouche prêt à prédire et à entraîner (`fit`), construit par `mlp(spec)`. */
export class MlpModel {
  /** L’architecture — entrées, couches (neurones, activation), perte. */
  readonly spec: MlpSpec;
  /** Les poids W[l] (entrées × neurones) et biais b[l], modifiés sur place par `fit`. */
  readonly weights: MlpWeights;

  constructor(spec: MlpSpec, weights: MlpWeights) {
    this.spec = spec;
    this.weights = weights;
  }

  /** Nombre total de paramètres (poids et biais). */
  get parameterCount(): number {
    return parameterCount(this.spec);
  }

  /** Les sorties du réseau pour un lot X (une ligne par exemple) — une matrice n × sorties. */
  predict(x: MatrixInput): Matrix {
    return predict(this.spec, this.weights, toMatrix(x, this.spec.inputSize));
  }

  /** La passe avant — comme `predict`, à la manière de `model(x)` en PyTorch. */
  forward(x: MatrixInput): Matrix {
    return this.predict(x);
  }

  /** La perte du modèle (celle de sa spécification) sur les exemples x et les cibles y. */
  evaluate(x: MatrixInput, y: MatrixInput): number {
    const k = this.spec.layers[this.spec.layers.length - 1]!.units;
    return losses[this.spec.loss].value(this.predict(x), toMatrix(y, k));
  }

  /** Affiche le résumé du modèle — une ligne par couche, avec ses paramètres. */
  summary(): void {
    const counts = layerParameterCounts(this.spec);
    const rows = this.spec.layers.map((layer, l) => [`dense ${l + 1}`, layer.units, layer.activation, counts[l]!]);
    emit(
      tableMessage([...rows, ['total', '', '', this.parameterCount]], {
        columns: ['couche', 'neurones', 'activation', 'paramètres'],
        caption: `${this} — perte ${this.spec.loss}`,
      }),
    );
  }

  /** `Mlp(2 → 8 → 1, 33 paramètres)`. */
  toString(): string {
    const sizes = [this.spec.inputSize, ...this.spec.layers.map((l) => l.units)].join(' → ');
    return `Mlp(${sizes}, ${this.parameterCount} paramètres)`;
  }
}

/**
 * Crée un perceptron multicouche à partir de sa spécification, poids tirés avec une graine (`seed`).
 *
 * `mlp({ inputSize: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], loss: 'bce', seed: 1 })`.
 * Biases start at 0; weights follow `init` (see initWeights).
 */
export function mlp(spec: MlpSpec & MlpOptions, options: MlpOptions = {}): MlpModel {
  const { seed: specSeed, init: specInit, ...rest } = spec;
  const clean: MlpSpec = rest;
  validateSpec(clean);
  const seed = options.seed ?? specSeed ?? 0;
  const init = options.init ?? specInit ?? defaultInit(clean);
  return new MlpModel(clean, initWeights(clean, createRng(seed), init));
}
