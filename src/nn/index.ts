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
export * from './data/mnist-preprocess';
export * from './data/image-transform';
export * from './data/imbalance';
export * from './metrics';
export * from './weights-file';
export * from './format';
export * from './tf/backend';
// Reader API
// What readers' runnable code blocks write against (all in scope there): output helpers, a
// scalar autograd, friendly facades over the engine. Added below this line only.
export * from './output/messages';
export * from './output/sink';
export * from './output/text';
export * from './output/format-value';
export * from './output/print';
export * from './output/plot';
export * from './output/check';
export * from './autograd/value';
export * from './autograd/graph';
