/**
 * The editor's pure parts, in Node with @codemirror/state: what it completes and where, and which
 * keys it binds. What a browser does with them (Ctrl + Enter runs, Tab leaves the editor until the
 * box is ticked, Escape leaves it) is asserted by the browser test tests/e2e/runnable.test.ts.
 */
import { CompletionContext, type Completion, type CompletionResult } from '@codemirror/autocomplete';
import { typescriptLanguage } from '@codemirror/lang-javascript';
import { LanguageSupport, ensureSyntaxTree } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { describe, expect, test, vi } from 'vitest';
import { apiDocs, type ApiDoc } from '../../../src/runnable/api-docs.generated';
import {
  KEYWORDS,
  apiCompletions,
  completionSources,
  lazyCompletionSources,
} from '../../../src/runnable/ui/editor-completion';
import { pageBindings, tabKeymap } from '../../../src/runnable/ui/editor-keymap';
import { EDITOR_HINT, TAB_OPTION_LABEL } from '../../../src/runnable/ui/editor';

/** The state of `code` with the cursor at "|" (removed), parsed as TypeScript. */
function stateAt(code: string): { state: EditorState; pos: number } {
  const pos = code.indexOf('|');
  const state = EditorState.create({
    doc: code.replace('|', ''),
    extensions: new LanguageSupport(typescriptLanguage),
  });
  ensureSyntaxTree(state, state.doc.length, 5000);
  return { state, pos };
}

/** Every option the sources give at "|", with the position completion would replace from. */
async function complete(code: string, explicit = false, sources = completionSources(apiDocs)) {
  const { state, pos } = stateAt(code);
  const context = new CompletionContext(state, pos, explicit);
  const results = (await Promise.all(sources.map((s) => s(context)))).filter((r): r is CompletionResult => !!r);
  const options: Completion[] = results.flatMap((r) => [...r.options]);
  return { labels: options.map((o) => o.label), options, from: results.map((r) => r.from) };
}

describe('editor completion', () => {
  test('offers the API names with their signature and doc, and the code’s own names', async () => {
    const { labels, options, from } = await complete('const poids = [1, 2];\nsigm|');
    expect(labels).toContain('sigmoid');
    expect(labels).toContain('weightedSum');
    expect(labels).toContain('poids');
    expect(labels).toContain('const');
    expect(new Set(from)).toEqual(new Set([22]));
    const sigmoid = options.find((o) => o.label === 'sigmoid');
    const doc = apiDocs.find((d) => d.name === 'sigmoid');
    expect(sigmoid).toMatchObject({ type: 'function', detail: doc?.signature, info: doc?.doc });
  });

  test('every API export is offered once, with its kind', () => {
    const options = apiCompletions(apiDocs);
    expect(options.map((o) => o.label)).toEqual(apiDocs.map((d) => d.name));
    for (const o of options) expect(['function', 'class', 'constant']).toContain(o.type);
    expect(KEYWORDS).toContain('const');
  });

  test('offers no API name after a dot, inside a string or a comment', async () => {
    for (const code of ['const m = activations.sig|', "print('sigm|')", '// sigm|', '/* sigm| */']) {
      const { labels } = await complete(code);
      expect(labels, code).not.toContain('sigmoid');
    }
  });

  test('on an empty spot, completes only when asked (Ctrl + Space)', async () => {
    expect((await complete('print(|)')).labels).toEqual([]);
    expect((await complete('print(|)', true)).labels).toContain('sigmoid');
  });

  test('the lazy sources fetch the API list once, and only when a name is being completed', async () => {
    const docs: ApiDoc[] = [{ name: 'sigmoid', kind: 'function', signature: '(z: number) => number', doc: 'σ.' }];
    const load = vi.fn(async () => docs);
    const sources = lazyCompletionSources(load);
    expect((await complete("print('sig|')", false, sources)).labels).toEqual([]);
    expect(load).not.toHaveBeenCalled();
    expect((await complete('sig|', false, sources)).labels).toContain('sigmoid');
    expect((await complete('const x = 1;\nsig|', false, sources)).labels).toContain('sigmoid');
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('editor keys', () => {
  const bindingsOf = (state: EditorState) => state.facet(keymap).flat();

  test('Ctrl/Cmd + Enter runs, Escape leaves', () => {
    const onRun = vi.fn();
    const onEscape = vi.fn();
    const bindings = pageBindings({ onRun, onEscape });
    const run = bindings.find((b) => b.key === 'Mod-Enter');
    const escape = bindings.find((b) => b.key === 'Escape');
    const view = {} as Parameters<NonNullable<typeof run>['run'] & object>[0];
    expect(run?.run?.(view)).toBe(true);
    expect(onRun).toHaveBeenCalledTimes(1);
    expect(bindings.find((b) => b.mac === 'Ctrl-Enter')?.run).toBe(run?.run);
    expect(escape?.run?.(view)).toBe(true);
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  test('Tab is bound only once the reader opts in', () => {
    const off = bindingsOf(EditorState.create({ extensions: tabKeymap(false) }));
    const on = bindingsOf(EditorState.create({ extensions: tabKeymap(true) }));
    expect(off.some((b) => b.key === 'Tab')).toBe(false);
    expect(on.some((b) => b.key === 'Tab')).toBe(true);
  });

  test('the hint and the option read in French, with no-break spaces before the colons', () => {
    expect(EDITOR_HINT).toBe('Ctrl + Entrée\u00a0: exécuter · Échap\u00a0: quitter l’éditeur');
    expect(TAB_OPTION_LABEL).toBe('Tab indente le code');
  });
});
