import { describe, expect, it, test } from 'vitest';
import { randomValue } from './random-state';
import { createRng } from '../../../../src/nn/data/rng';
import { neuronSchema, parseNeuronState } from '../../../../src/components/islands/neurone/state';
import {
  defaultState,
  islandParams,
  parseState,
  serializeState,
  type FieldSpec,
  type InvalidParam,
  type Schema,
  type StateOf,
} from '../../../../src/components/islands/shared/url-state';

type AnyState = Record<string, unknown>;
interface IslandCase {
  readonly name: string;
  readonly schema: Schema;
  readonly prefix: string;
  parse(params: URLSearchParams): { state: AnyState; invalid: readonly InvalidParam[] };
  serialize(state: AnyState): URLSearchParams;
}

// Every island's state.ts, found by name (a new island is covered without editing this file):
// its schema is the export ending in "Schema", its prefix the one ending in "_PREFIX".
const stateModules = import.meta.glob<Record<string, unknown>>('../../../../src/components/islands/*/state.ts', {
  eager: true,
});
const islands: IslandCase[] = Object.entries(stateModules).map(([path, m]) => {
  const schema = Object.entries(m).find(([k]) => k.endsWith('Schema'))?.[1] as Schema;
  const prefix = Object.entries(m).find(([k]) => k.endsWith('_PREFIX'))?.[1] as string;
  return {
    name: path.split('/').at(-2)!,
    schema,
    prefix,
    parse: (params) => parseState(schema, prefix, params),
    serialize: (state) => serializeState(schema, prefix, state as StateOf<Schema>),
  };
});

test('every island folder with a state.ts is covered, each with its schema and prefix', () => {
  expect(islands.length).toBeGreaterThanOrEqual(15);
  for (const { schema, prefix } of islands) {
    expect(typeof prefix).toBe('string');
    expect(Object.keys(schema).length).toBeGreaterThan(0);
  }
  expect(new Set(islands.map((i) => i.prefix)).size).toBe(islands.length);
});

/** Text that must be rejected for a field of this spec. */
function malformed(spec: FieldSpec): string[] {
  switch (spec.kind) {
    case 'number':
      return [
        'abc',
        '',
        ' 1',
        '1 ',
        '0x10',
        '1e999',
        '-1e999',
        'NaN',
        'Infinity',
        String(spec.max + 1),
        String(spec.min - 1),
      ];
    case 'int':
      return ['1.5', 'abc', '', ' 1', '0x10', '1e2', '9007199254740993', String(spec.max + 1), String(spec.min - 1)];
    case 'enum':
      // (an upper-cased option is only wrong when it differs: '32' stays '32')
      return ['nope', '', ` ${spec.options[0]}`, spec.options[0]!.toUpperCase(), 'toString'].filter(
        (text) => !spec.options.includes(text),
      );
    case 'bool':
      return ['true', 'false', 'yes', '', '2'];
    case 'numberList': {
      const n = Math.max(spec.minLength, 2);
      const valid = Array.from({ length: n }, () => String(spec.min));
      const withItem = (bad: string) => [bad, ...valid.slice(1)].join(',');
      const cases = [
        valid.join(';'),
        valid.join(', '),
        `${valid.join(',')},`,
        withItem(''),
        withItem('abc'),
        withItem('NaN'),
        withItem('1e999'),
        withItem(String(spec.max + 1)),
        withItem(String(spec.min - 1)),
        Array.from({ length: spec.maxLength + 1 }, () => String(spec.min)).join(','),
      ];
      if (spec.minLength > 0) cases.push(valid.slice(0, spec.minLength - 1).join(','));
      if (spec.integer) cases.push(withItem(String(spec.min + 0.5)));
      return cases;
    }
  }
}

describe.each(islands)('$name island state', ({ schema, prefix, parse, serialize }) => {
  const defaults = defaultState(schema) as AnyState;
  const keys = Object.keys(schema);

  it('defaults are valid values of their own fields', () => {
    const { state, invalid } = parse(serializeState(schema, prefix, defaults as StateOf<Schema>));
    expect(invalid).toEqual([]);
    expect(state).toEqual(Object.fromEntries(keys.map((k) => [k, schema[k]!.default])));
  });

  it('an empty query gives the defaults, and serialising writes every field under the prefix', () => {
    expect(parse(new URLSearchParams())).toEqual({ state: defaults, invalid: [] });
    const params = serialize(defaults);
    expect([...params.keys()].sort()).toEqual(keys.map((k) => `${prefix}.${k}`).sort());
  });

  it('parse(serialize(s)) = s for 500 random valid states', () => {
    const rng = createRng(2024);
    for (let i = 0; i < 500; i++) {
      const s = Object.fromEntries(keys.map((k) => [k, randomValue(schema[k]!, rng)]));
      const { state, invalid } = parse(serialize(s));
      expect(invalid).toEqual([]);
      expect(state).toEqual(s);
    }
  });

  describe.each(keys)('field %s', (key) => {
    it.each(malformed(schema[key]!))('rejects «%s»: default kept, reported with the text', (bad) => {
      const params = new URLSearchParams();
      params.set(`${prefix}.${key}`, bad);
      const { state, invalid } = parse(params);
      expect(state).toEqual(defaults);
      expect(invalid).toEqual([{ key: `${prefix}.${key}`, received: bad }]);
    });
  });

  it("ignores other prefixes' keys, keeps them when serialising, and islandParams drops them", () => {
    const foreign = new URLSearchParams('autre.lr=abc&x=1&' + `${prefix}x.seed=3&${prefix}=1`);
    expect(parse(foreign)).toEqual({ state: defaults, invalid: [] });
    const merged = serializeState(schema, prefix, defaults as StateOf<Schema>, foreign);
    for (const [k, v] of foreign) expect(merged.get(k)).toBe(v);
    expect(foreign.has(`${prefix}.${keys[0]}`)).toBe(false); // the input is not modified
    const own = islandParams(prefix, merged);
    expect([...own.keys()].sort()).toEqual(keys.map((k) => `${prefix}.${k}`).sort());
    expect(parse(own)).toEqual({ state: defaults, invalid: [] });
  });
});

