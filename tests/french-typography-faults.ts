/**
 * What the French-typography tests call a fault (tests/e2e/typography.test.ts on the built
 * pages, tests/unit/typography-sources.test.ts on the islands' strings), written apart from the
 * build step in src/markdown/ so that a mistake there shows here. The site's rule: U+202F before
 * ; ! ? % » and after «, U+00A0 before :.
 */

/** Ordinary white space: HTML shows any run of it as one space, a line may break there. */
const WS = '[ \\t\\n\\r\\f]';
const FAULTS: Array<[RegExp, string]> = [
  [new RegExp(`(?:^|[^ \\t\\n\\r\\f\\u00a0\\u202f«])${WS}+[;:!?%»]`, 'g'), 'espace ordinaire avant le signe'],
  [new RegExp(`«${WS}+\\S`, 'g'), 'espace ordinaire après «'],
  [/\u00a0[;!?%»]|«\u00a0/g, 'espace insécable large au lieu de l’espace fine'],
  [/\u202f:/g, 'espace fine au lieu de l’insécable avant les deux-points'],
];

/**
 * The faults of one piece of text, each with an excerpt around it.
 * @param text a run of text a reader sees in one piece; "□" may stand for something visible
 * @param atStart whether a sign at the very start, after spaces, counts (a string literal
 *   " %" glued after a number does; the first line of a block after its indentation does not)
 */
export function frenchTypographyFaults(text: string, { atStart = false } = {}): string[] {
  const found: string[] = [];
  for (const [re, what] of FAULTS)
    for (const m of text.matchAll(re)) {
      if (!atStart && m.index === 0 && /^\s/.test(m[0])) continue;
      const excerpt = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10).replace(/\s+/g, ' ');
      found.push(`${what} : “${excerpt}”`);
    }
  return found;
}
