// `npm test`: checks (types, lint, format), then builds the site if needed, then runs every
// Vitest project (unit in Node, e2e in Chromium: the system's, else the one bundled in an npm
// package, see tests/chromium.mjs). Fails early, with the fix, when no browser can be found.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';
import { buildSiteIfNeeded } from './site-build.mjs';

const started = Date.now();
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} a échoué (code ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

try {
  const { executablePath, source } = await findChromium();
  console.log(`Navigateur des tests : ${executablePath} (${source === 'system' ? 'système' : 'paquet npm'})`);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
run('npm', ['run', '--silent', 'check']);
buildSiteIfNeeded();
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
console.log(`\nnpm test : terminé en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
