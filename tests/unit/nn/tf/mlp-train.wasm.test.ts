// The wasm backend registers itself on import; in Node it reads its .wasm from node_modules.
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { trainSuite } from './mlp-train-suite';

trainSuite(tf, 'wasm');
