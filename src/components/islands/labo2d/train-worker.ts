/**
 * The 2D lab's training worker (a module worker, started by tf-run.ts when « Moteur » is
 * TensorFlow.js): the shared life cycle serving the lab's task (train-task.ts).
 */
import { serveTraining } from '../../../training/serve';
import { labTask } from './train-task';

serveTraining(labTask());
