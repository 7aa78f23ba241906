import { defaultState } from '../src/components/islands/shared/url-state';
import { labSchema, type LabState } from '../src/components/islands/labo2d/state';
import { labOptimizer, labSpec, labWeights, prepareData, classesOf } from '../src/components/islands/labo2d/data';
import { createSlicedTrainer } from '../src/components/islands/labo2d/trainer';
import { gridProbabilities } from '../src/components/islands/labo2d/heatmap';
import { predict } from '../src/nn/math/mlp';
const s = { ...defaultState(labSchema), donnees: 'spiral', couches: [16, 16, 16] } as LabState;
console.log(JSON.stringify(s));
const t0 = performance.now();
const data = prepareData(s);
console.log('prepareData', (performance.now() - t0).toFixed(2));
const spec = labSpec(s);
const w = labWeights(s);
const tr = createSlicedTrainer(spec, w, { X: data.train.X, Y: data.train.Y, validation: data.validation, optimizer: labOptimizer(s), batchSize: s.lot, seed: s.seed });
for (let rep = 0; rep < 5; rep++) {
  let a = performance.now();
  for (let i = 0; i < 200; i++) tr.epoch();
  const ep = (performance.now() - a) / 200;
  a = performance.now();
  for (let i = 0; i < 20; i++) gridProbabilities(spec, w);
  const g = (performance.now() - a) / 20;
  a = performance.now();
  for (let i = 0; i < 20; i++) { classesOf(predict(spec, w, data.train.X)); classesOf(predict(spec, w, data.test.X)); }
  const m = (performance.now() - a) / 20;
  console.log(`epoch ${ep.toFixed(2)} ms, grid ${g.toFixed(2)} ms, metrics ${m.toFixed(2)} ms`);
}
