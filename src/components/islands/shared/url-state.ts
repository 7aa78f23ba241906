/**
 * Declarative URL state for islands (the idea of TensorFlow Playground's state table, typed):
 * each island lists its fields once, with kind, default and bounds; parsing and serialising
 * follow from that table. Keys carry the island's prefix (`neurone.w1=0.5`) so several islands
 * share one query string. Pure: no DOM, unit-tested.
 */

export type FieldSpec =
  | { readonly kind: 'number'; readonly default: number; readonly min: number; readonly max: number }
  | { readonly kind: 'int'; readonly default: number; readonly min: number; readonly max: number }
  | { readonly kind: 'enum'; readonly default: string; readonly options: readonly string[] }
  | { readonly kind: 'bool'; readonly default: boolean }
  /**
   * A list of numbers written `1,2.5,-3` (one field for a whole weight matrix or a list of layer
   * widths); `integer` restricts the items to integers; the empty list is the empty string.
   */
  | {
      readonly kind: 'numberList';
      readonly default: readonly number[];
      readonly min: number;
      readonly max: number;
      readonly minLength: number;
      readonly maxLength: number;
      readonly integer?: boolean;
    };

export type Schema = Readonly<Record<string, FieldSpec>>;

/** The state type a schema describes: numbers, booleans, and the union of an enum's options. */
export type StateOf<S extends Schema> = {
  -readonly [K in keyof S]: S[K] extends { kind: 'enum'; options: readonly (infer O)[] }
    ? O
    : S[K] extends { kind: 'bool' }
      ? boolean
      : S[K] extends { kind: 'numberList' }
        ? number[]
        : number;
};

/** A parameter that was present but unusable, with what was received. */
export interface InvalidParam {
  readonly key: string;
  readonly received: string;
}

export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  const out: Record<string, unknown> = {};
  // Lists are copied, so that an island editing its state never edits the schema's default.
  for (const [k, spec] of Object.entries(schema))
    out[k] = spec.kind === 'numberList' ? [...spec.default] : spec.default;
  return out as StateOf<S>;
}

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function parseField(spec: FieldSpec, raw: string): unknown {
  switch (spec.kind) {
    case 'number': {
      // Number('') is 0 and Number(' 1 ') is 1: require a plain decimal literal.
      if (!DECIMAL.test(raw)) return undefined;
      const v = Number(raw);
      return Number.isFinite(v) && v >= spec.min && v <= spec.max ? v : undefined;
    }
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return undefined;
      const v = Number(raw);
      return Number.isSafeInteger(v) && v >= spec.min && v <= spec.max ? v : undefined;
    }
    case 'enum':
      return spec.options.includes(raw) ? raw : undefined;
    case 'bool':
      return raw === '1' ? true : raw === '0' ? false : undefined;
    case 'numberList': {
      const items = raw === '' ? [] : raw.split(',');
      if (items.length < spec.minLength || items.length > spec.maxLength) return undefined;
      const values = items.map((item) =>
        parseField(
          spec.integer
            ? { kind: 'int', default: 0, min: spec.min, max: spec.max }
            : { kind: 'number', default: 0, min: spec.min, max: spec.max },
          item,
        ),
      );
      return values.every((v) => v !== undefined) ? (values as number[]) : undefined;
    }
  }
}

/**
 * Reads the fields of `schema` under `prefix` from `params`. Missing fields keep their value
 * in `base` (the defaults, or the settings a chapter chose); present but malformed or
 * out-of-range fields keep it too and are reported in `invalid`, so the island can show a
 * notice instead of breaking.
 */
export function parseState<S extends Schema>(
  schema: S,
  prefix: string,
  params: URLSearchParams,
  base: StateOf<S> = defaultState(schema),
): { state: StateOf<S>; invalid: InvalidParam[] } {
  const state = Object.fromEntries(
    Object.entries(base).map(([k, v]) => [k, Array.isArray(v) ? [...(v as unknown[])] : v]),
  ) as Record<string, unknown>;
  const invalid: InvalidParam[] = [];
  for (const [k, spec] of Object.entries(schema)) {
    const key = `${prefix}.${k}`;
    const raw = params.get(key);
    if (raw === null) continue;
    const v = parseField(spec, raw);
    if (v === undefined) invalid.push({ key, received: raw });
    else state[k] = v;
  }
  return { state: state as StateOf<S>, invalid };
}

/**
 * Writes every field of `state` under `prefix` into a copy of `params` (other islands' keys
 * are kept). All fields are written, defaults included, so a shared link keeps its meaning
 * even if a default changes later.
 */
export function serializeState<S extends Schema>(
  schema: S,
  prefix: string,
  state: StateOf<S>,
  params: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const out = new URLSearchParams(params);
  const values = state as Record<string, unknown>;
  for (const [k, spec] of Object.entries(schema)) {
    const v = values[k];
    out.set(
      `${prefix}.${k}`,
      spec.kind === 'bool' ? (v ? '1' : '0') : spec.kind === 'numberList' ? (v as number[]).join(',') : String(v),
    );
  }
  return out;
}

/** Only this island's keys, for a permalink that does not drag other islands' state along. */
export function islandParams(prefix: string, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (k.startsWith(`${prefix}.`)) out.set(k, v);
  return out;
}
