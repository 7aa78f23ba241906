/** A run's error in French: where it is in the reader's code (« ligne L, colonne C ») and that line, quoted. */
import type { RunError } from '../run-code';

export function renderError(error: RunError, source: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'npn-run-error';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  // The runtime's message is already the whole French sentence, with « ligne L, colonne C ».
  title.textContent = error.message;
  box.append(title);
  const line = error.line ? source.split('\n')[error.line - 1] : undefined;
  if (line !== undefined && error.line) {
    const quote = document.createElement('pre');
    quote.tabIndex = 0;
    const prefix = `${error.line} | `;
    quote.textContent = `${prefix}${line}`;
    if (error.column) quote.textContent += `\n${' '.repeat(prefix.length + error.column - 1)}^`;
    box.append(quote);
  }
  return box;
}