describe('neurone island, a hand-written broken link', () => {
  it('?neurone.w1=abc&neurone.act=nope&neurone.w2=1 keeps w2 and reports the two others', () => {
    const { state, invalid } = parseNeuronState(new URLSearchParams('?neurone.w1=abc&neurone.act=nope&neurone.w2=1'));
    expect(state.w1).toBe(neuronSchema.w1.default);
    expect(state.act).toBe(neuronSchema.act.default);
    expect(state.w2).toBe(1);
    expect(invalid).toEqual([
      { key: 'neurone.w1', received: 'abc' },
      { key: 'neurone.act', received: 'nope' },
    ]);
  });

  it('accepts the decimal forms a reader may type: -.5, 2., 1e-1', () => {
    const { state, invalid } = parseNeuronState(new URLSearchParams('neurone.w1=-.5&neurone.w2=2.&neurone.b=1e-1'));
    expect(invalid).toEqual([]);
    expect([state.w1, state.w2, state.b]).toEqual([-0.5, 2, 0.1]);
  });
});

describe('numberList fields (generic schema)', () => {
  const schema = {
    widths: { kind: 'numberList', integer: true, default: [4, 4], min: 1, max: 100, minLength: 0, maxLength: 3 },
    w: { kind: 'numberList', default: [0.5, -1], min: -2, max: 2, minLength: 2, maxLength: 2 },
  } as const satisfies Schema;

  it('writes a list as comma-separated numbers, the empty list as nothing, and reads them back', () => {
    const params = serializeState(schema, 'demo', { widths: [], w: [0.1, -2] });
    expect(params.get('demo.widths')).toBe('');
    expect(params.get('demo.w')).toBe('0.1,-2');
    expect(parseState(schema, 'demo', params)).toEqual({ state: { widths: [], w: [0.1, -2] }, invalid: [] });
    const url = new URLSearchParams('demo.widths=16,16,16&demo.w=-.5%2C2.');
    expect(parseState(schema, 'demo', url).state).toEqual({ widths: [16, 16, 16], w: [-0.5, 2] });
  });

  it('keeps every float exactly (shortest round-trip text)', () => {
    const w = [0.1 + 0.2, -1 / 3];
    expect(parseState(schema, 'demo', serializeState(schema, 'demo', { widths: [1], w })).state.w).toEqual(w);
  });

  it('never shares its default array: editing a state leaves the schema and later states alone', () => {
    const a = defaultState(schema);
    a.widths.push(9);
    expect(schema.widths.default).toEqual([4, 4]);
    expect(defaultState(schema).widths).toEqual([4, 4]);
    const { state } = parseState(schema, 'demo', new URLSearchParams(), a);
    state.widths.push(1);
    expect(a.widths).toEqual([4, 4, 9]);
  });

  it.each(malformed(schema.widths))('widths rejects «%s»', (bad) => {
    const { state, invalid } = parseState(schema, 'demo', new URLSearchParams({ 'demo.widths': bad }));
    expect(state).toEqual(defaultState(schema));
    expect(invalid).toEqual([{ key: 'demo.widths', received: bad }]);
  });

  it.each(malformed(schema.w))('w rejects «%s»', (bad) => {
    const { state, invalid } = parseState(schema, 'demo', new URLSearchParams({ 'demo.w': bad }));
    expect(state).toEqual(defaultState(schema));
    expect(invalid).toEqual([{ key: 'demo.w', received: bad }]);
  });
});

describe('bool fields (generic schema)', () => {
  const schema = {
    on: { kind: 'bool', default: false },
    n: { kind: 'int', default: 3, min: 0, max: 9 },
  } as const satisfies Schema;

  it.each([true, false])('round-trips %s as 1 / 0', (on) => {
    const params = serializeState(schema, 'demo', { on, n: 4 });
    expect(params.get('demo.on')).toBe(on ? '1' : '0');
    expect(parseState(schema, 'demo', params)).toEqual({ state: { on, n: 4 }, invalid: [] });
  });

  it.each(malformed(schema.on))('rejects «%s»', (bad) => {
    const { state, invalid } = parseState(schema, 'demo', new URLSearchParams({ 'demo.on': bad }));
    expect(state).toEqual({ on: false, n: 3 });
    expect(invalid).toEqual([{ key: 'demo.on', received: bad }]);
  });
});
