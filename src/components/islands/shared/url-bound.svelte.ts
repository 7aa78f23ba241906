/**
 * The URL-state life cycle every island shares, in one place: the state starts from the
 * schema's defaults overridden by the chapter's props, then, once mounted, by the page URL
 * (invalid parameters keep their value and produce a French notice); every change is written
 * back to the URL with history.replaceState, debounced because browsers limit how often a
 * page may call it; the permalink is built from the state itself, so it is never stale.
 */
import { onMount, untrack } from 'svelte';
import { defaultState, serializeState, type Schema, type StateOf } from './url-state';
import { invalidNotice, queryString, readUrlState, writeUrlState } from './url-sync';

const WRITE_DELAY_MS = 150;

export interface UrlBoundState<S extends Schema> {
  /** The island's state: a deeply reactive object, to read and write like any $state. */
  readonly s: StateOf<S>;
  /** French notice listing the link's invalid parameters, or null. */
  readonly notice: string | null;
  /** True once the page URL has been read (after mount). */
  readonly ready: boolean;
  /** The link that reopens the island in its current state, scrolled to `anchorId`. */
  link(anchorId: string): string;
}

/** Call during a component's initialisation (it registers onMount and an effect). */
export function urlBoundState<S extends Schema>(
  schema: S,
  prefix: string,
  initial: () => Partial<StateOf<S>> = () => ({}),
): UrlBoundState<S> {
  // The chapter's settings are read once; afterwards the reader (and the URL) own the state.
  const s = $state(untrack(() => ({ ...defaultState(schema), ...initial() }))) as StateOf<S>;
  let notice = $state<string | null>(null);
  let ready = $state(false);

  onMount(() => {
    const { state, invalid } = readUrlState(schema, prefix, $state.snapshot(s) as StateOf<S>);
    Object.assign(s, state);
    notice = invalidNotice(invalid);
    ready = true;
  });

  $effect(() => {
    const snapshot = $state.snapshot(s) as StateOf<S>;
    if (!ready) return;
    const timer = setTimeout(() => writeUrlState(schema, prefix, snapshot), WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  });

  return {
    s,
    get notice() {
      return notice;
    },
    get ready() {
      return ready;
    },
    link: (anchorId) =>
      `${location.origin}${location.pathname}?${queryString(
        serializeState(schema, prefix, $state.snapshot(s) as StateOf<S>),
      )}#${anchorId}`,
  };
}
