/**
 * The MNIST island's training worker (a module worker, started by run.ts): the shared life cycle
 * serving the island's task (train-task.ts).
 */
import { serveTraining } from '../../../training/serve';
import { mnistTask } from './train-task';

serveTraining(mnistTask());
