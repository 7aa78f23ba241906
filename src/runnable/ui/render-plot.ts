/**
 * A `plot` message drawn with Observable Plot, which is imported only when the first plot
 * arrives. Series take the site's chart colours through CSS classes (npn-run-l1… for lines, npn-run-d1… for dots; RunToolbar.astro), so that they
 * follow light and dark mode like the chapters' charts; axes use currentColor.
 */
import type { PlotMessage } from '../../nn';

/** Series beyond this count reuse the palette (the legend names each one). */
const PALETTE = 6;

export async function renderPlot(message: PlotMessage, into: HTMLElement): Promise<void> {
  const Plot = await import('@observablehq/plot');
  const width = Math.min(640, Math.max(280, into.clientWidth || 640));
  const common = {
    width,
    height: Math.round(Math.min(360, width * 0.62)),
    style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
    x: { label: message.xLabel ?? null },
    y: { label: message.yLabel ?? null },
  };
  let chart: Element;
  if (message.type === 'heatmap') {
    const cells = message.values.flatMap((row, i) => row.map((value, j) => ({ i, j, value })));
    chart = Plot.plot({
      ...common,
      padding: 0,
      x: { label: message.xLabel ?? null, axis: 'top' },
      y: { label: message.yLabel ?? null },
      color: { type: 'linear', scheme: 'viridis', legend: true },
      marks: [Plot.cell(cells, { x: 'j', y: 'i', fill: 'value', title: (d: { value: number }) => String(d.value) })],
    });
  } else {
    const marks = message.series.map((s, k) => {
      const points = s.x.map((x, i) => ({ x, y: s.y[i] ?? NaN }));
      const n = (k % PALETTE) + 1;
      return message.type === 'line'
        ? Plot.line(points, { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 2, className: `npn-run-l${n}` })
        : Plot.dot(points, { x: 'x', y: 'y', fill: 'currentColor', r: 3, className: `npn-run-d${n}` });
    });
    chart = Plot.plot({ ...common, grid: true, marks: [Plot.ruleY([0], { strokeOpacity: 0.3 }), ...marks] });
  }
  const figure = document.createElement('figure');
  figure.className = 'npn-run-plot';
  const title = message.title ?? (message.type === 'heatmap' ? 'Carte de chaleur' : 'Graphique');
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-label', title);
  if (message.title) {
    const caption = document.createElement('figcaption');
    caption.textContent = message.title;
    figure.append(caption);
  }
  if (message.type !== 'heatmap' && message.series.length > 1) {
    const legend = document.createElement('ul');
    legend.className = 'npn-run-legend';
    message.series.forEach((s, k) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = `npn-run-swatch npn-run-s${(k % PALETTE) + 1}`;
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, s.name);
      legend.append(item);
    });
    figure.append(legend);
  }
  figure.append(chart);
  into.replaceChildren(figure);
}
