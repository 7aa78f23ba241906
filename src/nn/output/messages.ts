/**
 * What a reader's code sends to its output: structured data, never HTML. The runtime forwards
 * these messages from the worker to the page, which draws them (Plot for plots); the Node
 * doc-tests compare their text form (text.ts) with the block's expected output.
 */

/** A line of text, as `print` formats it. */
export interface TextMessage {
  readonly kind: 'text';
  readonly text: string;
}

/** A table: a matrix printed by `print`, or `table(...)`. Cells are already formatted. */
export interface TableMessage {
  readonly kind: 'table';
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly caption?: string;
}

/** One named series of a line or scatter plot. */
export interface PlotSeries {
  readonly name: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
}

export interface PlotAxes {
  readonly title?: string;
  readonly xLabel?: string;
  readonly yLabel?: string;
}

/** Curves (`plotLines`) or points (`plotScatter`, where series may be classes). */
export interface XYPlotMessage extends PlotAxes {
  readonly kind: 'plot';
  readonly type: 'line' | 'scatter';
  readonly series: readonly PlotSeries[];
}

/** A heat map (`plotHeatmap`): values[i][j] drawn at row i, column j. */
export interface HeatmapPlotMessage extends PlotAxes {
  readonly kind: 'plot';
  readonly type: 'heatmap';
  readonly values: readonly (readonly number[])[];
}

export type PlotMessage = XYPlotMessage | HeatmapPlotMessage;

/** A grayscale image, for instance an MNIST digit (28 × 28): pixels row by row, 0 (black) to 1 (white). */
export interface ImageMessage {
  readonly kind: 'image';
  readonly width: number;
  readonly height: number;
  readonly pixels: readonly number[];
  readonly caption?: string;
}

/** A progress line that updates in place: later messages with the same label replace it. */
export interface ProgressMessage {
  readonly kind: 'progress';
  readonly label: string;
  readonly value: number;
  readonly max: number;
  /** Extra text shown after the bar, e.g. the epoch's loss. */
  readonly text?: string;
}

/**
 * The computation graph of an autograd `Value`: one node per value, edges from operand to result.
 * A node's optional `local` holds ∂(node)/∂(operand), one per operand in the order of its incoming
 * edges (what the backward pass multiplies the node's grad by); absent in older messages.
 */
export interface GraphMessage {
  readonly kind: 'graph';
  readonly nodes: readonly {
    id: string;
    label: string;
    op: string;
    data: number;
    grad: number;
    local?: readonly number[];
  }[];
  readonly edges: readonly { from: string; to: string }[];
}

/** One case of an exercise's check. */
export interface CheckMessage {
  readonly kind: 'check';
  readonly name: string;
  readonly pass: boolean;
  readonly expected: string;
  readonly received: string;
}

/** A notice from the runtime itself (output cut at its limit, …), in French. */
export interface NoticeMessage {
  readonly kind: 'notice';
  readonly text: string;
}

export type OutputMessage =
  | TextMessage
  | TableMessage
  | PlotMessage
  | ImageMessage
  | ProgressMessage
  | GraphMessage
  | CheckMessage
  | NoticeMessage;
