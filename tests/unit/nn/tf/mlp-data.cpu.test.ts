import * as tf from '@tensorflow/tfjs';
import { dataSuite } from './mlp-data-suite';

dataSuite(tf, 'cpu');
