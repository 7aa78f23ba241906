import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/nn/data/rng';
import type { MlpSpec, MlpWeights } from '../../../src/nn/spec';
import { decodeWeightsFile, encodeWeightsFile } from '../../../src/nn/weights-file';

const spec: MlpSpec = {
  inputSize: 3,
  layers: [
    { units: 4, activation: 'relu' },
    { units: 2, activation: 'tanh', useBias: false },
    { units: 3, activation: 'softmax' },
  ],
  loss: 'categoricalCrossEntropy',
};

/** Random weights of the right shapes (biases zero where the layer has none). */
function randomWeights(s: MlpSpec, seed: number): MlpWeights {
  const rng = createRng(seed);
  const sizes = [s.inputSize, ...s.layers.map((l) => l.units)];
  return {
    W: s.layers.map((l, i) => ({
      rows: sizes[i]!,
      cols: l.units,
      data: Float64Array.from({ length: sizes[i]! * l.units }, () => rng.normal()),
    })),
    b: s.layers.map((l) => Float64Array.from({ length: l.units }, () => (l.useBias === false ? 0 : rng.normal()))),
  };
}

const weights = randomWeights(spec, 1);
const meta = { createdAt: '2026-11-23T10:00:00Z', note: 'calculatrice, graine 1 — « essai »' };
const file = encodeWeightsFile(spec, weights, meta);
const headerLength = new DataView(file.buffer).getUint32(4, true);
const header = JSON.parse(new TextDecoder().decode(file.subarray(8, 8 + headerLength)));
const bodyStart = 8 + Math.ceil(headerLength / 4) * 4;
const valueCount = 3 * 4 + 4 + 4 * 2 + 2 + 2 * 3 + 3; // 35

/** A file with the given header (object or raw text) and body. */
function build(head: unknown, body: Uint8Array = file.subarray(bodyStart)): Uint8Array {
  const json = new TextEncoder().encode(typeof head === 'string' ? head : JSON.stringify(head));
  const start = 8 + Math.ceil(json.length / 4) * 4;
  const out = new Uint8Array(start + body.length);
  out.set(new TextEncoder().encode('NPNW'));
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(body, start);
  return out;
}
const withHeader = (patch: Record<string, unknown>) => build({ ...header, ...patch });
const withFloat = (k: number, v: number) => {
  const copy = file.slice();
  new DataView(copy.buffer).setFloat32(bodyStart + 4 * k, v, true);
  return copy;
};
/** `spec` with layer i replaced (any object: the decoder must check it). */
const specLayer = (i: number, layer: object) =>
  ({ ...spec, layers: spec.layers.map((l, k) => (k === i ? layer : l)) }) as MlpSpec;
/** The header's first layer shape replaced. */
const firstShape = (shape: object) => withHeader({ layers: [shape, ...header.layers.slice(1)] });

/** `weights` with W₀[k] or b_l[0] replaced. */
function withValue(k: number, v: number): MlpWeights {
  const W = weights.W.map((m) => ({ ...m, data: m.data.slice() }));
  W[0]!.data[k] = v;
  return { W, b: weights.b };
}
function withBias(l: number, v: number): MlpWeights {
  const b = weights.b.map((x) => x.slice());
  b[l]![0] = v;
  return { W: weights.W, b };
}

