import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromRows } from '../../../src/nn/math/matrix';
import { checkClose, checkEqual } from '../../../src/nn/output/check';
import { formatNumberPlain, formatValue } from '../../../src/nn/output/format-value';
import { plotHeatmap, plotLines, plotScatter, progress, showImage } from '../../../src/nn/output/plot';
import { print, table } from '../../../src/nn/output/print';
import { emit, setOutputSink } from '../../../src/nn/output/sink';
import { captureOutput } from './capture-output';
import { messageToText, outputToText } from '../../../src/nn/output/text';

const text = (f: () => void): string => outputToText(captureOutput(f));

describe('formatValue', () => {
  it.each([
    [3.75, '3.75'],
    [0.9770226, '0.977'],
    [0.24243, '0.2424'],
    [0.0889, '0.0889'],
    [1, '1'],
    [-2.5, '-2.5'],
    [120, '120'],
    [123456, '123456'],
    [12345.67, '12346'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-5'],
    [1e-7, '1e-7'],
    [1e6, '1e+6'],
    [1234567, '1.235e+6'],
    [999999.7, '1e+6'],
    [0, '0'],
    [-0, '0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
  ])('%s → %s', (x, s) => {
    expect(formatNumberPlain(x)).toBe(s);
  });

  it('writes arrays, nested arrays, typed arrays, matrices and objects', () => {
    expect(formatValue([0.24243, 0.0889])).toBe('[0.2424, 0.0889]');
    expect(
      formatValue([
        [1, 2],
        [3, 4.5],
      ]),
    ).toBe('[[1, 2], [3, 4.5]]');
    expect(formatValue(new Float64Array([0.5, 1]))).toBe('[0.5, 1]');
    expect(
      formatValue(
        fromRows([
          [1, 2],
          [3, 4],
        ]),
      ),
    ).toBe('[[1, 2], [3, 4]]');
    expect(formatValue({ a: 1, b: [1, 2], c: 'x' })).toBe('{ a: 1, b: [1, 2], c: "x" }');
    expect(formatValue('texte')).toBe('texte');
    expect(formatValue(['a'])).toBe('["a"]');
    expect(formatValue(true)).toBe('true');
    expect(formatValue(undefined)).toBe('undefined');
    expect(formatValue(null)).toBe('null');
    expect(formatValue({})).toBe('{}');
  });

  it('shortens long arrays and survives cycles', () => {
    const long = Array.from({ length: 101 }, (_, i) => i);
    expect(formatValue(long)).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, …, 98, 99, 100] (101 valeurs)');
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toBe('{ self: { self: { self: { self: {…} } } } }');
  });

  it('uses an instance’s own toString', () => {
    class Thing {
      toString(): string {
        return 'Thing(1)';
      }
    }
    expect(formatValue([new Thing()])).toBe('[Thing(1)]');
  });
});

describe('print and table', () => {
  it('joins values with spaces, numbers at 4 significant digits', () => {
    expect(text(() => print('z =', 3.75, [0.9770226]))).toBe('z = 3.75 [0.977]');
    expect(captureOutput(() => print())).toEqual([{ kind: 'text', text: '' }]);
  });

  it('prints a matrix or number[][] as a table of aligned columns', () => {
    const messages = captureOutput(() =>
      print(
        'W',
        fromRows([
          [1, -0.5],
          [10.25, 2],
        ]),
      ),
    );
    expect(messages.map((m) => m.kind)).toEqual(['text', 'table']);
    expect(outputToText(messages)).toBe('W\n    1  -0.5\n10.25     2');
    expect(captureOutput(() => print([[1, 2]]))[0]!.kind).toBe('table');
  });

  it('tabulates rows of objects with their keys as headers, strings left-aligned', () => {
    const t = text(() =>
      table(
        [
          { nom: 'sigmoid', max: 0.25 },
          { nom: 'tanh', max: 1 },
        ],
        { caption: 'Dérivées' },
      ),
    );
    expect(t).toBe('Dérivées\nnom       max\nsigmoid  0.25\ntanh        1');
  });
});

describe('plots, images, progress', () => {
  it('sums a line plot up on one line', () => {
    const x = [0, 1, 2];
    const t = text(() =>
      plotLines(
        [
          { name: 'sigmoid', x, y: [0.5, 0.73, 0.88] },
          { name: 'tanh', x, y: [0, 0.76, 0.96] },
        ],
        { title: 'Activations' },
      ),
    );
    expect(t).toBe('[graphique en courbes, 2 séries (sigmoid, tanh), 3 points chacune — Activations]');
    expect(text(() => plotLines([3, 2, 1]))).toBe('[graphique en courbes, 1 série (série 1), 3 points]');
    expect(() => plotLines({ name: 'a', x: [1], y: [1, 2] })).toThrow(/1 valeurs de x pour 2/);
  });

  it('splits a labelled 2D dataset into one series per class', () => {
    const messages = captureOutput(() =>
      plotScatter({
        X: fromRows([
          [0, 0],
          [1, 1],
          [2, 2],
        ]),
        labels: [0, 1, 0],
      }),
    );
    expect(messages[0]).toMatchObject({
      type: 'scatter',
      series: [
        { name: 'classe 0', x: [0, 2] },
        { name: 'classe 1', y: [1] },
      ],
    });
    expect(outputToText(messages)).toBe('[nuage de points, 2 séries (classe 0, classe 1), 3 points en tout]');
  });

  it('gives a heat map’s size and range', () => {
    expect(
      text(() =>
        plotHeatmap(
          fromRows([
            [0, -1],
            [0.5, 2],
          ]),
        ),
      ),
    ).toBe('[carte de chaleur 2 × 2, valeurs de -1 à 2]');
  });

  it('keeps only the axis options, so every message survives postMessage (structured clone)', () => {
    const options = { title: 'T', onClick: () => {} } as unknown as { title: string };
    const messages = captureOutput(() => {
      plotLines([1, 2], options);
      plotScatter([1, 2], options);
      plotHeatmap([[1]], options);
    });
    for (const m of messages) {
      expect(m).not.toHaveProperty('onClick');
      expect(structuredClone(m)).toEqual(m);
    }
  });

  it('writes large tables and heat maps without spreading them into arguments', () => {
    const big = Array.from({ length: 600 }, (_, i) => Array.from({ length: 600 }, (_, j) => i - j));
    expect(text(() => plotHeatmap(big))).toBe('[carte de chaleur 600 × 600, valeurs de -599 à 599]');
    const rows = Array.from({ length: 200_000 }, (_, i) => [i]);
    expect(text(() => table(rows)).split('\n')).toHaveLength(200_000);
  });

  it('scales 0..255 images to 0..1 and checks their size', () => {
    const [m] = captureOutput(() => showImage([0, 255, 51, 0], { width: 2, height: 2, caption: 'un 5' }));
    expect(m).toEqual({ kind: 'image', width: 2, height: 2, pixels: [0, 1, 0.2, 0], caption: 'un 5' });
    expect(messageToText(m!)).toBe('[image 2 × 2 — un 5]');
    expect(text(() => showImage(new Float64Array(784)))).toBe('[image 28 × 28]');
    expect(() => showImage([1, 2, 3])).toThrow(/3 pixels pour 28 × 28/);
  });

  it('keeps the last progress line of each label, in place', () => {
    const t = text(() => {
      progress('époque', 1, 3, 'perte 0.5');
      print('milieu');
      progress('époque', 3, 3, 'perte 0.25');
    });
    expect(t).toBe('époque\u00a0: 3/3 perte 0.25\nmilieu');
  });
});

describe('checks', () => {
  it('passes within the tolerance, element by element', () => {
    const messages = captureOutput(() => {
      expect(checkClose('proche', 0.1 + 0.2, 0.3)).toBe(true);
      expect(checkClose('tableau', [1, 2.0000001], new Float64Array([1, 2]), 1e-6)).toBe(true);
      expect(checkClose('loin', 0.25, 0.2500001, 1e-9)).toBe(false);
      expect(checkClose('forme', [1, 2], [1, 2, 3])).toBe(false);
      expect(checkClose('NaN', NaN, NaN)).toBe(true);
      expect(checkClose('pas un nombre', undefined, 1)).toBe(false);
    });
    expect(messages.map((m) => (m.kind === 'check' ? m.pass : null))).toEqual([true, true, false, false, true, false]);
    // values that read the same at 4 digits are shown in full when they differ
    expect(messageToText(messages[2]!)).toBe('✗ loin — attendu 0.2500001\u202f; reçu 0.25');
    expect(messageToText(messages[0]!)).toBe('✓ proche');
  });

  it('compares deeply for checkEqual', () => {
    const results = captureOutput(() => {
      checkEqual('objets', { a: [1, 2], b: 'x' }, { a: [1, 2], b: 'x' });
      checkEqual('différents', [0, 0, 0, 1], [0, 0, 0, 0]);
      checkEqual('clé en trop', { a: 1, b: 2 }, { a: 1 });
    });
    expect(results.map((m) => (m.kind === 'check' ? m.pass : null))).toEqual([true, false, false]);
    expect(messageToText(results[1]!)).toBe('✗ différents — attendu [0, 0, 0, 0]\u202f; reçu [0, 0, 0, 1]');
  });
});

describe('sink', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints text on the console by default, and setOutputSink returns the previous sink', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    emit({ kind: 'notice', text: 'coupé' });
    expect(log).toHaveBeenCalledWith('coupé');
    const mine = (): void => {};
    const previous = setOutputSink(mine);
    expect(setOutputSink(previous)).toBe(mine);
  });

  it('does not loop when console.log is routed back to print', () => {
    const log = vi.spyOn(console, 'log').mockImplementation((...v: unknown[]) => print(...v));
    print('une fois');
    expect(log).toHaveBeenCalledTimes(1);
  });
});
