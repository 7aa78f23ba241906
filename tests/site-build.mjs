// Builds the site for the browser tests, only when its inputs changed since the last build.
// The test build uses a sub-path base, so every e2e test also proves that links and assets
// respect Astro's `base` (as on GitHub Pages at /<repo>/).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

export const TEST_BASE = '/neurone-par-neurone/';
// TEST_BUILD_DIR lets parallel work (several checkouts or agents) keep separate test builds.
export const TEST_BUILD_DIR = process.env.TEST_BUILD_DIR ?? '.test-build';
const STAMP = join(TEST_BUILD_DIR, '.inputs-hash');
const INPUTS = ['src', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function* files(path) {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) for (const name of readdirSync(path).sort()) yield* files(join(path, name));
  else yield [path, st];
}

function inputsHash() {
  const h = createHash('sha256');
  for (const input of INPUTS) for (const [p, st] of files(input)) h.update(`${p}:${st.size}:${st.mtimeMs}\n`);
  return h.digest('hex');
}

export function buildSiteIfNeeded() {
  const hash = inputsHash();
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) {
    console.log(`Site de test à jour (${TEST_BUILD_DIR}), pas de reconstruction.`);
    return;
  }
  console.log(`Construction du site de test dans ${TEST_BUILD_DIR} (base ${TEST_BASE})…`);
  const started = Date.now();
  const r = spawnSync('npx', ['astro', 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      BASE: TEST_BASE,
      OUT_DIR: `./${TEST_BUILD_DIR}`,
      ASTRO_CACHE_DIR: `./node_modules/.astro-cache-${TEST_BUILD_DIR.replace(/[^\w-]/g, '')}`,
    },
  });
  if (r.status !== 0) throw new Error('La construction du site a échoué (voir ci-dessus).');
  writeFileSync(STAMP, hash);
  console.log(`Site construit en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
