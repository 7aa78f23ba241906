/**
 * The computation graph of a `Value` as an output message: plain nodes and edges that cross
 * postMessage, drawn by the page (and written one node per line by text.ts).
 */
import type { GraphMessage } from '../output/messages';
import { emit } from '../output/sink';
import { topologicalOrder, type Value } from './value';

/** Past this many nodes a drawing is unreadable (and heavy to send): drawGraph refuses. */
export const MAX_GRAPH_NODES = 300;

/**
 * Le graphe de calcul d’une valeur. Un nœud par valeur (opérandes d’abord), une arête de chaque opérande vers son résultat.
 *
 * A result node's `local` lists ∂(node)/∂(operand), one per operand, in the order of its edges.
 */
export function graphOf(value: Value): GraphMessage {
  const order = topologicalOrder(value);
  const ids = new Map(order.map((v, i) => [v, `n${i}`]));
  return {
    kind: 'graph',
    nodes: order.map((v) => ({
      id: ids.get(v)!,
      label: v.label,
      op: v.op,
      data: v.data,
      grad: v.grad,
      ...(v.children.length > 0 ? { local: [...v.local] } : {}),
    })),
    edges: order.flatMap((v) => v.children.map((c) => ({ from: ids.get(c)!, to: ids.get(v)! }))),
  };
}

/**
 * Dessine le graphe de calcul d’une valeur (ses opérations, valeurs et gradients).
 *
 * Each edge is labelled with its local derivative ∂(result)/∂(operand).
 */
export function drawGraph(value: Value): void {
  const graph = graphOf(value);
  if (graph.nodes.length > MAX_GRAPH_NODES)
    throw new Error(
      `drawGraph\u00a0: ce graphe a ${graph.nodes.length} nœuds, trop pour être lisible (${MAX_GRAPH_NODES} au plus).`,
    );
  emit(graph);
}
