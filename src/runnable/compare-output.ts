/**
 * Compares a block's output (the text form of its messages) with the `sortie` written in the
 * MDX: line by line, trailing spaces and trailing blank lines ignored; numbers (negative,
 * decimal, with an exponent, inside `[...]` or anywhere in the line) within 10^−precision of
 * each other; all other text exactly.
 */

export interface OutputDiff {
  /** 1-based line of the first mismatch. */
  readonly line: number;
  /** That line as expected and as received ('' when one side has no such line). */
  readonly expected: string;
  readonly received: string;
  /** French explanation of the mismatch. */
  readonly message: string;
}

export interface CompareResult {
  readonly ok: boolean;
  readonly diff?: OutputDiff;
}

/** A number as printed by programs: -1, 0.977, .5, 1e-7, 2.5E+10 (ASCII or true minus sign). */
const NUMBER = /[-\u2212]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/g;

type Token = { readonly text: string } | { readonly value: number; readonly raw: string };

function tokens(line: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of line.matchAll(NUMBER)) {
    if (m.index > last) out.push({ text: line.slice(last, m.index) });
    out.push({ value: Number(m[0].replace('\u2212', '-')), raw: m[0] });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push({ text: line.slice(last) });
  return out;
}

function lines(text: string): string[] {
  const all = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd());
  while (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all;
}

const quote = (s: string) => `«\u202f${s}\u202f»`;

/** Why `received` differs from `expected` on one line, or null when they match. */
function lineMismatch(expected: string, received: string, tolerance: number, precision: number): string | null {
  const e = tokens(expected);
  const r = tokens(received);
  if (e.length !== r.length) return 'le texte diffère.';
  for (let i = 0; i < e.length; i++) {
    const a = e[i]!;
    const b = r[i]!;
    if ('text' in a || 'text' in b) {
      const ta = 'text' in a ? a.text : a.raw;
      const tb = 'text' in b ? b.text : b.raw;
      if (ta !== tb) return `le texte diffère (attendu ${quote(ta)}, reçu ${quote(tb)}).`;
      continue;
    }
    // A hair of slack so that 10 ** -p's own rounding never rejects an exact boundary.
    if (!(Math.abs(a.value - b.value) <= tolerance * (1 + 1e-9)))
      return `le nombre ${b.raw} s’écarte de ${a.raw} de plus de 10^\u2212${precision}.`;
  }
  return null;
}

export function compareOutput(expected: string, received: string, precision = 6): CompareResult {
  const tolerance = 10 ** -precision;
  const e = lines(expected);
  const r = lines(received);
  for (let i = 0; i < Math.max(e.length, r.length); i++) {
    const el = e[i];
    const rl = r[i];
    let why: string | null;
    if (el === undefined) why = 'la sortie a une ligne de plus qu’attendu.';
    else if (rl === undefined) why = 'cette ligne manque dans la sortie.';
    else why = lineMismatch(el, rl, tolerance, precision);
    if (why !== null) {
      const line = i + 1;
      return {
        ok: false,
        diff: {
          line,
          expected: el ?? '',
          received: rl ?? '',
          message: `Ligne ${line}\u00a0: ${why} Attendu\u00a0: ${quote(el ?? '')}, reçu\u00a0: ${quote(rl ?? '')}.`,
        },
      };
    }
  }
  return { ok: true };
}
