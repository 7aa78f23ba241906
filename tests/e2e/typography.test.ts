/**
 * French typography in the built pages: no ordinary space before ; : ! ? % » or after «, and
 * the no-break space of the site's rule where there is one (U+202F before ; ! ? % » and after «,
 * U+00A0 before :). Reads the test build's HTML as readers get it, islands' server-rendered
 * text included, outside code, keyboard input, scripts, styles, math and English passages.
 * What a fault is: tests/french-typography-faults.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { listPages } from './pages-list';
import { frenchTypographyFaults as faults } from '../french-typography-faults';
// Elements a sentence runs through: the same set the build step joins text across.
import { INLINE } from '../../src/markdown/rehype-french-typography.mjs';

const pages = [...listPages().map((p) => `${p}index.html`), '404.html'];
const read = (page: string) => readFileSync(join(inject('sitePath'), page), 'utf8');

const NNBSP = '\u202f';
const NBSP = '\u00a0';
/** Not French prose: code, keyboard input, scripts, styles, math, another language. */
function skipped(el: Element): boolean {
  const lang = el.getAttribute('lang');
  return (
    ['code', 'kbd', 'samp', 'pre', 'script', 'style', 'noscript', 'textarea', 'math', 'template'].includes(
      el.localName,
    ) ||
    el.classList.contains('katex') ||
    el.classList.contains('katex-display') ||
    (lang !== null && !lang.startsWith('fr'))
  );
}
/** The text of a page, one string per block; a skipped inline element stands as "□". */
function blocks(root: Node): string[] {
  const out: string[] = [''];
  const visit = (node: Node) => {
    if (node.nodeType === 3) out[out.length - 1] += node.nodeValue ?? '';
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const inline = INLINE.has(el.localName) || ['code', 'kbd', 'samp', 'math'].includes(el.localName);
    if (skipped(el)) {
      if (inline) out[out.length - 1] += '□';
      else out.push('');
      return;
    }
    if (!inline) out.push('');
    for (const child of el.childNodes) visit(child);
    if (!inline) out.push('');
  };
  visit(root);
  return out.filter((b) => b.trim() !== '');
}

const READ_ATTRIBUTES = ['alt', 'title', 'aria-label', 'aria-description', 'placeholder'];

describe.each(pages)('/%s', (page) => {
  const { document } = parseHTML(read(page));

  test('has no ordinary space before ; : ! ? % » or after «, in its text and <title>', () => {
    const texts = blocks(document.documentElement);
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.flatMap((t) => faults(t))).toEqual([]);
  });

  test('nor in the attributes a reader sees or hears (alt, title, aria-label…)', () => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      if (el.closest('script, style')) continue;
      for (const name of READ_ATTRIBUTES) {
        const value = el.getAttribute(name);
        if (value) found.push(...faults(value).map((f) => `${el.localName}[${name}] ${f}`));
      }
    }
    expect(found).toEqual([]);
  });
});

test('the sidebar and the page title carry the no-break spaces (a sign the step ran on every page)', () => {
  const sidebars = pages
    .map((page) => [page, parseHTML(read(page)).document.querySelector('#starlight__sidebar')?.textContent] as const)
    .filter(([, sidebar]) => sidebar !== undefined);
  expect(sidebars.length).toBeGreaterThanOrEqual(10);
  for (const [page, sidebar] of sidebars) expect(sidebar, page).toContain(`deep learning${NNBSP}?`);
  const { document } = parseHTML(read('introduction/index.html'));
  expect(document.title).toContain(`deep learning${NNBSP}?`);
  expect(read('retropropagation/index.html')).toContain(`pente${NNBSP}?`);
  expect(read('projet-mnist/index.html')).toContain(`</span>${NNBSP}% des pixels`);
  expect(read('retropropagation/index.html')).toContain(`saurez${NBSP}:`);
});
