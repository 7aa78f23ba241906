/**
 * The browser side of URL state: read once at mount, write on every change with
 * history.replaceState (no history entry per slider move), build the permalink.
 */
import { islandParams, parseState, serializeState, type Schema, type StateOf } from './url-state';

/** The island's state from the page URL, over `base`; invalid parameters are listed. */
export function readUrlState<S extends Schema>(schema: S, prefix: string, base: StateOf<S>) {
  return parseState(schema, prefix, new URLSearchParams(window.location.search), base);
}

/**
 * The query string of `params`, with the commas of list fields left readable (`0.1,0.2`
 * rather than `0.1%2C0.2`): a comma is allowed in a query and URLSearchParams reads it back.
 */
export function queryString(params: URLSearchParams): string {
  return params.toString().replace(/%2C/gi, ',');
}

export function writeUrlState<S extends Schema>(schema: S, prefix: string, state: StateOf<S>): void {
  const params = serializeState(schema, prefix, state, new URLSearchParams(window.location.search));
  const url = `${window.location.pathname}?${queryString(params)}${window.location.hash}`;
  history.replaceState(history.state, '', url);
}

/** The link that reopens this island in its current state, scrolled to it. */
export function permalink(prefix: string, anchorId: string): string {
  const params = islandParams(prefix, new URLSearchParams(window.location.search));
  return `${window.location.origin}${window.location.pathname}?${queryString(params)}#${anchorId}`;
}

/** Builds a French notice listing the ignored parameters, or null when all were valid. */
export function invalidNotice(invalid: readonly { key: string; received: string }[]): string | null {
  if (invalid.length === 0) return null;
  const list = invalid.map((p) => `${p.key}=«\u202f${p.received}\u202f»`).join(', ');
  return `Certains réglages du lien étaient invalides et ont été remplacés par les valeurs par défaut\u00a0: ${list}.`;
}
