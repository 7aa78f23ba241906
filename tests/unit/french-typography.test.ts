/**
 * The build step that puts French no-break spaces into every page (src/markdown/, applied by
 * src/middleware.ts): the pure string rule, the tree walk (runs across inline elements, never
 * inside code, math, scripts or another language) and the page rewrite that changes nothing else.
 */
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { frenchSpaces, frenchTypography, NARROW_NBSP, NBSP } from '../../src/markdown/rehype-french-typography.mjs';
import { frenchTypographyHtml } from '../../src/markdown/french-typography-html.mjs';

const N = NARROW_NBSP;

describe('frenchSpaces', () => {
  test.each([
    ['pente ?', `pente${N}?`],
    ['Bonne réponse !', `Bonne réponse${N}!`],
    ['époque après époque ;', `époque après époque${N};`],
    ['97,5 %', `97,5${N}%`],
    ['vous saurez :', `vous saurez${NBSP}:`],
    ['« deep learning »', `«${N}deep learning${N}»`],
  ])('%j → the no-break space of the rule', (input, expected) => {
    expect(frenchSpaces(input)).toBe(expected);
  });

  test('a line break or several spaces before a sign become one no-break space (HTML shows them as one)', () => {
    expect(frenchSpaces('pente\n  ?')).toBe(`pente${N}?`);
  });

  test('the other no-break space is made consistent: narrow before ; ! ? %, plain before :', () => {
    expect(frenchSpaces(`a${NBSP}? b${NBSP}% c${N}:`)).toBe(`a${N}? b${N}% c${NBSP}:`);
  });

  test('guillemets glued to their words get their spaces', () => {
    expect(frenchSpaces('le mot «poids» ici')).toBe(`le mot «${N}poids${N}» ici`);
  });

  test('what is already right stays the same', () => {
    const right = `Quoi${N}? Ceci${NBSP}: « ok » et 5${N}%.`.replace(/« ok »/, `«${N}ok${N}»`);
    expect(frenchSpaces(right)).toBe(right);
  });

  test('URLs, times, ratios, query strings and signs without a space are left alone', () => {
    for (const s of ['http://127.0.0.1:4321/?p.seed=1', '12:30', '3:4', 'a:b', '?x=1', 'Quoi?!', '100%']) {
      expect(frenchSpaces(s)).toBe(s);
    }
  });

  test('a sign at the start, with nothing visible before it, is left alone', () => {
    expect(frenchSpaces(' ? suite')).toBe(' ? suite');
  });
});

/** Runs the tree walk on an HTML fragment and returns its text, with the markup kept. */
function walk(html: string): string {
  return frenchTypographyHtml(`<!doctype html><html lang="fr"><head><title>t</title></head><body>${html}</body></html>`)
    .replace(/^.*<body>/s, '')
    .replace(/<\/body>.*$/s, '');
}

describe('the tree walk', () => {
  test('fixes each sign in prose', () => {
    expect(walk('<p>Quoi ? Ceci : cela ; enfin ! 5 % « mot »</p>')).toBe(
      `<p>Quoi${N}? Ceci${NBSP}: cela${N}; enfin${N}! 5${N}% «${N}mot${N}»</p>`,
    );
  });

  test('a space and its sign in different text nodes are fixed together', () => {
    expect(walk('<p>le <em>mot</em> ?</p>')).toBe(`<p>le <em>mot</em>${N}?</p>`);
    expect(walk('<p>le <em>mot </em>?</p>')).toBe(`<p>le <em>mot${N}</em>?</p>`);
    expect(walk('<p>« <strong>mot</strong> »</p>')).toBe(`<p>«${N}<strong>mot</strong>${N}»</p>`);
  });

  test('an inline code or formula counts as a word before a sign, its inside is untouched', () => {
    expect(walk('<p><code>a ? b : c</code> ?</p>')).toBe(`<p><code>a ? b : c</code>${N}?</p>`);
    expect(walk('<p><span class="katex">x : y</span> :</p>')).toBe(`<p><span class="katex">x : y</span>${NBSP}:</p>`);
  });

  test('code blocks, scripts, styles, keyboard input, MathML and English passages are untouched', () => {
    const untouched = [
      '<pre>a ? b : c</pre>',
      '<script>const t = a ? "b" : "c";</script>',
      '<style>a { color: red !important; }</style>',
      '<p><kbd>Ctrl :</kbd></p>',
      '<math><mi>x</mi><mo> :</mo></math>',
      '<p><i lang="en">What is it ?</i></p>',
      '<span class="katex-display">f : x</span>',
      '<astro-island props="{}"><p>rendu par Svelte ?</p></astro-island>',
    ];
    for (const html of untouched) expect(walk(html)).toBe(html);
  });

  test('no run crosses a block: a sign starting a paragraph is left alone', () => {
    expect(walk('<p>fin </p><p>? début</p>')).toBe('<p>fin </p><p>? début</p>');
  });

  test('the attributes people read are fixed, the others not', () => {
    expect(walk('<img alt="Quoi ?" data-x="a ?"><a title="Note : ceci" href="/?a=1">x</a>')).toBe(
      `<img alt="Quoi${N}?" data-x="a ?"><a title="Note${NBSP}: ceci" href="/?a=1">x</a>`,
    );
  });

  test('runs on a hast tree as a rehype step', () => {
    const tree = fromHtml('<p>Pourquoi ?</p>', { fragment: true });
    frenchTypography(tree);
    expect(JSON.stringify(tree)).toContain(`Pourquoi${N}?`);
  });
});

describe('the page rewrite', () => {
  test('changes only the fixed text: entities, scripts, island props and KaTeX stay byte for byte', () => {
    const head = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Qu’est-ce ?</title>';
    const rest =
      '<script>if (a < b && c) x = d ? "e" : "f";</script></head><body>' +
      '<astro-island props="{&quot;t&quot;:[0,&quot;a ?&quot;]}" client="visible"></astro-island>' +
      '<p class=x data-a=\'1\'>l&#39;erreur &amp; la perte : <span class="katex"><span>f : x</span></span></p>' +
      '</body></html>';
    expect(frenchTypographyHtml(head + rest)).toBe(
      head.replace(' ?', `${N}?`) +
        rest.replace('perte :', `perte${NBSP}:`).replace('l&#39;erreur &amp;', "l'erreur &amp;"),
    );
  });

  test('a page with nothing to fix comes back identical', () => {
    const html = '<!doctype html><html><head><title>Rien</title></head><body><p>Rien à corriger.</p></body></html>';
    expect(frenchTypographyHtml(html)).toBe(html);
  });
});
