/**
 * Every runnable block of the chapters type-checks against the API's types: examples, starter
 * code (which may fail its check at run time, but must compile), solutions, and solution +
 * verification together. One TypeScript program holds every block as a virtual file that sees
 * what the runtime gives it (run-code.ts): every value `src/nn/index.ts` exports, `console`,
 * `loadFastEngine` and `fastMlp`, the code in a block of an async function (top-level `await`), the check in
 * a nested block after it. Diagnostics name the MDX file and line.
 *
 * Readers' types are optional, so implicit `any` is allowed; everything else is strict.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { extractBlocks } from '../../../src/runnable/blocks';

const ROOT = process.cwd();
const NN_INDEX = join(ROOT, 'src/nn/index.ts');
const FAST_ENGINE = join(ROOT, 'src/runnable/fast-engine.ts');
const FAST_MLP = join(ROOT, 'src/runnable/fast-mlp.ts');
const VIRTUAL_DIR = join(ROOT, 'tests/unit/runnable/__blocks__');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.esnext.d.ts', 'lib.dom.d.ts'],
  types: [],
  strict: true,
  noImplicitAny: false,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  noEmit: true,
  skipLibCheck: true,
};

/** A piece of MDX code to type-check: its text and the line of the MDX file its first line is on. */
interface Piece {
  code: string;
  firstLine: number;
}
interface Unit {
  /** `<file>:<line> <id> (<what>)`, the test's name. */
  name: string;
  file: string;
  pieces: Piece[];
}
/** One diagnostic, placed in the MDX file. */
interface Finding {
  unit: string;
  where: string;
  message: string;
}

function* mdxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* mdxFiles(path);
    else if (entry.name.endsWith('.mdx')) yield path;
  }
}

/** What each block asks to compile: an example; an exercise's starter, solution, and solution + check. */
function unitsOf(file: string, source: string): Unit[] {
  return extractBlocks(source, file).flatMap((b): Unit[] => {
    const at = (line: number, what: string) => `${file}:${line} ${b.id} (${what})`;
    if (b.kind === 'exemple')
      return [{ name: at(b.line, 'exemple'), file, pieces: [{ code: b.source, firstLine: b.line + 1 }] }];
    const solution = { code: b.solution, firstLine: b.solutionLine + 1 };
    return [
      { name: at(b.line, 'code de départ'), file, pieces: [{ code: b.starter, firstLine: b.line + 1 }] },
      { name: at(b.solutionLine, 'solution'), file, pieces: [solution] },
      {
        name: at(b.checkLine, 'solution + vérification'),
        file,
        pieces: [solution, { code: b.check, firstLine: b.checkLine + 1 }],
      },
    ];
  });
}

/**
 * What `src/nn/index.ts` exports, read by the checker: the value names (what the runtime puts in
 * scope), the pure type names, and the names that are both (classes such as Value). Blocks may
 * annotate with the types (`m: Matrix`, `spec: MlpSpec`): the runtime strips them.
 */
function apiExports(host: ts.CompilerHost): {
  names: string[];
  types: string[];
  classes: string[];
  program: ts.Program;
} {
  const program = ts.createProgram([NN_INDEX], OPTIONS, host);
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(NN_INDEX)!)!;
  const names: string[] = [];
  const types: string[] = [];
  const classes: string[] = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const typeOnly = symbol.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d)) ?? false;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const isValue = !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0;
    const isType = (target.flags & ts.SymbolFlags.Type) !== 0;
    if (isValue) names.push(symbol.name);
    if (isType && !isValue) types.push(symbol.name);
    // A class is a value and a type: the block's `const { Value } = __nn` gives the value, an
    // alias gives the type (generic classes would need their parameters: none is exported).
    if (isType && isValue && target.flags & ts.SymbolFlags.Class) classes.push(symbol.name);
  }
  return { names: names.sort(), types: types.sort(), classes: classes.sort(), program };
}

/**
 * Type-checks every unit in ONE program (reusing the one that read the exports) and returns the
 * diagnostics of each unit, placed in its MDX file.
 */
