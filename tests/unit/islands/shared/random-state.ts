/**
 * Random valid states for any island's URL schema (bounds included now and then): what every
 * island's state test round-trips through the URL.
 */
import { createRng, type Rng } from '../../../../src/nn/data/rng';
import type { FieldSpec, Schema, StateOf } from '../../../../src/components/islands/shared/url-state';

/** The scalar spec of one item of a list field. */
export function itemSpec(spec: Extract<FieldSpec, { kind: 'numberList' }>): FieldSpec {
  return { kind: spec.integer ? 'int' : 'number', default: 0, min: spec.min, max: spec.max };
}

/** A valid value drawn from a field's spec, its bounds now and then. */
export function randomValue(spec: FieldSpec, rng: Rng): unknown {
  switch (spec.kind) {
    case 'number': {
      const r = rng.next();
      return r < 0.1 ? spec.min : r < 0.2 ? spec.max : rng.uniform(spec.min, spec.max);
    }
    case 'int':
      return spec.min + rng.int(spec.max - spec.min + 1);
    case 'enum':
      return spec.options[rng.int(spec.options.length)];
    case 'bool':
      return rng.next() < 0.5;
    case 'numberList': {
      const length = spec.minLength + rng.int(spec.maxLength - spec.minLength + 1);
      return Array.from({ length }, () => randomValue(itemSpec(spec), rng));
    }
  }
}

/** A whole state: every field drawn independently with `createRng(seed)`. */
export function randomState<S extends Schema>(schema: S, seed: number): StateOf<S> {
  const rng = createRng(seed);
  return Object.fromEntries(Object.entries(schema).map(([k, spec]) => [k, randomValue(spec, rng)])) as StateOf<S>;
}
