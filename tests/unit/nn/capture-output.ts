/** Runs `f` with an output sink that collects its messages (the previous sink restored, even on a throw). */
import type { OutputMessage } from '../../../src/nn/output/messages';
import { setOutputSink } from '../../../src/nn/output/sink';

export function captureOutput(f: () => void): OutputMessage[] {
  const out: OutputMessage[] = [];
  const previous = setOutputSink((m) => out.push(m));
  try {
    f();
  } finally {
    setOutputSink(previous);
  }
  return out;
}
