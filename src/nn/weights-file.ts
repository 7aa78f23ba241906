/**
 * The weight file both engines write and read ("Exporter les poids" / "Charger des poids"):
 * a model trained with TensorFlow.js can be reloaded in the reference engine and back.
 *
 * Layout (all integers and floats little-endian):
 *   bytes 0–3   ASCII "NPNW"
 *   bytes 4–7   uint32 H: length in bytes of the UTF-8 JSON header
 *   8 … 8+H     header { format: 'neurone-par-neurone/poids', version: 1, spec, dtype: 'float32',
 *               layers: [{ W: [rows, cols], b: [units] }, …], byteLength, meta }
 *   zero bytes up to the next multiple of 4
 *   body        byteLength bytes: float32 values of W₀ (row-major), b₀, W₁, b₁, …
 * Decoding checks everything before returning: it either loads the whole model or throws a
 * French message naming the problem — never a partial load.
 */
import type { Matrix } from './math/matrix';
import { checkWeightsMatchSpec, validateSpec, type LayerSpec, type MlpSpec, type MlpWeights } from './spec';

/** Signature des fichiers de poids. */
export const WEIGHTS_FILE_MAGIC = 'NPNW';
/** Nom du format des fichiers de poids. */
export const WEIGHTS_FILE_FORMAT = 'neurone-par-neurone/poids';
/** Version du format des fichiers de poids. */
export const WEIGHTS_FILE_VERSION = 1;

/** Free information stored with the weights (no timestamp is added unless given). */
export interface WeightsFileMeta {
  /** ISO 8601 date, e.g. "2026-11-23T10:00:00Z". */
  readonly createdAt?: string;
  readonly note?: string;
}

const PREFIX = 'Fichier de poids';
function fail(message: string): never {
  throw new Error(`${PREFIX}\u00a0: ${message}`);
}

/** A plain copy of the spec with only the known fields (useBias only when given). */
function plainSpec(spec: MlpSpec): MlpSpec {
  return {
    inputSize: spec.inputSize,
    layers: spec.layers.map((l): LayerSpec => ({
      units: l.units,
      activation: l.activation,
      ...(l.useBias === undefined ? {} : { useBias: l.useBias }),
    })),
    loss: spec.loss,
  };
}

/** Values of layer l in file order: W then b. */
function* layerParts(weights: MlpWeights): Generator<{ values: Float64Array; where: (k: number) => string }> {
  for (let l = 0; l < weights.W.length; l++) {
    const { data, cols } = weights.W[l]!;
    yield {
      values: data,
      where: (k) => `W de la couche ${l + 1}, ligne ${Math.floor(k / cols) + 1}, colonne ${(k % cols) + 1}`,
    };
    yield { values: weights.b[l]!, where: (k) => `b de la couche ${l + 1}, indice ${k + 1}` };
  }
}

/** Non-finite values (also after rounding to float32) and non-zero biases of layers without bias. */
function checkValues(spec: MlpSpec, weights: MlpWeights, where: string): void {
  for (const part of layerParts(weights)) {
    const k = part.values.findIndex((v) => !Number.isFinite(Math.fround(v)));
    if (k >= 0)
      throw new Error(`${where}\u00a0: valeur non finie en float32 (${part.values[k]}) dans ${part.where(k)}.`);
  }
  spec.layers.forEach((layer, l) => {
    if (layer.useBias === false && weights.b[l]!.some((v) => v !== 0))
      throw new Error(`${where}\u00a0: la couche ${l + 1} est sans biais mais son b contient des valeurs non nulles.`);
  });
}

/**
 * Écrit les poids dans un fichier de poids.
 *
 * Writes `weights` (shapes checked against `spec`) as a weight file. Values are stored as
 * float32 (Math.fround of each), so a round trip is exact up to float32 rounding.
 * Same arguments ⇒ same bytes.
 */
