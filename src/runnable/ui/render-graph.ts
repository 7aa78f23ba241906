/**
 * The graph of an autograd `Value` as a small SVG, layered left to right: inputs on the left, the
 * final value on the right, each node showing its label (or operation), data and gradient.
 */
import type { GraphMessage } from '../../nn';

const NODE_W = 132;
const NODE_H = 46;
const GAP_X = 40;
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
  for (const e of message.edges) inputs.get(e.to)?.push(e.from);
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
    ids.forEach((id, r) => position.set(id, { x: c * (NODE_W + GAP_X), y: r * (NODE_H + GAP_Y) })),
  );
  const width = Math.max(1, columns.length * (NODE_W + GAP_X) - GAP_X);
  const height = Math.max(NODE_H, ...columns.map((ids) => ids.length * (NODE_H + GAP_Y) - GAP_Y));

  const root = svg('svg', { viewBox: `-2 -2 ${width + 4} ${height + 4}`, width: width + 4, height: height + 4 });
  root.setAttribute('role', 'img');
  root.setAttribute('aria-label', `Graphe de calcul (${message.nodes.length} nœuds)`);
  for (const e of message.edges) {
    const a = position.get(e.from);
    const b = position.get(e.to);
    if (!a || !b) continue;
    root.append(
      svg('line', {
        x1: a.x + NODE_W,
        y1: a.y + NODE_H / 2,
        x2: b.x,
        y2: b.y + NODE_H / 2,
        class: 'npn-run-graph-edge',
      }),
    );
  }
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
