/**
 * The code editor a runnable block turns into on « Modifier »: CodeMirror 6 with TypeScript
 * highlighting, line numbers, bracket matching, undo history, indentation on input and completion
 * of the course API. Loaded by a dynamic import only when the reader clicks « Modifier », so that
 * none of it weighs on a chapter page before then (budget: 150 KB gzip, all of it).
 *
 * Built from the parts it needs, not `basicSetup` nor `javascript()`: no search panel, no lint,
 * no snippets. The course API's names and docs (api-docs.generated.ts) come in a chunk of their
 * own on the first completion. Its look (editor-theme.ts) reads Starlight's CSS variables; its keys are in
 * editor-keymap.ts; its completions in editor-completion.ts.
 */
import { autocompletion } from '@codemirror/autocomplete';
import {
  history,
  historyKeymap,
  indentLess,
  indentMore,
  insertNewlineAndIndent,
  standardKeymap,
} from '@codemirror/commands';
import { typescriptLanguage } from '@codemirror/lang-javascript';
import { LanguageSupport, bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, showPanel, type Panel } from '@codemirror/view';
import { lazyCompletionSources, withRuntimeDocs } from './editor-completion';
import { pageKeymap, tabKeymap } from './editor-keymap';
import { editorTheme } from './editor-theme';

export interface EditorOptions {
  doc: string;
  /** The accessible name of the code area, e.g. « Code modifiable : sortie-neurone ». */
  label: string;
  /** Ctrl/Cmd + Enter. */
  onRun(): void;
  /** Every change, with the whole new text (the page keeps it for the block). */
  onChange(doc: string): void;
  /** Escape (with no completion list open): the page moves the focus back to « Modifier ». */
  onEscape(): void;
}

export interface EditorHandle {
  getDoc(): string;
  /** Replaces the text (e.g. « Revenir au code d'origine »); does not call onChange. */
  setDoc(doc: string): void;
  focus(): void;
  destroy(): void;
}

/** The hint under the code (French typography: U+00A0 before each colon). */
export const EDITOR_HINT =
  'Ctrl + Entr\u00e9e\u00a0: ex\u00e9cuter \u00b7 \u00c9chap\u00a0: quitter l\u2019\u00e9diteur';
export const TAB_OPTION_LABEL = 'Tab indente le code';

let editorCount = 0;

/** The line under the code: the keys to know, and the checkbox that lets Tab indent. */
function optionsPanel(id: string, onTabChange: (indent: boolean) => void): Panel {
  const dom = document.createElement('div');
  dom.className = 'npn-editor__panel';
  const hint = document.createElement('span');
  hint.id = `${id}-hint`;
  hint.textContent = EDITOR_HINT;
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.addEventListener('change', () => onTabChange(box.checked));
  label.append(box, TAB_OPTION_LABEL);
  dom.append(hint, label);
  return { dom, top: false };
}

export function openEditor(host: HTMLElement, options: EditorOptions): EditorHandle {
  const id = `npn-editor-${++editorCount}`;
  const tab = new Compartment();
  // setDoc replaces the text on the page's behalf: that is not a reader's edit to report.
  let silent = false;
  // Called on a click of the checkbox, after `view` below exists.
  const setTab = (indent: boolean) => view.dispatch({ effects: tab.reconfigure(tabKeymap(indent)) });

  const state = EditorState.create({
    doc: options.doc,
    extensions: [
      lineNumbers(),
      history(),
      indentOnInput(),
      bracketMatching(),
      indentUnit.of('  '),
      EditorState.tabSize.of(2),
      EditorView.lineWrapping,
      new LanguageSupport(typescriptLanguage),
      autocompletion({
        override: lazyCompletionSources(() => import('../api-docs.generated').then((m) => withRuntimeDocs(m.apiDocs))),
        icons: false,
      }),
      pageKeymap(options),
      tab.of(tabKeymap(false)),
      keymap.of([
        ...standardKeymap,
        { key: 'Enter', run: insertNewlineAndIndent },
        { key: 'Mod-[', run: indentLess },
        { key: 'Mod-]', run: indentMore },
        ...historyKeymap,
      ]),
      EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-describedby': `${id}-hint` }),
      showPanel.of(() => optionsPanel(id, setTab)),
      EditorView.updateListener.of((update) => {
        if (update.docChanged && !silent) options.onChange(update.state.doc.toString());
      }),
      editorTheme,
    ],
  });
  const view = new EditorView({ state, parent: host });
  const editor = view;

  return {
    getDoc: () => editor.state.doc.toString(),
    setDoc(doc) {
      silent = true;
      try {
        editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: doc } });
      } finally {
        silent = false;
      }
    },
    focus: () => editor.focus(),
    destroy: () => editor.destroy(),
  };
}
