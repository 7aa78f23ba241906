/**
 * The lab's conductor in Node, its animation frames run by hand: the view it pushes after a
 * pause or a step shows the heat map and the scores of the weights where the run stopped (drawn
 * a slice per frame from a copy, while training went on), the loop ends when nothing is left to
 * do, and a reset or an unmount stops everything.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accuracy, confusionMatrix, predict } from '../../../../src/nn';
import { defaultState } from '../../../../src/components/islands/shared/url-state';
import { labSchema, overfittingPreset, type LabState } from '../../../../src/components/islands/labo2d/state';
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

/** `performance.now` under the test's hand: `oneSecond()` runs 60 frames, 1/60 s apart. */
function frameClock() {
  let t = 1000;
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => t);
  return {
    oneSecond() {
      for (let i = 0; i < 60; i++) {
        runFrames(1);
        t += 1000 / 60;
      }
    },
    restore: () => spy.mockRestore(),
  };
}

const s = { ...defaultState(labSchema), donnees: 'spiral', couches: [16, 16, 16], vitesse: 'max' } as LabState;

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

  it('stops by itself at the epoch budget, saying so', () => {
    let pushed: LabView | null = null;
    const lab = new LabController((v) => (pushed = { ...v, train: v.train.slice() }));
    lab.reset({ ...s, epoques: 25 });
    lab.play();
    runFrames(10_000);
    expect(lab.epoch).toBe(25);
    expect(pushed!.status).toBe('fini');
    expect(pushed!.message).toBe('Fin de l’expérience\u00a0: 25 époques.');
  });

  it('trains no faster than the chosen speed: 10 epochs per second', () => {
    const clock = frameClock();
    const lab = new LabController(() => {});
    lab.reset({ ...s, vitesse: 'lente' });
    lab.play();
    clock.oneSecond();
    // one second of frames: 10 epochs (plus the first frame's tenth of a second of credit)
    expect(lab.epoch).toBeGreaterThanOrEqual(10);
    expect(lab.epoch).toBeLessThanOrEqual(11);
    clock.restore();
    lab.destroy();
  });

  it('goes at a new « Vitesse » chosen during the run, without a reset', () => {
    const clock = frameClock();
    const lab = new LabController(() => {});
    lab.reset({ ...s, vitesse: 'lente' });
    lab.play();
    clock.oneSecond();
    const slow = lab.epoch;
    expect(slow).toBeLessThanOrEqual(11);
    lab.setSpeed('rapide');
    clock.oneSecond();
    // one more second, at 250 epochs per second this time (the curves and the run kept)
    expect(lab.epoch - slow).toBeGreaterThanOrEqual(240);
    expect(lab.epoch - slow).toBeLessThanOrEqual(251);
    expect(lab.view.train.length).toBe(lab.epoch);
    clock.restore();
    lab.destroy();
  });

  it('keeps the run as the ghost when the settings change, until it is cleared', () => {
    let pushed: LabView | null = null;
    const lab = new LabController((v) => (pushed = { ...v, train: v.train.slice() }));
    lab.reset(s);
    lab.reset({ ...s, reg: 'l2' });
    expect(pushed!.ghost).toBeNull(); // nothing had run
    for (let i = 0; i < 5; i++) lab.step();
    runFrames();
    const probs = pushed!.probs;
    const validation = pushed!.validation.slice();
    lab.reset({ ...s, reg: 'aucune' });
    expect(pushed!.train).toEqual([]);
    expect(pushed!.ghost).toMatchObject({ train: expect.any(Array), validation, probs });
    expect(pushed!.ghost!.settings.reg).toBe('l2');
    expect(pushed!.ghost!.train).toHaveLength(5);
    lab.clearGhost();
    expect(pushed!.ghost).toBeNull();
  });

  it('after early stopping, shows the restored epoch', () => {
    let pushed: LabView | null = null;
    const lab = new LabController((v) => (pushed = { ...v, train: v.train.slice() }));
    lab.reset({ ...s, ...overfittingPreset, patience: 5, vitesse: 'max' } as LabState);
    lab.play();
    runFrames(10_000);
    expect(pushed!.status).toBe('arret');
    const v = pushed!.validation;
    expect(pushed!.restoredEpoch).toBe(v.indexOf(Math.min(...v)) + 1);
    expect(pushed!.restoredEpoch).toBe(v.length - 5);
  });
});
