/**
 * The graph of an autograd `Value` as a small SVG, layered left to right: inputs on the left, the
 * final value on the right, each node showing its label (or operation), data and gradient, and
 * each edge its local derivative ∂(result)/∂(operand) when the message carries it.
 */
import type { GraphMessage } from '../../nn';

const NODE_W = 132;
const NODE_H = 46;
const GAP_X = 40;
/** Wider gaps when edges carry their local derivative, so that a label like −0.2139 fits. */
const GAP_X_LOCAL = 64;
const GAP_Y = 14;
const SVG = 'http://www.w3.org/2000/svg';

const short = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(4))) : String(x));

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>) {
  const element = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, String(v));
  return element;
}

export function renderGraph(message: GraphMessage): HTMLElement {
  const inputs = new Map<string, string[]>(message.nodes.map((n) => [n.id, []]));
  // the local derivative of each edge: its target's `local`, in the order of its incoming edges
  const locals = new Map(message.nodes.map((n) => [n.id, n.local]));
  const edgeLocal = message.edges.map((e) => {
    const operands = inputs.get(e.to);
    if (!operands) return undefined;
    operands.push(e.from);
    return locals.get(e.to)?.[operands.length - 1];
  });
  const gapX = edgeLocal.some((v) => v !== undefined) ? GAP_X_LOCAL : GAP_X;
  // Layer = longest path from an input; memoised, and safe on malformed (cyclic) graphs.
  const layer = new Map<string, number>();
  const depth = (id: string, seen = new Set<string>()): number => {
    const known = layer.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const d = Math.max(-1, ...(inputs.get(id) ?? []).map((from) => depth(from, seen))) + 1;
    layer.set(id, d);
    return d;
  };
  const columns: string[][] = [];
  for (const n of message.nodes) (columns[depth(n.id)] ??= []).push(n.id);
  const position = new Map<string, { x: number; y: number }>();
  columns.forEach((ids, c) =>
    ids.forEach((id, r) => position.set(id, { x: c * (NODE_W + gapX), y: r * (NODE_H + GAP_Y) })),
  );
  const width = Math.max(1, columns.length * (NODE_W + gapX) - gapX);
  const height = Math.max(NODE_H, ...columns.map((ids) => ids.length * (NODE_H + GAP_Y) - GAP_Y));

  const root = svg('svg', { viewBox: `-2 -2 ${width + 4} ${height + 4}`, width: width + 4, height: height + 4 });
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', `Graphe de calcul (${message.nodes.length} nœuds)`);
  const labels: SVGTextElement[] = [];
  message.edges.forEach((e, i) => {
    const a = position.get(e.from);
    const b = position.get(e.to);
    if (!a || !b) return;
    const [x1, y1, x2, y2] = [a.x + NODE_W, a.y + NODE_H / 2, b.x, b.y + NODE_H / 2];
    root.append(svg('line', { x1, y1, x2, y2, class: 'npn-run-graph-edge' }));
    const local = edgeLocal[i];
    if (local === undefined) return;
    // near the result's end, where edges into one node are already apart; drawn after all lines
    const t = svg('text', {
      x: x2 - 4,
      y: y1 + 0.85 * (y2 - y1) - 3,
      'text-anchor': 'end',
      'font-size': 11,
      fill: 'currentColor',
      class: 'npn-run-graph-local',
    });
    t.textContent = `×${short(local)}`;
    labels.push(t);
  });
  root.append(...labels);
  for (const n of message.nodes) {
    const p = position.get(n.id);
    if (!p) continue;
    const g = svg('g', { transform: `translate(${p.x},${p.y})`, class: 'npn-run-graph-node' });
    g.append(svg('rect', { width: NODE_W, height: NODE_H, rx: 6 }));
    const name = n.label && n.op ? `${n.label} (${n.op})` : n.label || n.op || 'valeur';
    const lines = [name, `data ${short(n.data)} · grad ${short(n.grad)}`];
    lines.forEach((text, i) => {
      const t = svg('text', { x: 8, y: 18 + i * 18 });
      t.textContent = text ?? '';
      g.append(t);
    });
    root.append(g);
  }
  const scroller = document.createElement('div');
  scroller.className = 'npn-run-graph';
  scroller.tabIndex = 0;
  scroller.setAttribute('role', 'region');
  scroller.setAttribute('aria-label', 'Graphe de calcul');
  scroller.append(root);
  return scroller;
}
