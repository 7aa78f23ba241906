/**
 * What the editor offers as completions: the course API's names (each with its signature and its
 * one-line doc, from api-docs.generated.ts), the names the reader's own code defines, and a few
 * keywords. Pure (a state in, options out), so it is tested in Node with @codemirror/state.
 */
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { completionPath, localCompletionSource } from '@codemirror/lang-javascript';
import type { ApiDoc } from '../api-docs.generated';

/** The keywords a course example uses; the full list would only crowd the API's names. */
export const KEYWORDS = [
  'async',
  'await',
  'break',
  'const',
  'continue',
  'else',
  'false',
  'for',
  'function',
  'if',
  'let',
  'new',
  'null',
  'of',
  'return',
  'true',
  'undefined',
  'while',
];

/**
 * The names run-code.ts puts in a block's scope beside the API (src/nn/index.ts, whose docs are
 * generated): the fast engine's entry points, documented here by hand.
 */
export const RUNTIME_DOCS: readonly ApiDoc[] = [
  {
    name: 'loadFastEngine',
    kind: 'function',
    signature: '() => Promise<Tf>',
    doc: 'Charge TensorFlow.js (le moteur rapide) à la demande et le renvoie.',
  },
  {
    name: 'fastMlp',
    kind: 'function',
    signature: '(spec: MlpSpec & MlpOptions) => Promise<FastMlpModel>',
    doc: 'Crée un perceptron multicouche sur le moteur rapide (TensorFlow.js), poids tirés avec une graine.',
  },
];

/** The API's docs and the runtime's, as the editor offers them. */
export function withRuntimeDocs(docs: readonly ApiDoc[]): ApiDoc[] {
  return [...docs, ...RUNTIME_DOCS];
}

/** Identifiers, as CodeMirror's JavaScript sources match them. */
const IDENTIFIER = /^[\w$\xa1-\uffff]*$/;

/** One completion per API export: its signature beside it, its doc in the info panel. */
export function apiCompletions(docs: readonly ApiDoc[]): Completion[] {
  return docs.map((d) => ({
    label: d.name,
    type: d.kind,
    detail: d.signature,
    ...(d.doc ? { info: d.doc } : {}),
    // The API is what the reader is learning: it ranks above keywords and their own names.
    boost: 1,
  }));
}

/**
 * Completes a bare name (not a property after "." and not inside a string or comment) from
 * `options`: the API's names are globals in a block, never members of an object.
 */
export function bareNameSource(options: readonly Completion[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const path = completionPath(context);
    if (!path || path.path.length > 0) return null;
    return { from: context.pos - path.name.length, options: [...options], validFor: IDENTIFIER };
  };
}

/** Every source the editor uses, in order: API, keywords, the document's own names. */
export function completionSources(docs: readonly ApiDoc[]): CompletionSource[] {
  return [bareNameSource(apiCompletions(docs)), ...otherSources()];
}

function otherSources(): CompletionSource[] {
  const keywords: Completion[] = KEYWORDS.map((k) => ({ label: k, type: 'keyword' }));
  return [bareNameSource(keywords), localCompletionSource];
}

/**
 * The same sources, the API's list fetched by `load` the first time a completion is asked for
 * (the reader types a name or presses Ctrl + Space), not when the editor opens: its doc sentences
 * weigh as much as a tenth of the editor, and grow with the API.
 */
export function lazyCompletionSources(load: () => Promise<readonly ApiDoc[]>): CompletionSource[] {
  let api: Promise<CompletionSource> | undefined;
  const apiSource: CompletionSource = async (context) => {
    // Nothing to complete here (a property, a string): no need to fetch the list yet.
    const path = completionPath(context);
    if (!path || path.path.length > 0) return null;
    api ??= load().then((docs) => bareNameSource(apiCompletions(docs)));
    return (await api)(context);
  };
  return [apiSource, ...otherSources()];
}
