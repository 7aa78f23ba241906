/**
 * The calculator's training worker (a module worker, started by run.ts): the shared life cycle
 * serving the island's task (train-task.ts).
 */
import { serveTraining } from '../../../training/serve';
import { calcTask } from './train-task';

serveTraining(calcTask());
