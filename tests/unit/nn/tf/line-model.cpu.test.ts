import * as tf from '@tensorflow/tfjs';
import { lineModelSuite } from './line-model-suite';

lineModelSuite(tf, 'cpu');
