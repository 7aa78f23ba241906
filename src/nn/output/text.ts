/**
 * The text form of every output message: what the default sink prints in a terminal and what
 * the Node doc-tests compare with a code block's expected output (`text sortie`). It must stay
 * stable: changing it changes the expected output of every chapter. Program output, not prose:
 * plain spaces, decimal points; plots and images are summed up on one line in brackets.
 */
import { formatValue } from './format-value';
import type { GraphMessage, OutputMessage, PlotMessage, TableMessage } from './messages';

/** A cell that reads as a number (right-aligned in a table). */
const NUMERIC = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$|^-?Infinity$|^NaN$/;

/** Columns separated by two spaces; numbers right-aligned, other cells left-aligned. */
function tableToText(m: TableMessage): string {
  const lines: (readonly string[])[] = m.columns.length > 0 ? [m.columns, ...m.rows] : [...m.rows];
  const width = lines.reduce((w, r) => Math.max(w, r.length), 0);
  const numericColumn = Array.from({ length: width }, (_, j) => {
    const cells = m.rows.map((r) => r[j]).filter((c): c is string => c !== undefined && c !== '');
    return cells.length > 0 && cells.every((c) => NUMERIC.test(c));
  });
  const widths = Array.from({ length: width }, (_, j) =>
    lines.reduce((w, r) => Math.max(w, [...(r[j] ?? '')].length), 0),
  );
  const pad = (cell: string, j: number): string => {
    const fill = ' '.repeat(widths[j]! - [...cell].length);
    return numericColumn[j] ? fill + cell : cell + fill;
  };
  const body = lines.map((r) =>
    Array.from({ length: width }, (_, j) => pad(r[j] ?? '', j))
      .join('  ')
      .trimEnd(),
  );
  return [...(m.caption ? [m.caption] : []), ...body].join('\n');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function plotToText(m: PlotMessage): string {
  const title = m.title ? ` — ${m.title}` : '';
  if (m.type === 'heatmap') {
    // reduce, not Math.min(...all): spreading a large image would overflow the call stack
    let min = Infinity;
    let max = -Infinity;
    for (const row of m.values) for (const v of row) [min, max] = [Math.min(min, v), Math.max(max, v)];
    const cols = m.values[0]?.length ?? 0;
    const range = min <= max ? `, valeurs de ${formatValue(min)} à ${formatValue(max)}` : '';
    return `[carte de chaleur ${m.values.length} × ${cols}${range}${title}]`;
  }
  const kind = m.type === 'line' ? 'graphique en courbes' : 'nuage de points';
  const names = m.series.map((s) => s.name).join(', ');
  const lengths = m.series.map((s) => s.y.length);
  const total = lengths.reduce((a, n) => a + n, 0);
  const points =
    m.series.length > 1 && lengths.every((n) => n === lengths[0])
      ? `${plural(lengths[0]!, 'point', 'points')} chacune`
      : m.series.length > 1
        ? `${plural(total, 'point', 'points')} en tout`
        : plural(total, 'point', 'points');
  return `[${kind}, ${plural(m.series.length, 'série', 'séries')} (${names}), ${points}${title}]`;
}

/**
 * One line per node, inputs first: `e = a * b = -6 (grad -2, ∂/∂a = -3, ∂/∂b = 2)`, the local
 * derivatives when the message has them; a leaf `a = 2 (grad -3)`.
 */
function graphToText(m: GraphMessage): string {
  const byId = new Map(m.nodes.map((n, i) => [n.id, { node: n, index: i }]));
  const operands = new Map<string, string[]>();
  for (const e of m.edges) operands.set(e.to, [...(operands.get(e.to) ?? []), e.from]);
  // an unlabelled leaf (a constant) is named by its value; an unlabelled result by its id
  const name = (id: string): string => {
    const n = byId.get(id)?.node;
    if (!n) return id;
    return n.label || (operands.has(id) ? id : formatValue(n.data));
  };
  const lines: string[] = [];
  for (const n of m.nodes) {
    const args = (operands.get(n.id) ?? []).map(name);
    const grad = `grad ${formatValue(n.grad)}`;
    if (args.length === 0) {
      if (n.label) lines.push(`${n.label} = ${formatValue(n.data)} (${grad})`);
      continue;
    }
    const locals =
      n.local && n.local.length === args.length ? args.map((a, i) => `, ∂/∂${a} = ${formatValue(n.local![i])}`) : [];
    const value = `${formatValue(n.data)} (${grad}${locals.join('')})`;
    const expr =
      args.length === 2
        ? `${args[0]} ${n.op} ${args[1]}`
        : n.op.startsWith('**')
          ? `${args[0]} ** ${n.op.slice(2)}`
          : `${n.op}(${args.join(', ')})`;
    lines.push(`${name(n.id)} = ${expr} = ${value}`);
  }
  return lines.join('\n');
}

/** Le texte d’un message de sortie, tel que l’affiche la console et que le comparent les tests. */
export function messageToText(m: OutputMessage): string {
  switch (m.kind) {
    case 'text':
    case 'notice':
      return m.text;
    case 'table':
      return tableToText(m);
    case 'plot':
      return plotToText(m);
    case 'image':
      return `[image ${m.width} × ${m.height}${m.caption ? ` — ${m.caption}` : ''}]`;
    case 'progress':
      return `${m.label}\u00a0: ${formatValue(m.value)}/${formatValue(m.max)}${m.text ? ` ${m.text}` : ''}`;
    case 'graph':
      return graphToText(m);
    case 'check':
      return m.pass ? `✓ ${m.name}` : `✗ ${m.name} — attendu ${m.expected}\u202f; reçu ${m.received}`;
  }
}

/**
 * Le texte de toute une sortie, comme la page la montre à la fin — une ligne de progression par étiquette.
 *
 * Progress messages update in place on the page, so only the last one of each label is kept,
 * at the place of the first (what a reader sees once the run ends).
 */
export function outputToText(messages: readonly OutputMessage[]): string {
  const lastProgress = new Map<string, OutputMessage>();
  for (const m of messages) if (m.kind === 'progress') lastProgress.set(m.label, m);
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const m of messages) {
    if (m.kind !== 'progress') parts.push(messageToText(m));
    else if (!seen.has(m.label)) {
      seen.add(m.label);
      parts.push(messageToText(lastProgress.get(m.label)!));
    }
  }
  return parts.join('\n');
}
