/**
 * The code of the site's source files, for tests that read imports with TypeScript's scanner
 * (nn-entry.test.ts, import-cycles.test.ts): every file under a folder, and a file's code parts
 * (whole .ts/.mjs, the scripts of .svelte, the frontmatter and scripts of .astro, the ESM blocks
 * of .mdx) with the rest blanked, newlines kept, so offsets keep their line.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Blanks `text` outside [start, end) ranges, keeping every newline so offsets keep their line. */
function keepOnly(text: string, ranges: [number, number][]): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += blank(text.slice(at, start)) + text.slice(start, end);
    at = end;
  }
  return out + blank(text.slice(at));
}

/** The parts of a file that hold code, the rest blanked: whole .ts/.mjs, scripts, frontmatter, MDX ESM. */
export function codeOf(path: string, text: string): string {
  const ranges: [number, number][] = [];
  if (/\.(svelte|astro)$/.test(path)) {
    const front = path.endsWith('.astro') ? /^---\n([\s\S]*?)\n---/.exec(text) : null;
    if (front) ranges.push([4, 4 + front[1]!.length]);
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      const start = m.index + m[0].indexOf('>') + 1;
      ranges.push([start, start + m[1]!.length]);
    }
  } else if (path.endsWith('.mdx')) {
    // ESM blocks: from a line starting with import/export, outside fenced code, to a blank line.
    let fence = false;
    let block: [number, number] | null = null;
    let offset = 0;
    for (const line of text.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      if (block && line.trim() === '') {
        ranges.push(block);
        block = null;
      } else if (block) block[1] = offset + line.length;
      else if (!fence && /^(import|export)\b/.test(line)) block = [offset, offset + line.length];
      offset += line.length + 1;
    }
    if (block) ranges.push(block);
  } else return text;
  return keepOnly(text, ranges);
}
