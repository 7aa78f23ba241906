/**
 * Where output messages go. By default, to the console as text (a script run in Node); the
 * runnable-code runtime installs its own sink that forwards each message to the page.
 */
import type { OutputMessage } from './messages';
import { messageToText } from './text';

/** Receives every output message, in order. */
export type OutputSink = (message: OutputMessage) => void;

let inDefaultSink = false;

/** Default: the text form on the console (guarded: a runtime may route console.log back to print). */
const consoleSink: OutputSink = (message) => {
  if (inDefaultSink) return;
  inDefaultSink = true;
  try {
    console.log(messageToText(message));
  } finally {
    inDefaultSink = false;
  }
};

let sink: OutputSink = consoleSink;

/** Change la destination des messages de sortie et renvoie l’ancienne (pour la remettre ensuite). */
export function setOutputSink(next: OutputSink | null): OutputSink {
  const previous = sink;
  sink = next ?? consoleSink;
  return previous;
}

/** Envoie un message de sortie à la destination courante (console par défaut). */
export function emit(message: OutputMessage): void {
  sink(message);
}
