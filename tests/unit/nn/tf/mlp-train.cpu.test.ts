import * as tf from '@tensorflow/tfjs';
import { trainSuite } from './mlp-train-suite';

trainSuite(tf, 'cpu');