describe('encodeWeightsFile', () => {
  it('writes "NPNW", the header length, the JSON header, zero padding, then float32 values', () => {
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('NPNW');
    expect(header).toEqual({
      format: 'neurone-par-neurone/poids',
      version: 1,
      spec,
      dtype: 'float32',
      layers: [
        { W: [3, 4], b: [4] },
        { W: [4, 2], b: [2] },
        { W: [2, 3], b: [3] },
      ],
      byteLength: 4 * valueCount,
      meta,
    });
    expect(bodyStart % 4).toBe(0);
    expect(Array.from(file.subarray(8 + headerLength, bodyStart)).every((v) => v === 0)).toBe(true);
    expect(file.length).toBe(bodyStart + 4 * valueCount);
  });

  it('orders the values W₀ (row-major), b₀, W₁, b₁, … in little-endian float32', () => {
    const view = new DataView(file.buffer);
    const order = weights.W.flatMap((W, l) => [...W.data, ...weights.b[l]!]);
    order.forEach((v, k) => expect(view.getFloat32(bodyStart + 4 * k, true)).toBe(Math.fround(v)));
  });

  it('gives the same bytes for the same arguments, and no meta when none is given', () => {
    expect(encodeWeightsFile(spec, weights, meta)).toEqual(file);
    const bare = encodeWeightsFile(spec, weights);
    const len = new DataView(bare.buffer).getUint32(4, true);
    expect(JSON.parse(new TextDecoder().decode(bare.subarray(8, 8 + len))).meta).toEqual({});
  });

  it.each([
    ['NaN', spec, withValue(0, NaN), /non finie en float32 \(NaN\) dans W de la couche 1, ligne 1, colonne 1/],
    ['1e39 (beyond float32)', spec, withValue(5, 1e39), /\(1e\+39\) dans W de la couche 1, ligne 2, colonne 2/],
    ['a bias in a layer without bias', spec, withBias(1, 0.5), /couche 2 est sans biais/],
    ['wrong shapes', { ...spec, inputSize: 5 }, weights, /W de la couche 1 est 3×4, 5×4 attendu/],
    ['an invalid spec', { ...spec, loss: 'mse' } as MlpSpec, weights, /softmax va avec/],
  ])('rejects %s', (_, s, w, message) => {
    expect(() => encodeWeightsFile(s, w)).toThrow(message);
  });
});