export function encodeWeightsFile(spec: MlpSpec, weights: MlpWeights, meta: WeightsFileMeta = {}): Uint8Array {
  validateSpec(spec);
  checkWeightsMatchSpec(spec, weights);
  checkValues(spec, weights, 'Export des poids');
  const layers = weights.W.map((W, l) => ({ W: [W.rows, W.cols], b: [weights.b[l]!.length] }));
  const valueCount = weights.W.reduce((a, W, l) => a + W.rows * W.cols + weights.b[l]!.length, 0);
  const header = {
    format: WEIGHTS_FILE_FORMAT,
    version: WEIGHTS_FILE_VERSION,
    spec: plainSpec(spec),
    dtype: 'float32',
    layers,
    byteLength: 4 * valueCount,
    meta: {
      ...(meta.createdAt === undefined ? {} : { createdAt: meta.createdAt }),
      ...(meta.note === undefined ? {} : { note: meta.note }),
    },
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const bodyStart = 8 + Math.ceil(json.length / 4) * 4;
  const out = new Uint8Array(bodyStart + 4 * valueCount);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = WEIGHTS_FILE_MAGIC.charCodeAt(k);
  view.setUint32(4, json.length, true);
  out.set(json, 8);
  let at = bodyStart;
  for (const { values } of layerParts(weights))
    for (const v of values) {
      view.setFloat32(at, v, true);
      at += 4;
    }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSize = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;

/** Structure of the spec read from JSON (before validateSpec, which assumes the right types). */
function readSpec(raw: unknown): MlpSpec {
  if (!isObject(raw) || !Array.isArray(raw.layers) || typeof raw.inputSize !== 'number' || typeof raw.loss !== 'string')
    return fail('la spécification doit être un objet { inputSize, layers: […], loss }.');
  const layers = raw.layers.map((l: unknown, i): LayerSpec => {
    if (!isObject(l) || typeof l.units !== 'number' || typeof l.activation !== 'string')
      return fail(`la couche ${i + 1} de la spécification doit être un objet { units, activation }.`);
    if (l.useBias !== undefined && typeof l.useBias !== 'boolean')
      return fail(`useBias de la couche ${i + 1} doit être un booléen (reçu ${JSON.stringify(l.useBias)}).`);
    return {
      units: l.units,
      activation: l.activation as LayerSpec['activation'],
      ...(l.useBias === undefined ? {} : { useBias: l.useBias }),
    };
  });
  const spec = { inputSize: raw.inputSize, layers, loss: raw.loss } as MlpSpec;
  try {
    validateSpec(spec);
  } catch (e) {
    fail((e as Error).message);
  }
  return spec;
}

/** Throws naming the first field where `found` (the file) differs from `expected`. */
function compareSpecs(found: MlpSpec, expected: MlpSpec): void {
  const differ = (field: string, f: unknown, e: unknown) =>
    fail(
      `ce modèle ne convient pas ici\u00a0: ${field} vaut ${JSON.stringify(f)} dans le fichier, ${JSON.stringify(e)} attendu.`,
    );
  if (found.inputSize !== expected.inputSize) differ('inputSize', found.inputSize, expected.inputSize);
  if (found.layers.length !== expected.layers.length)
    differ('le nombre de couches', found.layers.length, expected.layers.length);
  found.layers.forEach((layer, l) => {
    const other = expected.layers[l]!;
    if (layer.units !== other.units) differ(`units de la couche ${l + 1}`, layer.units, other.units);
    if (layer.activation !== other.activation)
      differ(`activation de la couche ${l + 1}`, layer.activation, other.activation);
    if ((layer.useBias ?? true) !== (other.useBias ?? true))
      differ(`useBias de la couche ${l + 1}`, layer.useBias ?? true, other.useBias ?? true);
  });
  if (found.loss !== expected.loss) differ('loss', found.loss, expected.loss);
}

/**
 * Lit un fichier de poids.
 *
 * Checks, in order: magic, header length, UTF-8 and JSON, format, version, dtype, meta, the spec
 * (validateSpec), the spec against `expected` when given, the layer shapes in the header,
 * byteLength, the body length, the shapes against the spec (checkWeightsMatchSpec), then the
 * values (finite; zero biases for layers without bias). Returns float64 copies of the float32 values.
 */
export function decodeWeightsFile(
  bytes: Uint8Array,
  expected?: MlpSpec,
): { spec: MlpSpec; weights: MlpWeights; meta: WeightsFileMeta } {
  if (bytes.length < 8) fail(`trop court\u00a0: au moins 8 octets attendus, ${bytes.length} reçus.`);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== WEIGHTS_FILE_MAGIC)
    fail(
      `signature «\u202f${WEIGHTS_FILE_MAGIC}\u202f» attendue au début, «\u202f${magic.replace(/[^\x20-\x7e]/g, '?')}\u202f» trouvée.`,
    );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length)
    fail(
      `l’en-tête annonce ${headerLength} octets mais le fichier n’en a que ${bytes.length - 8} après les 8 premiers.`,
    );
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerLength)));
  } catch (e) {
    fail(`en-tête JSON illisible (${(e as Error).message}).`);
  }
  if (!isObject(header)) return fail('l’en-tête JSON doit être un objet.');
  if (header.format !== WEIGHTS_FILE_FORMAT)
    fail(`format ${JSON.stringify(header.format)} inconnu, «\u202f${WEIGHTS_FILE_FORMAT}\u202f» attendu.`);
  if (header.version !== WEIGHTS_FILE_VERSION)
    fail(`version ${JSON.stringify(header.version)} non prise en charge (version ${WEIGHTS_FILE_VERSION} attendue).`);
  if (header.dtype !== 'float32')
    fail(`type de valeurs ${JSON.stringify(header.dtype)} inconnu, «\u202ffloat32\u202f» attendu.`);
  const rawMeta = header.meta ?? {};
  if (!isObject(rawMeta)) return fail('meta doit être un objet.');
  for (const key of ['createdAt', 'note'] as const)
    if (rawMeta[key] !== undefined && typeof rawMeta[key] !== 'string')
      fail(`meta.${key} doit être une chaîne (reçu ${JSON.stringify(rawMeta[key])}).`);
  const meta: WeightsFileMeta = {
    ...(typeof rawMeta.createdAt === 'string' ? { createdAt: rawMeta.createdAt } : {}),
    ...(typeof rawMeta.note === 'string' ? { note: rawMeta.note } : {}),
  };

  const spec = readSpec(header.spec);
  if (expected) compareSpecs(spec, expected);

  const layers = header.layers;
  if (!Array.isArray(layers)) return fail('layers doit être une liste de formes { W: [lignes, colonnes], b: [n] }.');
  const shapes = layers.map((l: unknown, i): [number, number, number] => {
    if (!isObject(l) || !Array.isArray(l.W) || l.W.length !== 2 || !l.W.every(isSize))
      return fail(
        `layers[${i}].W doit être [lignes, colonnes] (entiers ≥ 1), reçu ${JSON.stringify(isObject(l) ? l.W : l)}.`,
      );
    if (!Array.isArray(l.b) || l.b.length !== 1 || !isSize(l.b[0]))
      return fail(`layers[${i}].b doit être [n] (entier ≥ 1), reçu ${JSON.stringify(l.b)}.`);
    return [l.W[0] as number, l.W[1] as number, l.b[0]];
  });
  const valueCount = shapes.reduce((a, [r, c, n]) => a + r * c + n, 0);
  if (header.byteLength !== 4 * valueCount)
    fail(
      `byteLength vaut ${JSON.stringify(header.byteLength)} mais les formes des couches demandent ${4 * valueCount} octets.`,
    );
  const bodyStart = 8 + Math.ceil(headerLength / 4) * 4;
  const bodyLength = bytes.length - bodyStart;
  if (bodyLength !== 4 * valueCount)
    fail(
      `${bodyLength < 4 * valueCount ? 'corps tronqué' : 'octets en trop'}\u00a0: ${4 * valueCount} octets de valeurs attendus ` +
        `après l’en-tête, ${Math.max(0, bodyLength)} reçus.`,
    );

  // The body has exactly the announced size, so these allocations are bounded by the file.
  const W: Matrix[] = shapes.map(([rows, cols]) => ({ rows, cols, data: new Float64Array(rows * cols) }));
  const b = shapes.map(([, , n]) => new Float64Array(n));
  const weights: MlpWeights = { W, b };
  try {
    checkWeightsMatchSpec(spec, weights);
  } catch (e) {
    fail((e as Error).message);
  }
  let at = bodyStart;
  for (const { values } of layerParts(weights))
    for (let k = 0; k < values.length; k++, at += 4) values[k] = view.getFloat32(at, true);
  checkValues(spec, weights, PREFIX);
  return { spec, weights, meta };
}
