// The wasm backend registers itself on import; in Node it reads its .wasm from node_modules.
import '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs';
import { enginesSuite } from './mlp-engines-suite';

enginesSuite(tf, 'wasm');
