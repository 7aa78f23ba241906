/**
 * The checks of a training run's options that both engines make the same way, with the same
 * French messages: the reference engine (`math/train.ts`) describes its matrices, the fast engine
 * (`tf/train.ts`) its batch sources, by their shape. Internal: not part of `index.ts`.
 */
import type { MlpSpec } from './spec';
import type { TrainOptions } from './training';

/** What a training or validation set looks like to the checks. */
export interface DataShape {
  readonly count: number;
  /** Values per example (columns of X). */
  readonly inputs: number;
  /** Targets per example (columns of Y). */
  readonly outputs: number;
}

type CheckedOptions = Pick<TrainOptions, 'batchSize' | 'patience' | 'dropoutKeep'> & { readonly epochs?: number };

/** Throws the French explanation of the first option that cannot work with `spec`. */
export function checkTrainOptions(
  spec: MlpSpec,
  train: DataShape,
  validation: DataShape | null,
  o: CheckedOptions,
): void {
  const k = spec.layers[spec.layers.length - 1]!.units;
  const checkData = (s: DataShape, what: string) => {
    if (s.inputs !== spec.inputSize)
      throw new Error(`Entrées incompatibles\u00a0: ${what} ont ${s.inputs} colonnes, ${spec.inputSize} attendues.`);
    if (s.count === 0) throw new Error(`Entraînement\u00a0: ${what} ne contiennent aucun exemple.`);
    if (s.outputs !== k)
      throw new Error(`Entraînement\u00a0: ${what} ont ${s.outputs} cibles par exemple, ${k} attendues.`);
  };
  checkData(train, 'les données d’entraînement');
  if (validation) checkData(validation, 'les données de validation');
  if (o.epochs !== undefined && (!Number.isInteger(o.epochs) || o.epochs < 0))
    throw new Error(`Entraînement\u00a0: le nombre d’époques doit être un entier ≥ 0 (reçu ${o.epochs}).`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new Error(`Entraînement\u00a0: la taille de lot doit être un entier ≥ 1 (reçu ${o.batchSize}).`);
  if (o.patience !== undefined && (!validation || !Number.isInteger(o.patience) || o.patience < 1))
    throw new Error(
      'Entraînement\u00a0: l’arrêt anticipé demande des données de validation et une patience entière ≥ 1.',
    );
  if (o.dropoutKeep !== undefined && !(o.dropoutKeep > 0 && o.dropoutKeep <= 1))
    throw new Error(
      `Dropout\u00a0: la probabilité de garder un neurone doit être dans ]0, 1] (reçu ${o.dropoutKeep}).`,
    );
}
