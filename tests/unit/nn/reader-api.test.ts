import { describe, expect, it } from 'vitest';
import * as nn from '../../../src/nn';
import { captureOutput } from './capture-output';

/** Runs `f` with the sink collecting messages; returns their text, as a doc-test compares it. */
function output(f: () => void): string {
  return nn.outputToText(captureOutput(f));
}

describe('the Reader API exported by src/nn', () => {
  it('offers the names the runnable blocks use', () => {
    const names = [
      'print',
      'table',
      'plotLines',
      'plotScatter',
      'plotHeatmap',
      'showImage',
      'progress',
      'drawGraph',
      'checkClose',
      'checkEqual',
      'setOutputSink',
      'messageToText',
      'formatValue',
      'linspace',
      'Value',
      'mlp',
      'fit',
      'tanh',
      'sigmoid',
      'relu',
      'gelu',
      'softmax',
      'weightedSum',
      'neuronOutput',
    ];
    for (const name of names) expect(typeof (nn as Record<string, unknown>)[name], name).toBe('function');
    expect(typeof nn.activations.sigmoid.df).toBe('function');
  });

  it('keeps the internal helpers of its files out of the readers’ scope', () => {
    for (const name of ['closeTo', 'deepEqual', 'isMatrixLike', 'tableMessage', 'toSeries', 'topologicalOrder'])
      expect(name in nn, name).toBe(false);
  });

  it('runs the chapter’s neuron example', () => {
    const text = output(() => {
      const z = nn.weightedSum([0.6, 0.25, 0.15], [7, -3, 2]);
      nn.print(z);
      nn.print(nn.sigmoid(z));
      nn.print(nn.softmax([2, 1, -1, 3]));
    });
    expect(text).toBe('3.75\n0.977\n[0.2418, 0.08895, 0.01204, 0.6572]');
  });

  it('runs the sigmoid-derivative exercise’s check through the library', () => {
    const text = output(() => {
      for (const z of nn.linspace(-6, 6, 3)) {
        const s = nn.sigmoid(z);
        nn.checkClose(`sigmoidPrime(${z})`, s * (1 - s), nn.activations.sigmoid.df(z), 1e-9);
      }
      nn.checkClose('faux', 0, nn.activations.sigmoid.df(0));
    });
    expect(text).toBe('✓ sigmoidPrime(-6)\n✓ sigmoidPrime(0)\n✓ sigmoidPrime(6)\n✗ faux — attendu 0.25\u202f; reçu 0');
  });

  it('prints a Value and the tanh function agrees with the activation', () => {
    expect(output(() => nn.print(new nn.Value(2, 'a').tanh()))).toBe('Value(data=0.964, grad=0)');
    expect(nn.tanh(0.5)).toBe(nn.activations.tanh.f(0.5));
  });
});
