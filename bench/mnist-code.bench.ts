/**
 * `npm run bench`: chapter 9's fast-engine code block (`mlp-rapide`, a 784-128-10 trained by
 * `fastMlp`, the course's fast engine, with the MNIST island's preset: Adam 0.008 decaying linearly
 * to 0, batches of 128, 4 epochs) run whole, as the chapter tells the reader to: its `TRAIN` subset, which keeps
 * the doc-test short, set to all 60,000 training images. Run by `runCode`, the runtime of the
 * doc-tests and of the browser's worker, in Node on WASM (one thread). Prints the block's test
 * accuracy, the training time (from the last « MNIST » progress line, data loaded, to the last
 * epoch's) and the whole run's time. Asserts only that the run finished and reported.
 */
import { expect, test } from 'vitest';
import type { OutputMessage } from '../src/nn/index';
import { runCode } from '../src/runnable/run-code';
import { fullMnistCodeBlock, MNIST_CODE_FILE } from './mnist-code-block';

test('chapter 9: the fast-engine block on all of MNIST', async () => {
  const { source, line } = fullMnistCodeBlock();

  const timed: { at: number; message: OutputMessage }[] = [];
  const started = performance.now();
  const result = await runCode(source, { emit: (message) => timed.push({ at: performance.now(), message }) });
  const total = performance.now() - started;
  expect(result.error).toBeUndefined();

  const lastAt = (label: string) =>
    timed.findLast(({ message }) => message.kind === 'progress' && message.label === label)?.at;
  const loaded = lastAt('MNIST');
  const trained = lastAt('Époques');
  const accuracyLine = timed
    .map(({ message }) => (message.kind === 'text' ? message.text : ''))
    .find((text) => text.startsWith('Exactitude'));
  expect(loaded && trained && accuracyLine).toBeTruthy();
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.table([
    {
      bloc: `${MNIST_CODE_FILE}:${line} mlp-rapide, TRAIN = 60_000`,
      exactitude: accuracyLine!.replace(/^.*:\s*/, ''),
      'entraînement (données chargées → dernière époque)': s(trained! - loaded!),
      'exécution entière': s(total),
    },
  ]);
});
