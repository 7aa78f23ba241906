// @ts-check
/**
 * Writes src/runnable/api-docs.generated.ts: one entry per value export of src/nn/index.ts (name,
 * kind, a short signature, the first sentence of its French JSDoc). The code editor offers these
 * names as completions with their doc, so the list must follow the API: the unit test
 * tests/unit/runnable/api-docs.test.ts regenerates it in memory and fails when the committed file
 * is stale. Read with the TypeScript compiler, not by pattern, so `export *` chains are followed.
 *
 *   node scripts/api-docs.mjs      (or npm run api-docs)
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as prettier from 'prettier';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const API_ENTRY = resolve(ROOT, 'src/nn/index.ts');
export const API_DOCS_FILE = resolve(ROOT, 'src/runnable/api-docs.generated.ts');

/** Docs past this length are cut at a word, with "…": the completion box shows one line or two. */
const MAX_DOC = 110;
/** Signatures longer than this are cut: they ship with the editor and only hint at the call. */
const MAX_SIGNATURE = 56;
/** A constant's type is shown only when it is this short (a literal like 28 or "NPNM"), not a record type. */
const MAX_CONSTANT_TYPE = 16;

/** @typedef {{ name: string; kind: 'function' | 'class' | 'constant'; signature: string; doc: string }} ApiDoc */

/** Words whose period does not end a sentence (English comments today, French ones tomorrow). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'p', 'ex', 'cf', 'vs', 'resp', 'etc', 'env']);

/**
 * The first sentence of a doc comment, on one line: up to the first period followed by a space
 * (or the end) that is outside brackets and code spans and does not close an abbreviation, so
 * "(e.g. 2.5)" or "`a.b`" do not cut it. Question marks do not end it: the French "?" follows a space.
 */
export function firstSentence(/** @type {string} */ text) {
  // A paragraph break or a list ends the summary too.
  const flat = text
    .split(/\n\s*\n|\n\s*[-*] /, 1)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  let depth = 0;
  let code = false;
  for (let i = 0; i < flat.length; i++) {
    const c = flat.charAt(i);
    if (c === '`') code = !code;
    else if (code) continue;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === '.' && depth === 0 && (i + 1 === flat.length || flat[i + 1] === ' ')) {
      const word = /([\p{L}.]*)$/u.exec(flat.slice(0, i))?.[1] ?? '';
      if (!ABBREVIATIONS.has(word.toLowerCase())) return flat.slice(0, i + 1);
    }
  }
  return flat;
}

function shorten(/** @type {string} */ s, max = MAX_SIGNATURE, atWord = false) {
  const flat = s.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${atWord && space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * A signature as a hint, not a contract: `readonly` dropped, and a destructured parameter
 * (`{ xs, ys }?: { xs?: …; … }`) named `options`, so the cut at MAX_SIGNATURE keeps more of the call.
 */
export function compactSignature(/** @type {string} */ s) {
  let out = s.replace(/\breadonly /g, '');
  // A destructuring pattern is the first "{" of a parameter: after "(" or ", ".
  for (;;) {
    const m = /([(,] ?)\{[^{}]*\}(\??:)/.exec(out);
    if (!m) break;
    out = `${out.slice(0, m.index)}${m[1]}options${m[2]}${out.slice(m.index + m[0].length)}`;
  }
  return out;
}

/** Every value export of the API's entry, sorted by name. @returns {ApiDoc[]} */
export function readApiDocs(entry = API_ENTRY) {
  const config = ts.readConfigFile(resolve(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([entry], { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`api-docs: cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseFullyQualifiedType;
  /** @type {ApiDoc[]} */
  const out = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Value)) continue;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!decl) continue;
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    /** @type {ApiDoc['kind']} */
    let kind;
    let signature;
    if (symbol.flags & ts.SymbolFlags.Class) {
      kind = 'class';
      const ctor = type.getConstructSignatures()[0];
      const params = ctor ? checker.signatureToString(ctor, decl, flags).replace(/\)\s*:.*$/s, ')') : '()';
      signature = `new ${params.startsWith('(') ? params : `(${params})`}`;
    } else if (symbol.flags & ts.SymbolFlags.Function) {
      kind = 'function';
      const sig = type.getCallSignatures()[0];
      signature = sig
        ? checker.signatureToString(sig, decl, flags, ts.SignatureKind.Call).replace(/\)\s*:\s*/, ') => ')
        : '()';
    } else {
      const call = type.getCallSignatures()[0];
      kind = call ? 'function' : 'constant';
      signature = call
        ? checker.signatureToString(call, decl, flags).replace(/\)\s*:\s*/, ') => ')
        : checker.typeToString(type, decl, flags);
    }
    const doc = shorten(firstSentence(ts.displayPartsToString(symbol.getDocumentationComment(checker))), MAX_DOC, true);
    if (kind === 'constant' && signature.length > MAX_CONSTANT_TYPE) signature = '';
    out.push({ name: exported.name, kind, signature: shorten(compactSignature(signature)), doc });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** One letter per kind in the generated list, expanded when the editor loads it. */
const KIND_LETTERS = { function: 'f', class: 'c', constant: 'k' };

/**
 * The generated module's text, formatted as prettier would (so `prettier --check` stays quiet).
 * It ships in the editor's docs chunk, so it is packed: one string per export, its fields
 * separated by tabs, rather than an object per export (the keys would be repeated 176 times).
 */
export async function renderApiDocs(docs = readApiDocs()) {
  const packed = docs.map((d) => [d.name, KIND_LETTERS[d.kind], d.signature, d.doc].join('\t'));
  const body = [
    '// Generated by scripts/api-docs.mjs from src/nn/index.ts: do not edit, run `npm run api-docs`.',
    '',
    '/** One value export of the course API, as the editor offers it for completion. */',
    'export interface ApiDoc {',
    '  name: string;',
    "  kind: 'function' | 'class' | 'constant';",
    `  /** Short, e.g. "(z: number) => number", cut with "…" past ${MAX_SIGNATURE} characters; a constant's only when short, e.g. "28". */`,
    '  signature: string;',
    '  /** The first sentence of its JSDoc, in French. */',
    '  doc: string;',
    '}',
    '',
    "const kinds = { f: 'function', c: 'class', k: 'constant' } as const;",
    '',
    '/** "name, kind letter, signature, doc", tab-separated: smaller than objects once gzipped. */',
    `const packed: readonly string[] = ${JSON.stringify(packed)};`,
    '',
    'export const apiDocs: readonly ApiDoc[] = packed.map((line) => {',
    "  const [name = '', kind = 'f', signature = '', doc = ''] = line.split('\\t');",
    '  return { name, kind: kinds[kind as keyof typeof kinds], signature, doc };',
    '});',
    '',
  ].join('\n');
  const options = (await prettier.resolveConfig(API_DOCS_FILE)) ?? {};
  return prettier.format(body, { ...options, filepath: API_DOCS_FILE });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const docs = readApiDocs();
  await writeFile(API_DOCS_FILE, await renderApiDocs(docs));
  const missing = docs.filter((d) => d.doc === '').length;
  console.log(`api-docs: ${docs.length} exports written to ${API_DOCS_FILE} (${missing} without a JSDoc)`);
}
