import * as tf from '@tensorflow/tfjs';
import { enginesSuite } from './mlp-engines-suite';

enginesSuite(tf, 'cpu');
