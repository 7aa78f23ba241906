/**
 * Renders an Observable Plot chart to an SVG string at build time (no JavaScript shipped):
 * Plot draws into linkedom's document instead of a browser's.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export function renderPlot(options: Plot.PlotOptions & { ariaLabel: string }): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...options, document: document as unknown as Document }) as unknown as Element;
  // Plot labels each mark's <g> ("line", "x-axis tick"…), which ARIA forbids on a role-less
  // <g>. The chart is one image described by its own label: its parts need no names.
  for (const g of chart.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', options.ariaLabel);
  return chart.outerHTML;
}

export { Plot };
