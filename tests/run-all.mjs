// `npm test`: checks (types, lint, format), then builds the site if needed, then runs every
// Vitest project (unit in Node, e2e in Chromium). Fails early, with the fix, when Chromium is missing.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_MISSING, findChromium } from './chromium.mjs';
import { buildSiteIfNeeded } from './site-build.mjs';

const started = Date.now();
function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} a échoué (code ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

if (!findChromium()) {
  console.error(CHROMIUM_MISSING);
  process.exit(1);
}
run('npm', ['run', '--silent', 'check']);
buildSiteIfNeeded();
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
console.log(`\nnpm test : terminé en ${((Date.now() - started) / 1000).toFixed(0)} s.`);
