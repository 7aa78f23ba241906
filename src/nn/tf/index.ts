/**
 * The one entry of the fast engine (TensorFlow.js) for everything outside src/nn. Import it
 * dynamically (`await import('…/nn/tf')`) for values, and with `import type` for types: a static
 * value import would put this whole engine in the page's initial JavaScript. No file here imports
 * tfjs statically (only its types): `loadTf` downloads it and the chosen backend on demand.
 * The backend policy (`backend.ts`: names, labels, `pickBackend`) is pure logic that menus and URL
 * schemas need before any demo starts, so the main entry `src/nn/index.ts` exports it instead.
 */
export { loadTf, type LoadProgress, type Tf } from './load';
export { createTfMlp, type TfForwardOptions, type TfLossAndGradients, type TfMlp } from './model';
export { createTfOptimizer, type TfOptimizer } from './optimizer';
export { trainTfMlp, type TfTrainData, type TfTrainOptions } from './train';
export { lossInBatches, matrixSource, predictInBatches, type BatchSource } from './predict';
export { mnistSource } from './mnist-source';
export {
  createLineModel,
  type EpochReport as LineEpochReport,
  type LineModel,
  type TrainOutcome as LineTrainOutcome,
} from './line-model';
