/** A `progress` line: a `<progress>` and its text, updated in place for later messages with the same label. */
import type { ProgressMessage } from '../../nn';

export function createProgress(): HTMLElement {
  const line = document.createElement('p');
  line.className = 'npn-run-progress';
  const label = document.createElement('span');
  const bar = document.createElement('progress');
  const text = document.createElement('span');
  line.append(label, bar, text);
  return line;
}

export function updateProgress(line: HTMLElement, message: ProgressMessage) {
  const [label, bar, text] = line.children as unknown as [HTMLElement, HTMLProgressElement, HTMLElement];
  label.textContent = message.label;
  bar.max = message.max > 0 ? message.max : 1;
  bar.value = Math.min(bar.max, Math.max(0, message.value));
  bar.setAttribute('aria-label', message.label);
  text.textContent = `${message.value}\u00a0/\u00a0${message.max}${message.text ? ` — ${message.text}` : ''}`;
}
