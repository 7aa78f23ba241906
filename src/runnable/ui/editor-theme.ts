/**
 * The editor's look, from Starlight's CSS variables only: Starlight swaps their values when
 * <html data-theme> changes, so light and dark follow the site with no script. The token colours
 * are Starlight's "-high" shades, made for text on its backgrounds: on --sl-color-bg they give at
 * least 7.1:1 in light mode and 10.4:1 in dark mode (comments, in --texte-discret: 7.0 and 10.0),
 * and at least 4.8:1 on the pale accent that marks a matching bracket or a chosen completion.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const MONO = 'var(--__sl-font-mono, var(--sl-font-mono, ui-monospace, monospace))';
const MUTED = 'var(--texte-discret, var(--sl-color-gray-3))';

const theme = EditorView.theme({
  '&': {
    color: 'var(--sl-color-text)',
    backgroundColor: 'var(--sl-color-bg)',
    border: '1px solid var(--sl-color-gray-5)',
    fontSize: 'var(--sl-text-code, 0.875rem)',
    // Never wider than the column: long lines wrap (lineWrapping), so a phone never scrolls sideways.
    maxWidth: '100%',
  },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent-high)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: MONO, lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--sl-color-white)', padding: '0.5rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--sl-color-white)' },
  '.cm-gutters': {
    backgroundColor: 'var(--sl-color-bg)',
    color: MUTED,
    border: 'none',
    borderInlineEnd: '1px solid var(--sl-color-gray-5)',
  },
  '&.cm-focused .cm-matchingBracket': {
    backgroundColor: 'var(--sl-color-accent-low)',
    color: 'var(--sl-color-white)',
    outline: '1px solid var(--sl-color-accent)',
  },
  '&.cm-focused .cm-nonmatchingBracket': { color: 'var(--sl-color-red-high)', textDecoration: 'underline wavy' },
  '.cm-panels': { backgroundColor: 'transparent', color: 'var(--sl-color-text)', border: 'none' },
  '.cm-panels.cm-panels-top': { borderBottom: 'none' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--sl-color-gray-5)' },
  '.npn-editor__panel': {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '0.25rem 1rem',
    padding: '0.25rem 0.5rem',
    fontSize: 'var(--sl-text-xs, 0.8125rem)',
    color: MUTED,
  },
  '.npn-editor__panel label': { color: 'var(--sl-color-text)', display: 'inline-flex', gap: '0.4em' },
  '.cm-tooltip': {
    backgroundColor: 'var(--sl-color-bg-nav)',
    color: 'var(--sl-color-text)',
    border: '1px solid var(--sl-color-gray-5)',
  },
  '.cm-tooltip-autocomplete > ul': { fontFamily: MONO, maxWidth: 'min(32rem, 90vw)' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--sl-color-accent-low)',
    color: 'var(--sl-color-white)',
  },
  '.cm-completionDetail': { color: MUTED, fontStyle: 'normal', marginInlineStart: '0.75em' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected] .cm-completionDetail': { color: 'var(--sl-color-white)' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: 'bold' },
  '.cm-completionInfo': { padding: '0.4rem 0.6rem', maxWidth: 'min(24rem, 80vw)' },
  // On a narrow screen the doc goes under the list rather than beside it, off the page's edge.
  '.cm-completionInfo.cm-completionInfo-left-narrow, .cm-completionInfo.cm-completionInfo-right-narrow': {
    maxWidth: '90vw',
  },
});

const highlight = HighlightStyle.define([
  {
    tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.moduleKeyword, t.operatorKeyword, t.self],
    color: 'var(--sl-color-purple-high)',
  },
  { tag: [t.bool, t.null, t.atom], color: 'var(--sl-color-purple-high)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--sl-color-green-high)' },
  { tag: [t.number, t.integer, t.float], color: 'var(--sl-color-orange-high)' },
  {
    tag: [t.function(t.variableName), t.function(t.definition(t.variableName)), t.function(t.propertyName)],
    color: 'var(--sl-color-blue-high)',
  },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--sl-color-red-high)' },
  { tag: t.comment, color: MUTED, fontStyle: 'italic' },
  { tag: t.invalid, color: 'var(--sl-color-red-high)', textDecoration: 'underline wavy' },
]);

export const editorTheme: Extension = [theme, syntaxHighlighting(highlight)];
