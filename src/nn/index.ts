/**
 * The public surface of `src/nn`, and its one entry: everything outside src/nn (chapters,
 * islands, pages, runnable code) imports from here, never from the files below (a lint rule and
 * tests/unit/nn-entry.test.ts enforce it). No file in src/nn touches the DOM. The TensorFlow.js
 * engine has its own entry, `tf/index.ts`, imported dynamically so that tfjs loads only when a
 * reader starts a demo; only its pure backend policy (menus, URL schemas) is exported here.
 */
export * from './spec';
export * from './training';
export * from './math/activations';
export * from './math/gelu-exact';
export * from './math/matrix';
export * from './math/neuron';
export * from './math/softmax';
export * from './math/single-neuron';
export * from './math/linear-regression';
export * from './math/gradient-descent-1d';
export * from './math/losses';
export * from './math/mlp';
export * from './math/backprop';
export * from './math/init';
export * from './math/optimizers';
export * from './math/regularizers';
export * from './math/train';
export * from './data/rng';
export * from './data/linear';
export * from './data/generators2d';
export * from './data/calculator';
export * from './data/split';
export * from './data/normalize';
export * from './data/mnist';
export * from './data/mnist-fetch';
export * from './data/bytes';
export * from './data/mnist-preprocess';
export * from './data/image-transform';
export * from './data/imbalance';
export * from './metrics';
export * from './weights-file';
export * from './format';
export * from './tf/backend';
// Reader API
// What readers' runnable code blocks write against (every name below is in scope there), so
// named one by one: internal helpers of these files stay out of the readers' scope.
export type * from './output/messages';
export { setOutputSink, emit, type OutputSink } from './output/sink';
export { messageToText, outputToText } from './output/text';
export { formatValue, type FormatValueOptions } from './output/format-value';
export { print, table, type TableOptions } from './output/print';
export {
  plotLines,
  plotScatter,
  plotHeatmap,
  showImage,
  progress,
  type SeriesInput,
  type PlotInput,
  type LabelledPoints,
  type ImageOptions,
} from './output/plot';
export { checkClose, checkEqual } from './output/check';
export { Value, type Operand } from './autograd/value';
export { graphOf, drawGraph } from './autograd/graph';
export { linspace, toMatrix, toTargets, type MatrixInput } from './reader/linspace';
export { tanh } from './reader/scalar';
export { mlp, MlpModel, type MlpOptions } from './reader/model';
export { fit, type FitData, type FitEpochReport, type FitOptions, type FitHistory } from './reader/fit';
export { loadMnistData, setMnistSiteBase, type LoadMnistDataOptions } from './reader/mnist-data';
export { CALCULATOR_BOOK } from './reader/projet-calculatrice-livre';
