/**
 * The editor's keys. Ctrl/Cmd + Enter runs, Escape leaves the editor (the page moves the focus back
 * to « Modifier »): both above CodeMirror's defaults, but below the completion list's keys, so that
 * Escape first closes an open list. Tab moves the focus out, as everywhere on the page, until the
 * reader opts in to indenting with it (no keyboard trap by default; Escape always leaves).
 */
import { indentWithTab } from '@codemirror/commands';
import { Prec, type Extension } from '@codemirror/state';
import { keymap, type KeyBinding } from '@codemirror/view';

export interface EditorKeyHandlers {
  onRun(): void;
  onEscape(): void;
}

/** The bindings that call the page: returned alone so a test can read their keys. */
export function pageBindings(handlers: EditorKeyHandlers): KeyBinding[] {
  const run = () => {
    handlers.onRun();
    return true;
  };
  // The hint says Ctrl + Entrée: on a Mac, where Mod is Cmd, Ctrl + Enter runs too.
  return [
    { key: 'Mod-Enter', preventDefault: true, run },
    { mac: 'Ctrl-Enter', preventDefault: true, run },
    {
      key: 'Escape',
      run: () => {
        handlers.onEscape();
        return true;
      },
    },
  ];
}

export function pageKeymap(handlers: EditorKeyHandlers): Extension {
  return Prec.high(keymap.of(pageBindings(handlers)));
}

/** What the « Tab indente le code » checkbox switches: Tab and Shift-Tab indent, or nothing. */
export function tabKeymap(indent: boolean): Extension {
  return indent ? keymap.of([indentWithTab]) : [];
}
