/**
 * French typography in the strings the browser renders: islands, live charts, every string of
 * src/nn (its number formatting, and its error and status messages, which islands show as they
 * are) and the <script> of .astro components and pages (the quiz's feedback). The build step
 * (src/middleware.ts) fixes only server-rendered HTML, so these must be right in their source. Strings are read with the Svelte and TypeScript parsers, not by
 * pattern: comments, imports, CSS and code (`a ? b : c`) are never mistaken for text.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import ts from 'typescript';
import { parse } from 'svelte/compiler';
import { frenchTypographyFaults } from '../french-typography-faults';

const ROOTS = ['src/components/islands', 'src/components/charts', 'src/components/progress', 'src/nn', 'src/runnable'];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
/** Islands, charts and src/nn: every .svelte and .ts; components and pages in .astro: their <script>. */
const sources = [
  ...ROOTS.flatMap((r) => [...files(r)].filter((p) => /\.(svelte|ts)$/.test(p))),
  ...['src/components', 'src/pages'].flatMap((r) => [...files(r)].filter((p) => p.endsWith('.astro'))),
];

/** A piece of text a reader may see, with whether a sign at its very start counts. */
interface Piece {
  text: string;
  atStart: boolean;
}

/**
 * Strings no reader sees: module names (static and dynamic imports, `import('…')` types), string
 * literal types and the patterns given to RegExp. Regex literals and comments are not strings.
 */
function isCode(node: ts.Node): boolean {
  if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return true;
  if (ts.isImportTypeNode(node) || ts.isLiteralTypeNode(node)) return true;
  if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) return true;
  if (ts.isCallExpression(node) || ts.isNewExpression(node))
    return ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
  return false;
}

/** String literals and template literals (an interpolation stands as "□") of TypeScript code. */
function tsPieces(code: string, path: string): Piece[] {
  const out: Piece[] = [];
  const visit = (node: ts.Node) => {
    if (isCode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      out.push({ text: node.text, atStart: true });
    else if (ts.isTemplateExpression(node)) {
      const text = node.head.text + node.templateSpans.map((s) => `□${s.literal.text}`).join('');
      out.push({ text, atStart: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS));
  return out;
}

/**
 * A Svelte component's text: each run of markup text (an expression or an element inside it
 * stands as "□", a comment as nothing), each attribute value, and the strings of its scripts
 * and expressions. Styles are skipped.
 */
function sveltePieces(code: string): Piece[] {
  const out: Piece[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, unknown> & { type?: string };
    if (n.type === 'Fragment') {
      const nodes = n['nodes'] as Array<{ type: string; data?: string }>;
      let text = '';
      for (const child of nodes) {
        if (child.type === 'Text') text += child.data;
        else if (child.type !== 'Comment') text += '□';
      }
      out.push({ text, atStart: false });
    } else if (n.type === 'Attribute' && Array.isArray(n['value'])) {
      const parts = n['value'] as Array<{ type: string; data?: string }>;
      out.push({ text: parts.map((p) => (p.type === 'Text' ? p.data : '□')).join(''), atStart: true });
    } else if (n.type === 'Literal' && typeof n['value'] === 'string') out.push({ text: n['value'], atStart: true });
    else if (n.type === 'TemplateLiteral') {
      const quasis = n['quasis'] as Array<{ value: { cooked: string } }>;
      out.push({ text: quasis.map((q) => q.value.cooked).join('□'), atStart: true });
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'css' && key !== 'metadata') visit(value);
  };
  visit(parse(code, { modern: true }));
  return out;
}

function pieces(path: string): Piece[] {
  const code = readFileSync(path, 'utf8');
  if (path.endsWith('.svelte')) return sveltePieces(code);
  if (path.endsWith('.ts')) return tsPieces(code, path);
  // .astro: only what runs in the browser; the rest is server-rendered and fixed by the build.
  return [...code.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) => tsPieces(m[1] ?? '', path));
}

test('finds the sources: islands, charts, all of src/nn and the .astro components', () => {
  expect(sources.filter((p) => p.endsWith('.svelte')).length).toBeGreaterThan(40);
  expect(sources.filter((p) => p.startsWith('src/nn/')).length).toBeGreaterThan(40);
  for (const p of ['src/nn/format.ts', 'src/nn/weights-file.ts', 'src/nn/data/mnist-verify.ts', 'src/nn/tf/load.ts'])
    expect(sources).toContain(p);
  expect(sources).toContain('src/components/Quiz.astro');
});

describe.each(sources)('%s', (path) => {
  test('writes a no-break space, never an ordinary one, before ; : ! ? % » and after «', () => {
    const found = pieces(path).flatMap((p) => frenchTypographyFaults(p.text, { atStart: p.atStart }));
    expect(found).toEqual([]);
  });
});

describe('the scan itself', () => {
  test('sees markup text, attributes, strings and template literals; not code, comments or styles', () => {
    const svelte = [
      '<script lang="ts">',
      '  // Pourquoi ? (a comment)',
      '  const a = x ? 1 : 2;',
      "  const b = 'Terminé !';",
      '  const c = `${n} %`;',
      '</script>',
      '<!-- Note : a comment -->',
      '<p title="Aide : ici">Perte : {loss} <strong>ok</strong> ?</p>',
      '<style>p { color: red !important; }</style>',
    ].join('\n');
    const found = sveltePieces(svelte).flatMap((p) => frenchTypographyFaults(p.text, { atStart: p.atStart }));
    expect(found).toHaveLength(5);
    for (const excerpt of ['Terminé !', '□ %', 'Aide : ici', 'Perte : □', '□ ?'])
      expect(found.some((f) => f.includes(excerpt))).toBe(true);
    const typescript = "// Quoi ? \nconst r = ok ? 'Bonne réponse !' : `Valeur : ${v}`; import x from './a ?';";
    expect(tsPieces(typescript, 'x.ts').flatMap((p) => frenchTypographyFaults(p.text, { atStart: true }))).toHaveLength(
      2,
    );
  });

  test('in TypeScript, skips what no reader sees: regexes, module names, literal types, comments', () => {
    const code = [
      '/** Pourquoi ? Parce que : voilà. */',
      "const re = / ?: /; const rx = new RegExp(' ?:'); const ry = RegExp(`a ${b} :`);",
      "type Sep = ' : ' | ' ; '; const m = import('./mod ?'); type T = import('./t ;').T;",
      'const step = (a: number, b: number) => (a > b ? a : b);',
      'throw new Error(`${where} : taille ${n} invalide (« rows » attendu) !`);',
    ].join('\n');
    const found = tsPieces(code, 'x.ts').flatMap((p) => frenchTypographyFaults(p.text, { atStart: true }));
    expect(found).toHaveLength(4);
    for (const excerpt of ['□ : taille', '« rows', 'rows »', ') !'])
      expect(found.some((f) => f.includes(excerpt))).toBe(true);
  });
});
