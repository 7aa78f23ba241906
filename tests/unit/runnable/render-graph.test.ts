import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphOf } from '../../../src/nn/autograd/graph';
import { Value } from '../../../src/nn/autograd/value';
import { renderGraph } from '../../../src/runnable/ui/render-graph';

// renderGraph builds SVG with `document`; linkedom gives Node one without a browser.
const previous = (globalThis as { document?: unknown }).document;
beforeAll(() => {
  (globalThis as { document?: unknown }).document = parseHTML('<html><body></body></html>').document;
});
afterAll(() => {
  (globalThis as { document?: unknown }).document = previous;
});

/** z = w·x + b, a = σ(z): the chapter's first neuron, after backward. */
function neuron() {
  const w = new Value(0.8, 'w');
  const x = new Value(1.5, 'x');
  const b = new Value(-0.4, 'b');
  const wx = w.mul(x);
  wx.label = 'wx';
  const z = wx.add(b);
  z.label = 'z';
  const a = z.sigmoid();
  a.label = 'a';
  a.backward();
  return graphOf(a);
}

const texts = (root: Element, selector: string) => [...root.querySelectorAll(selector)].map((t) => t.textContent);

describe('renderGraph', () => {
  it('draws one box per node with its data and grad, and each edge’s local derivative', () => {
    const svg = renderGraph(neuron());
    expect(svg.querySelectorAll('.npn-run-graph-node')).toHaveLength(6);
    expect(svg.querySelectorAll('.npn-run-graph-edge')).toHaveLength(5);
    expect(texts(svg, '.npn-run-graph-node text')).toContain('data 0.8 · grad 0.2139');
    // edges in message order: w→wx (∂wx/∂w = x), x→wx (= w), wx→z, b→z (1 each), z→a (σ′(z))
    expect(texts(svg, '.npn-run-graph-local')).toEqual(['×1.5', '×0.8', '×1', '×1', '×0.2139']);
  });

  it('draws a message without local derivatives as before: no edge labels, narrow gaps', () => {
    const g = neuron();
    const bare = { ...g, nodes: g.nodes.map((n) => ({ ...n, local: undefined })) };
    const svg = renderGraph(bare);
    expect(svg.querySelectorAll('.npn-run-graph-local')).toHaveLength(0);
    const width = (el: Element) => Number(el.querySelector('svg')!.getAttribute('width'));
    expect(width(svg)).toBeLessThan(width(renderGraph(g)));
  });
});