function typeCheck(units: Unit[]): Map<string, Finding[]> {
  const host = ts.createCompilerHost(OPTIONS, true);
  const { names, types, classes, program: exportsProgram } = apiExports(host);
  const nnPath = JSON.stringify(NN_INDEX.replace(/\.ts$/, ''));
  const header =
    `import * as __nn from ${nnPath}; ` +
    `import type { ${types.join(', ')} } from ${nnPath}; ` +
    classes.map((c) => `type ${c} = __nn.${c}; `).join('') +
    `import type { makeLoadFastEngine as __load } from ${JSON.stringify(FAST_ENGINE.replace(/\.ts$/, ''))}; ` +
    `declare const loadFastEngine: ReturnType<typeof __load>; ` +
    `import type { makeFastMlp as __fastMlp } from ${JSON.stringify(FAST_MLP.replace(/\.ts$/, ''))}; ` +
    `declare const fastMlp: ReturnType<typeof __fastMlp>; ` +
    `const { ${names.join(', ')} } = __nn;\n` +
    'export async function __block(): Promise<void> {\n';
  const headerLines = header.split('\n').length - 1;

  /** Per virtual file: its text and, per line (0-based), where it is in the MDX file. */
  const files = new Map<string, { unit: Unit; text: string; lineMap: (number | null)[] }>();
  units.forEach((unit, i) => {
    const lineMap: (number | null)[] = Array.from({ length: headerLines }, () => null);
    let body = '';
    unit.pieces.forEach((piece, k) => {
      // Like run-code.ts: the code in a block of its own, the check in a block nested after it.
      const open = k === 0 ? '{\n' : ';{\n';
      body += open;
      lineMap.push(null);
      piece.code.split('\n').forEach((_, j) => lineMap.push(piece.firstLine + j));
      body += piece.code + '\n';
    });
    body += '}'.repeat(unit.pieces.length) + '}\n';
    files.set(join(VIRTUAL_DIR, `block-${i}.ts`), { unit, text: header + body, lineMap });
  });

  const virtualHost: ts.CompilerHost = {
    ...host,
    fileExists: (path) => files.has(path) || host.fileExists(path),
    readFile: (path) => files.get(path)?.text ?? host.readFile(path),
    getSourceFile: (path, language, onError, shouldCreate) => {
      const virtual = files.get(path);
      if (virtual) return ts.createSourceFile(path, virtual.text, language);
      return host.getSourceFile(path, language, onError, shouldCreate);
    },
  };
  const program = ts.createProgram([NN_INDEX, ...files.keys()], OPTIONS, virtualHost, exportsProgram);

  const findings = new Map<string, Finding[]>(units.map((u) => [u.name, []]));
  for (const [path, { unit, lineMap }] of files) {
    const source = program.getSourceFile(path)!;
    for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line, character } =
        d.start === undefined ? { line: 0, character: 0 } : source.getLineAndCharacterOfPosition(d.start);
      const mdxLine = lineMap[line];
      const where =
        mdxLine == null ? `${unit.file} (en-tête ajouté autour du bloc)` : `${unit.file}:${mdxLine}:${character + 1}`;
      findings
        .get(unit.name)!
        .push({ unit: unit.name, where, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return findings;
}

const units = [...mdxFiles(join(ROOT, 'src/content/docs'))].flatMap((path) => {
  const file = relative(ROOT, path);
  return unitsOf(file, readFileSync(path, 'utf8'));
});
// A canary in the same program: a wrong argument must be reported at its MDX line, or the check is vacuous.
const canary: Unit = {
  name: 'canari.mdx:10 canari (exemple)',
  file: 'canari.mdx',
  pieces: [{ code: 'const z = weightedSum([1, 2], [3, 4], 0);\nprint(sigmoid("z"));', firstLine: 11 }],
};
// Blocks may annotate with the API's types, interfaces and classes alike.
const typed: Unit = {
  name: 'types.mdx:1 types (exemple)',
  file: 'types.mdx',
  pieces: [
    {
      code:
        'const m: Matrix = fromRows([[1, 2]]);\nconst v: Value = new Value(m.cols);\n' +
        "const spec: MlpSpec = { inputSize: 2, layers: [{ units: 1, activation: 'sigmoid' }], loss: 'bce' };\n" +
        'const rng: Rng = createRng(1);\nprint(v, spec, rng.next());',
      firstLine: 2,
    },
  ],
};
const findings = typeCheck([...units, canary, typed]);

describe('runnable blocks type-check against src/nn', () => {
  it('catches a wrong argument type, at its MDX line', () => {
    const found = findings.get(canary.name)!;
    expect(found.map((f) => f.where)).toEqual(['canari.mdx:12:15']);
  });
  it('knows the API’s types: Matrix, Value, MlpSpec, Rng', () => {
    expect(findings.get(typed.name)!.map((f) => `${f.where}: ${f.message}`)).toEqual([]);
  });
  it.each(units.map((u) => u.name))('%s', (name) => {
    const found = findings.get(name)!;
    expect(found.map((f) => `${f.where}: ${f.message}`).join('\n')).toBe('');
  });
});