describe('decodeWeightsFile', () => {
  it('round-trips spec, meta and weights to float32 precision', () => {
    const out = decodeWeightsFile(file, spec);
    expect(out.spec).toEqual(spec);
    expect(out.meta).toEqual(meta);
    out.weights.W.forEach((W, l) => {
      expect([W.rows, W.cols]).toEqual([weights.W[l]!.rows, weights.W[l]!.cols]);
      expect(Array.from(W.data)).toEqual(Array.from(weights.W[l]!.data, Math.fround));
      expect(Array.from(out.weights.b[l]!)).toEqual(Array.from(weights.b[l]!, Math.fround));
    });
    // the values did change (float64 → float32): the comparison above is not vacuous
    expect(Array.from(out.weights.W[0]!.data)).not.toEqual(Array.from(weights.W[0]!.data));
  });

  it('reads a file at a non-aligned offset inside a larger buffer', () => {
    const big = new Uint8Array(file.length + 7);
    big.set(file, 3);
    const out = decodeWeightsFile(big.subarray(3, 3 + file.length));
    expect(Array.from(out.weights.b[2]!)).toEqual(Array.from(weights.b[2]!, Math.fround));
  });

  it('reads a spec without useBias and a header without meta', () => {
    const simple: MlpSpec = { inputSize: 2, layers: [{ units: 1, activation: 'identity' }], loss: 'mse' };
    const bytes = encodeWeightsFile(simple, randomWeights(simple, 2));
    expect(decodeWeightsFile(bytes, simple)).toMatchObject({ spec: simple, meta: {} });
  });

  const unusedMagic = file.slice();
  unusedMagic.set([0x4e, 0x50, 0x4e, 0x4d]);
  const tooLong = file.slice();
  new DataView(tooLong.buffer).setUint32(4, 1_000_000, true);
  const badUtf8 = build('{"a":"\xff"}');
  badUtf8[14] = 0xff;

  it.each([
    ['a file shorter than 8 bytes', file.subarray(0, 5), /trop court\u00a0: au moins 8 octets attendus, 5 reçus/],
    ['a wrong magic', unusedMagic, /signature «\u202fNPNW\u202f» attendue au début, «\u202fNPNM\u202f» trouvée/],
    ['a header beyond the file', tooLong, /l’en-tête annonce 1000000 octets mais le fichier n’en a que \d+ après/],
    ['invalid JSON', build('{"format": '), /en-tête JSON illisible/],
    ['invalid UTF-8', badUtf8, /en-tête JSON illisible/],
    ['a header that is not an object', build('[1, 2]'), /l’en-tête JSON doit être un objet/],
    [
      'an unknown format',
      withHeader({ format: 'keras' }),
      /format "keras" inconnu, «\u202fneurone-par-neurone\/poids\u202f»/,
    ],
    ['version 2', withHeader({ version: 2 }), /version 2 non prise en charge \(version 1 attendue\)/],
    [
      'float64 values',
      withHeader({ dtype: 'float64' }),
      /type de valeurs "float64" inconnu, «\u202ffloat32\u202f» attendu/,
    ],
    ['a non-string note', withHeader({ meta: { note: 3 } }), /meta.note doit être une chaîne \(reçu 3\)/],
    ['a spec without layers', withHeader({ spec: { inputSize: 3, loss: 'mse' } }), /doit être un objet \{ inputSize,/],
    [
      'a layer of 0 units',
      withHeader({ spec: specLayer(0, { units: 0, activation: 'relu' }) }),
      /Spécification invalide\u00a0: la couche 1 doit avoir au moins un neurone \(reçu 0\)/,
    ],
    [
      'an unknown activation',
      withHeader({ spec: specLayer(0, { units: 4, activation: 'swish' }) }),
      /activation inconnue «\u202fswish\u202f» \(couche 1\)/,
    ],
    [
      'a non-boolean useBias',
      withHeader({ spec: specLayer(0, { units: 4, activation: 'relu', useBias: 'non' }) }),
      /useBias de la couche 1 doit être un booléen/,
    ],
    [
      'a shape list of the wrong length',
      withHeader({ layers: header.layers.slice(0, 2) }),
      /byteLength vaut 140 mais les formes des couches demandent 104 octets/,
    ],
    [
      'a malformed shape',
      firstShape({ W: [3], b: [4] }),
      /layers\[0\].W doit être \[lignes, colonnes\] \(entiers ≥ 1\), reçu \[3\]/,
    ],
    ['a malformed bias shape', firstShape({ W: [3, 4], b: 4 }), /layers\[0\].b doit être \[n\] \(entier ≥ 1\), reçu 4/],
    ['a wrong byteLength', withHeader({ byteLength: 136 }), /byteLength vaut 136 mais les formes .* 140 octets/],
    [
      'shapes not matching the spec',
      firstShape({ W: [4, 3], b: [4] }),
      /Poids incompatibles\u00a0: W de la couche 1 est 4×3, 3×4 attendu/,
    ],
    [
      'fewer weight layers than spec layers',
      build(
        { ...header, layers: header.layers.slice(0, 2), byteLength: 104 },
        file.subarray(bodyStart, bodyStart + 104),
      ),
      /Poids incompatibles\u00a0: 2 couches de poids pour 3 couches/,
    ],
    [
      'a truncated body',
      file.subarray(0, file.length - 4),
      /corps tronqué\u00a0: 140 octets de valeurs attendus après l’en-tête, 136 reçus/,
    ],
    [
      'trailing bytes',
      Uint8Array.from([...file, 0, 0, 0, 0]),
      /octets en trop\u00a0: 140 octets de valeurs attendus après l’en-tête, 144 reçus/,
    ],
    ['a NaN value', withFloat(13, NaN), /valeur non finie en float32 \(NaN\) dans b de la couche 1, indice 2/],
    ['an infinite value', withFloat(34, -Infinity), /\(-Infinity\) dans b de la couche 3, indice 3/],
    [
      'a non-zero bias in a layer without bias',
      withFloat(3 * 4 + 4 + 4 * 2, 1),
      /la couche 2 est sans biais mais son b contient des valeurs non nulles/,
    ],
  ])('rejects %s', (_, bytes, message) => {
    expect(() => decodeWeightsFile(bytes)).toThrow(message);
    expect(() => decodeWeightsFile(bytes)).toThrow(/^Fichier de poids\u00a0: /);
  });

  it.each([
    ['inputSize', { ...spec, inputSize: 2 }, /inputSize vaut 3 dans le fichier, 2 attendu/],
    [
      'layer count',
      { ...spec, layers: spec.layers.slice(1) },
      /le nombre de couches vaut 3 dans le fichier, 2 attendu/,
    ],
    ['units', specLayer(0, { units: 5, activation: 'relu' }), /units de la couche 1 vaut 4 dans le fichier, 5 attendu/],
    ['activation', specLayer(1, { units: 2, activation: 'relu', useBias: false }), /couche 2 vaut "tanh" .*"relu"/],
    ['useBias', specLayer(1, { units: 2, activation: 'tanh' }), /useBias de la couche 2 vaut false .*, true attendu/],
    ['loss', { ...spec, loss: 'mse' } as MlpSpec, /loss vaut "categoricalCrossEntropy" dans le fichier, "mse" attendu/],
  ])('rejects a model whose %s differs from the expected spec', (_, expected, message) => {
    expect(() => decodeWeightsFile(file, expected)).toThrow(message);
  });

  it('treats useBias: true and a missing useBias as the same', () => {
    const expected = specLayer(0, { units: 4, activation: 'relu', useBias: true });
    expect(() => decodeWeightsFile(file, expected)).not.toThrow();
  });
});
