/**
 * Where the backprop graph draws its nodes and their values. In a box at least 28rem wide, one
 * drawing of 520 units scales to the box (as on a laptop). In a narrower box (a phone), the
 * drawing is laid out in the box's own pixels, so it fits without scrolling and its text keeps a
 * readable size: four columns across the width, the values of neighbouring nodes on alternate
 * sides (above, below), and each line of text kept inside the box. Pure: no DOM.
 */

/** Below this box width (CSS px), the compact drawing. */
export const COMPACT_BELOW = 448;
/** The narrowest drawing: in a box narrower still (a 320 px phone's), it scales down a little. */
const COMPACT_MIN = 250;

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Its values go above the node (else below). */
  readonly above: boolean;
}

export interface Geometry {
  readonly compact: boolean;
  /** The viewBox's size. */
  readonly width: number;
  readonly height: number;
  /** x of the input, hidden, output and loss columns. */
  readonly columns: readonly [number, number, number, number];
  /** y of the top and bottom rows (the wide network), and of the middle one. */
  readonly rows: readonly [number, number];
  readonly mid: number;
  /** Radius of a neuron; the loss box is a square-ish rectangle of about this size. */
  readonly radius: number;
  /** Font size of the values (viewBox units; BackpropGraph's CSS sets the same). */
  readonly valueFont: number;
  readonly line: number;
}

/** The geometry for one network in a box `boxWidth` px wide (0: not measured yet, e.g. on the server). */
export function geometryFor(wide: boolean, boxWidth: number): Geometry {
  if (boxWidth <= 0 || boxWidth >= COMPACT_BELOW) {
    // The drawing of a laptop, scaled to the box: values under the nodes, above for the top row.
    const mid = wide ? 115 : 45;
    return {
      compact: false,
      width: 520,
      height: wide ? 245 : 110,
      columns: [50, 210, 360, 475],
      rows: [60, 170],
      mid,
      radius: 22,
      valueFont: 13,
      line: 16,
    };
  }
  const width = Math.max(COMPACT_MIN, Math.round(boxWidth));
  const radius = 18;
  // Two lines of values above or below a node: 53 units from its centre to the far line's edge.
  const reach = 53;
  const top = reach + 2;
  const gap = 100;
  const rows: [number, number] = [top, top + gap];
  const mid = wide ? top + gap / 2 : top;
  const bottom = wide ? rows[1] : mid;
  return {
    compact: true,
    width,
    height: bottom + reach + 2,
    columns: [0.1, 0.385, 0.665, 0.9].map((f) => Math.round(f * width)) as [number, number, number, number],
    rows,
    mid,
    radius,
    valueFont: 12,
    line: 15,
  };
}

/** The baseline of a node's value line (0: forward value, 1: gradient). */
export function textY(g: Geometry, n: GraphNode, line: 0 | 1): number {
  if (n.above) return n.y - g.radius - 8 - g.line * (1 - line);
  return n.y + g.radius + (g.compact ? 14 : 18) + g.line * line;
}

/**
 * The x of a value line, centred on its node but kept inside the drawing: its width is
 * estimated from its length (0,62 em a character, more than this font's average).
 */
export function textX(g: Geometry, n: GraphNode, text: string): number {
  const half = (text.length * 0.62 * g.valueFont) / 2;
  return Math.min(g.width - half - 2, Math.max(half + 2, n.x));
}
