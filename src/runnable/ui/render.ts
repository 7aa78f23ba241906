/**
 * Draws a run's output messages into its output area, in order. Messages are queued and drawn
 * once per animation frame, for at most FRAME_BUDGET_MS each frame, so that a long run printing
 * a lot never holds the main thread for long. Consecutive text lines share one `<pre>`; a progress
 * line is updated in place (keyed by its label); plots load Observable Plot on first use.
 */
import type { OutputMessage } from '../../nn';
import { renderTable } from './render-table';
import { renderImage } from './render-image';
import { createProgress, updateProgress } from './render-progress';
import { createCheckList, renderCheck } from './render-check';
import { renderGraph } from './render-graph';

const FRAME_BUDGET_MS = 8;

export class OutputView {
  private queue: OutputMessage[] = [];
  private next = 0;
  private scheduled = false;
  private text: HTMLPreElement | undefined;
  private checks: HTMLUListElement | undefined;
  private readonly progress = new Map<string, HTMLElement>();
  private readonly plots: Promise<void>[] = [];
  private drained: (() => void)[] = [];

  constructor(private readonly into: HTMLElement) {}

  push(messages: readonly OutputMessage[]) {
    this.queue.push(...messages);
    if (!this.scheduled) {
      this.scheduled = true;
      requestAnimationFrame(() => this.drain());
    }
  }

  /** Resolves once every message pushed so far is drawn (plots included). */
  async settled(): Promise<void> {
    if (this.next < this.queue.length) await new Promise<void>((resolve) => this.drained.push(resolve));
    await Promise.allSettled(this.plots);
  }

  /** Appends an element after the output (an error, a summary). */
  append(element: Element) {
    this.text = undefined;
    this.into.append(element);
  }

  private drain() {
    this.scheduled = false;
    const start = performance.now();
    while (this.next < this.queue.length && performance.now() - start < FRAME_BUDGET_MS) {
      this.draw(this.queue[this.next++]!);
    }
    if (this.next < this.queue.length) {
      this.scheduled = true;
      requestAnimationFrame(() => this.drain());
      return;
    }
    this.queue = [];
    this.next = 0;
    for (const resolve of this.drained.splice(0)) resolve();
  }

  private draw(message: OutputMessage) {
    if (message.kind === 'text') {
      if (!this.text) {
        this.text = document.createElement('pre');
        this.text.className = 'npn-run-text';
        // A long line scrolls sideways inside the block: the scroller takes the keyboard focus.
        this.text.tabIndex = 0;
        this.into.append(this.text);
      }
      this.text.append(`${this.text.firstChild ? '\n' : ''}${message.text}`);
      return;
    }
    if (message.kind === 'progress') {
      let line = this.progress.get(message.label);
      if (!line) {
        line = createProgress();
        this.progress.set(message.label, line);
        this.append(line);
      }
      updateProgress(line, message);
      return;
    }
    if (message.kind === 'check') {
      if (!this.checks) {
        this.checks = createCheckList();
        this.append(this.checks);
      }
      this.checks.append(renderCheck(message));
      return;
    }
    if (message.kind === 'table') this.append(renderTable(message));
    else if (message.kind === 'image') this.append(renderImage(message));
    else if (message.kind === 'graph') this.append(renderGraph(message));
    else if (message.kind === 'notice') {
      const notice = document.createElement('p');
      notice.className = 'npn-run-notice';
      notice.textContent = message.text;
      this.append(notice);
    } else if (message.kind === 'plot') {
      const slot = document.createElement('div');
      slot.className = 'npn-run-plot-slot';
      slot.textContent = 'Graphique en préparation…';
      this.append(slot);
      this.plots.push(
        import('./render-plot')
          .then(({ renderPlot }) => renderPlot(message, slot))
          .catch(() => {
            slot.textContent = 'Le graphique n’a pas pu être dessiné.';
          }),
      );
    }
  }
}
