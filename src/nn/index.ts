/**
 * The public surface of `src/nn`: chapters and islands import from here.
 * No file in src/nn touches the DOM.
 */
export * from './math/activations';
export * from './math/neuron';
export * from './math/softmax';
export * from './math/single-neuron';
export * from './math/linear-regression';
export * from './data/rng';
export * from './data/linear';
export * from './format';
