/**
 * The training life cycle (src/training/session.ts) in Node on tfjs's CPU backend, as a worker
 * runs it: every epoch reported once and in order across a pause; pause holds, resume goes on,
 * stop from a pause ends the run; a newer start makes the older run stale (it stops, and nothing
 * of it is posted afterwards); reset and the end of a run leave no tensor behind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../src/nn/tf/backend';
import { TrainingSession, type TrainingTask } from '../../../src/training/session';
import type { FromTrainer } from '../../../src/training/protocol';
import { createRng } from '../../../src/nn/data/rng';
import { initWeights } from '../../../src/nn/math/init';
import { xor, xorSpec } from '../nn/tf/tf-fixtures';

interface Report {
  readonly epoch?: number;
  readonly paused?: true;
  readonly status?: string;
}

const caps: Capabilities = { webgpu: 'none', webgl: 'none', wasm: false };
const weights = initWeights(xorSpec, createRng(1), 'xavier');

const task: TrainingTask<{ epochs: number }, never, Report> = {
  async run(job, ctx) {
    await ctx.engine();
    const model = await ctx.model(xorSpec, weights);
    const { result } = await ctx.train(model, {
      ...xor,
      optimizer: { name: 'adam', learningRate: 0.05 },
      batchSize: 4,
      epochs: job.epochs,
      seed: 1,
      afterEpoch: (r) => ctx.report({ epoch: r.epoch }),
      onPause: () => ctx.report({ paused: true }),
    });
    ctx.disposeModel();
    ctx.report({ status: result.status });
  },
};

function session() {
  const posts: FromTrainer<Report>[] = [];
  const s = new TrainingSession(task, (m) => posts.push(m));
  const epochs = (runId: number) =>
    posts.flatMap((m) => (m.type === 'report' && m.runId === runId && m.report.epoch ? [m.report.epoch] : []));
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise((r) => setTimeout(r, 5));
  };
  return { s, posts, epochs, until };
}

describe('the training life cycle (worker side) on tfjs CPU', () => {
  const sessions: TrainingSession<{ epochs: number }, never, Report>[] = [];
  afterAll(() => sessions.forEach((s) => s.reset(-1)));

  it('pause holds the epoch, resume goes on, stop from the pause ends it; no tensor is left', async () => {
    const { s, posts, epochs, until } = session();
    sessions.push(s);
    const done = s.start(1, 'cpu', caps, { epochs: 100_000 }, performance.timeOrigin + performance.now());
    await until(() => epochs(1).length >= 3);
    s.pause(1);
    await until(() => posts.some((m) => m.type === 'report' && m.report.paused));
    const held = epochs(1).length;
    await new Promise((r) => setTimeout(r, 50));
    expect(epochs(1).length).toBe(held);
    s.resume(1);
    await until(() => epochs(1).length >= held + 3);
    s.pause(1);
    await until(() => posts.filter((m) => m.type === 'report' && m.report.paused).length === 2);
    s.stop(1);
    await done;
    const numbers = epochs(1);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const last = posts.at(-1)!;
    expect(last.type).toBe('end');
    expect(posts.some((m) => m.type === 'report' && m.report.status === 'stopped')).toBe(true);
    expect(last.tensors).toBe(0);
  });

  it('a newer start makes the older run stale: it stops and posts nothing more; reset frees the model', async () => {
    const { s, posts, epochs, until } = session();
    sessions.push(s);
    const first = s.start(1, 'cpu', caps, { epochs: 100_000 }, performance.timeOrigin + performance.now());
    await until(() => epochs(1).length >= 2);
    const second = s.start(2, 'cpu', caps, { epochs: 5 }, performance.timeOrigin + performance.now());
    await Promise.all([first, second]);
    const firstOfSecond = posts.findIndex((m) => 'runId' in m && m.runId === 2);
    expect(posts.slice(firstOfSecond).filter((m) => 'runId' in m && m.runId === 1)).toEqual([]);
    expect(epochs(2)).toEqual([1, 2, 3, 4, 5]);
    expect(posts.at(-1)).toMatchObject({ type: 'end', runId: 2, tensors: 0 });

    const third = s.start(3, 'cpu', caps, { epochs: 100_000 }, performance.timeOrigin + performance.now());
    await until(() => epochs(3).length >= 2);
    s.reset(4);
    await third;
    expect(posts.at(-1)).toMatchObject({ type: 'memory', runId: 4, tensors: 0 });
    expect(posts.some((m) => m.type === 'end' && m.runId === 3)).toBe(false);
  });

  it('a task answers its inputs with notices, outside any run: none is dropped, whichever run is current', async () => {
    type Input = { ask: string };
    const answers: FromTrainer<Report, string>[] = [];
    const echo: TrainingTask<{ epochs: number }, Input, Report, string> = {
      ...task,
      input: ({ ask }, notify) => {
        notify(`${ask} ?`);
        setTimeout(() => notify(`${ask} !`), 1);
      },
    };
    const s = new TrainingSession(echo, (m) => answers.push(m));
    s.input({ ask: 'avant' });
    await s.start(1, 'cpu', caps, { epochs: 2 }, performance.timeOrigin + performance.now());
    await s.reset(2); // run 1 is stale now: the notices do not depend on it
    s.input({ ask: 'après' });
    await new Promise((r) => setTimeout(r, 10));
    const notices = answers.filter((m) => m.type === 'notice');
    expect(new Set(notices.map((m) => m.notice))).toEqual(new Set(['avant ?', 'avant !', 'après ?', 'après !']));
    expect(notices).toHaveLength(4);
    expect(notices.every((m) => !('runId' in m) && m.tensors !== undefined)).toBe(true);
  });
});
