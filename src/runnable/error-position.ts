/**
 * From a thrown error to what the reader reads: the position in their own code (read from the
 * stack frame of the wrapped block, named by its `//# sourceURL`) and a French message.
 */

export interface Position {
  /** 1-based, in the generated function's source as the engine numbers it. */
  readonly line: number;
  readonly column: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first (innermost) frame of the code named `url` in a stack:
 * V8 `    at f (bloc.ts:3:5)` / `    at bloc.ts:3:5`, Firefox and Safari `f@bloc.ts:3:5`; for
 * a Firefox that ignores sourceURL in `new Function`, `@… line 12 > Function:3:5`.
 */
export function framePosition(stack: string, url: string): Position | undefined {
  const pattern = new RegExp(`(?:[\\s(@]${escapeRegExp(url)}|> (?:Function|AsyncFunction)):(\\d+):(\\d+)`);
  for (const frame of stack.split('\n')) {
    const m = pattern.exec(frame);
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

/** `error.stack` when it is a string, else ''. */
export function stackOf(error: unknown): string {
  const stack = (error as { stack?: unknown } | null)?.stack;
  return typeof stack === 'string' ? stack : '';
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string')
    return (error as { message: string }).message;
  return String(error);
}

const q = (s: string) => `«\u202f${s}\u202f»`;

/** The engine messages readers meet most, in French (V8's wording, Firefox's where it differs). */
const RUNTIME: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^(.+) is not defined$/, (n) => `${q(n!)} n’est pas défini (faute de frappe, ou variable jamais déclarée\u202f?)`],
  [/^(.+) is not a function$/, (n) => `${q(n!)} n’est pas une fonction`],
  [/^(.+) is not a constructor$/, (n) => `${q(n!)} n’est pas un constructeur (new impossible)`],
  [/^(.+) is not iterable$/, (n) => `${q(n!)} n’est pas itérable (for…of impossible)`],
  [
    /^Cannot read properties of (undefined|null) \(reading '(.*)'\)$/,
    (v, p) => `impossible de lire la propriété ${q(p!)} de ${v}`,
  ],
  [
    /^Cannot set properties of (undefined|null) \(setting '(.*)'\)$/,
    (v, p) => `impossible de modifier la propriété ${q(p!)} de ${v}`,
  ],
  [
    /^Assignment to constant variable\.?$/,
    () => 'affectation à une constante (déclarée avec const\u202f; utilisez let)',
  ],
  [/^invalid assignment to const '?(.+?)'?$/, (n) => `affectation à la constante ${q(n!)} (utilisez let)`],
  [/^Cannot access '(.+)' before initialization$/, (n) => `${q(n!)} est utilisé avant d’être initialisé`],
  [/^Maximum call stack size exceeded$/, () => 'pile d’appels dépassée (une récursion sans fin\u202f?)'],
  [/^too much recursion$/, () => 'pile d’appels dépassée (une récursion sans fin\u202f?)'],
];

/** Syntax messages of sucrase (Babel's wording), V8 and acorn. */
const SYNTAX: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^Unexpected token, expected "(.+)"$/, (t) => `symbole inattendu, ${q(t!)} attendu`],
  [/^Unexpected token '?(.+?)'?$/, (t) => `symbole inattendu ${q(t!)}`],
  [/^Unexpected token$/, () => 'symbole inattendu'],
  [/^Unexpected end of input$/, () => 'fin du code inattendue (une parenthèse ou accolade non fermée\u202f?)'],
  [/^Unterminated string constant$/, () => 'chaîne de caractères non fermée'],
  [/^Unterminated template$/, () => 'gabarit `…` non fermé'],
  [/^Identifier '(.+)' has already been declared$/, (n) => `${q(n!)} est déjà déclaré`],
  [/^Missing initializer in const declaration$/, () => 'une constante doit recevoir une valeur (const x = …)'],
];

function translate(table: typeof RUNTIME, message: string): string {
  const text = message.trim();
  for (const [pattern, french] of table) {
    const m = pattern.exec(text);
    if (m) return french(...m.slice(1));
  }
  return text;
}

/** A French message for an engine error message; unknown ones are kept as they are. */
export function frenchRuntimeMessage(message: string): string {
  return translate(RUNTIME, message);
}

/** Same for a syntax error message, once its trailing `(line:col)` is removed. */
export function frenchSyntaxMessage(message: string): string {
  return translate(SYNTAX, message.replace(/\s*\(\d+:\d+\)\s*$/, ''));
}

/** « Erreur ligne 2, colonne 9 : … » (or without position when there is none). */
export function describeError(kind: 'syntax' | 'runtime', french: string, position?: Position, where = ''): string {
  const head = kind === 'syntax' ? 'Erreur de syntaxe' : 'Erreur';
  const at = position ? ` ligne ${position.line}, colonne ${position.column}` : '';
  return `${head}${where}${at}\u00a0: ${french}`;
}
