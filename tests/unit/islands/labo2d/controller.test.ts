/**
 * The lab's conductor in Node, its animation frames run by hand: the view it pushes after a
 * pause or a step shows the heat map and the scores of the weights where the run stopped (drawn
 * a slice per frame from a copy, while training went on), the loop ends when nothing is left to
 * do, and a reset or an unmount stops everything.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accuracy, confusionMatrix, predict } from '../../../../src/nn';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { labSchema, type LabState } from '../../../../src/components/islands/labo2d/state';
import { classesOf } from '../../../../src/components/islands/labo2d/data';
import { LabController, type LabView } from '../../../../src/components/islands/labo2d/controller';
import { gridProbabilities } from '../../../../src/components/islands/labo2d/heatmap';

let frames: Map<number, FrameRequestCallback>;
let next = 0;
beforeEach(() => {
  frames = new Map();
  vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (frames.set(++next, f), next));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => vi.unstubAllGlobals());

/** Runs the pending frame(s), `n` times or until none is left; returns how many ran. */
function runFrames(n = Infinity): number {
  let ran = 0;
  while (frames.size && ran < n) {
    const [id, f] = frames.entries().next().value!;
    frames.delete(id);
    f(0);
    ran++;
  }
  return ran;
}

const s = { ...defaultState(labSchema), donnees: 'spiral', couches: [16, 16, 16] } as LabState;

function expectViewOfWeights(lab: LabController, view: LabView) {
  expect(view.probs).toEqual(gridProbabilities(lab.spec, lab.weights));
  for (const split of ['train', 'test'] as const) {
    const { X, labels } = lab.data[split];
    const predicted = classesOf(predict(lab.spec, lab.weights, X));
    expect(view.metrics![split]).toEqual({
      accuracy: accuracy(labels, predicted),
      confusion: confusionMatrix(labels, predicted, 2),
    });
  }
}

describe('the lab controller', () => {
  it('after a pause, shows the map and the scores of the weights where the run stopped', () => {
    let pushed: LabView | null = null;
    const lab = new LabController((v) => (pushed = { ...v, train: v.train.slice() }));
    lab.reset(s);
    lab.play();
    while (lab.epoch < 30) runFrames(1);
    lab.pause();
    expect(pushed!.status).toBe('pause');
    expect(pushed!.train.length).toBe(lab.epoch);
    const epochs = lab.epoch;
    expect(runFrames(1000)).toBeLessThan(1000); // the loop ends once the map is drawn
    expect(lab.epoch).toBe(epochs);
    expectViewOfWeights(lab, pushed!);
  });

  it('one epoch, then the map of its weights; a reset clears the run', () => {
    let pushed: LabView | null = null;
    const lab = new LabController((v) => (pushed = { ...v, train: v.train.slice() }));
    lab.reset(s);
    lab.step();
    expect(pushed!.train.length).toBe(1);
    expect(pushed!.status).toBe('pause');
    runFrames();
    expectViewOfWeights(lab, pushed!);
    lab.play();
    runFrames(3);
    lab.reset(s);
    expect(frames.size).toBe(0);
    expect(pushed!.train).toEqual([]);
    expect(pushed!.status).toBe('repos');
    expectViewOfWeights(lab, pushed!);
  });

  it('leaves no frame behind when the page goes', () => {
    const lab = new LabController(() => {});
    lab.reset(s);
    lab.play();
    runFrames(3);
    lab.destroy();
    expect(frames.size).toBe(0);
  });
});
