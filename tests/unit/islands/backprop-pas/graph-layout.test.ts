/**
 * The backprop graph's geometry: the laptop drawing scaled above 28rem, a drawing in the box's
 * own pixels below (a phone), and value lines kept inside it.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPACT_BELOW,
  geometryFor,
  textX,
  textY,
  type GraphNode,
} from '../../../../src/components/islands/backprop-pas/graph-layout';

describe('geometryFor', () => {
  it('keeps the 520-unit drawing on the server and in a box of 28rem or more', () => {
    for (const w of [0, COMPACT_BELOW, 700]) expect(geometryFor(true, w)).toMatchObject({ compact: false, width: 520 });
  });

  it('draws in the box’s own pixels on a phone: every node, L’s box included, inside the width', () => {
    for (const wide of [false, true]) {
      const g = geometryFor(wide, 324);
      expect(g).toMatchObject({ compact: true, width: 324 });
      expect(g.columns[0] - g.radius).toBeGreaterThan(0);
      expect(g.columns[3] + g.radius + 2).toBeLessThan(g.width);
    }
  });

  it('leaves room for two lines of values above the top row and below the bottom one', () => {
    for (const wide of [false, true]) {
      const g = geometryFor(wide, 324);
      const top: GraphNode = { id: 'h1', label: 'a₁', x: 100, y: wide ? g.rows[0] : g.mid, above: true };
      const bottom: GraphNode = { ...top, y: wide ? g.rows[1] : g.mid, above: false };
      expect(textY(g, top, 0) - g.valueFont).toBeGreaterThanOrEqual(0);
      expect(textY(g, bottom, 1) + 4).toBeLessThanOrEqual(g.height);
    }
  });
});

describe('textX', () => {
  it('moves a long value line inward at the edges, and leaves it centred elsewhere', () => {
    const g = geometryFor(false, 324);
    const loss: GraphNode = { id: 'perte', label: 'L', x: g.columns[3], y: g.mid, above: true };
    const text = 'L = 0,0688';
    const half = (text.length * 0.62 * g.valueFont) / 2;
    expect(textX(g, loss, text) + half).toBeLessThanOrEqual(g.width);
    const middle: GraphNode = { ...loss, x: g.width / 2 };
    expect(textX(g, middle, text)).toBe(g.width / 2);
  });
});
