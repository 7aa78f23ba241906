/**
 * Renders an Observable Plot chart to an SVG string at build time (no JavaScript shipped):
 * Plot draws into linkedom's document instead of a browser's.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderPlot(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...options, document: document as unknown as Document });
  return (chart as unknown as { outerHTML: string }).outerHTML;
}

export { Plot };
