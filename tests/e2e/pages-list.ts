import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { inject } from 'vitest';

/** Paths (relative to the base) of every HTML page in the test build, 404 page excluded. */
export function listPages(): string[] {
  const root = inject('sitePath');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(p);
      } else if (name === 'index.html') out.push(relative(root, dir) === '' ? '' : `${relative(root, dir)}/`);
    }
  };
  walk(root);
  return out.sort();
}
