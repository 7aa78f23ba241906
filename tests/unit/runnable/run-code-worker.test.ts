// The worker entry in Node: globalThis stands for the worker scope (postMessage, onmessage).
import { expect, test, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../../../src/runnable/protocol';

test('the worker says ready, posts a run’s output in batches (progress merged), then done', async () => {
  const posted: FromWorker[] = [];
  const scope = globalThis as unknown as {
    postMessage: (m: FromWorker) => void;
    onmessage: (e: { data: ToWorker }) => Promise<void>;
  };
  scope.postMessage = (m) => posted.push(m);
  await import('../../../src/runnable/worker');
  expect(posted).toEqual([{ type: 'ready' }]);

  const source = 'print("a");\nfor (let i = 1; i <= 50; i++) progress("Époques", i, 50);\nprint("b");\nprint(nope);';
  await scope.onmessage({ data: { type: 'run', runId: 'r1', source, siteBase: 'http://127.0.0.1/' } });
  await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'));

  const outputs = posted.filter((m) => m.type === 'output');
  // Fifty-two messages, a few posts at most (16 ms each), the 50 progress updates merged.
  expect(outputs.length).toBeLessThanOrEqual(3);
  const messages = outputs.flatMap((m) => m.messages);
  expect(messages[0]).toEqual({ kind: 'text', text: 'a' });
  // The first message is posted alone, at once: a print before a silent infinite loop still shows.
  expect(outputs[0]!.messages).toEqual([{ kind: 'text', text: 'a' }]);
  expect(messages.filter((m) => m.kind === 'progress').length).toBeLessThan(50);
  expect(messages.at(-1)).toEqual({ kind: 'text', text: 'b' });
  expect(outputs.every((m) => m.runId === 'r1')).toBe(true);
  const done = posted.at(-1);
  expect(done).toMatchObject({ type: 'done', runId: 'r1', result: { ok: false, error: { kind: 'runtime', line: 4 } } });
});
