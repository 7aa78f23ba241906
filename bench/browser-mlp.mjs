// The browser half of bench/mlp.bench.ts: bundles browser-mlp-entry.ts with esbuild, serves it
// and tfjs' .wasm files from a temp dir on 127.0.0.1, runs it in headless Chromium (Debian's,
// through playwright-core) and returns the table rows. Every request leaving 127.0.0.1 is refused.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_MISSING, findChromium } from '../tests/chromium.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** @returns {Promise<{ rows: import('./mlp-core').MlpBenchRow[], simd: boolean, threads: boolean }>} */
export async function runBrowserMlpBench(backend = 'wasm') {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'mlp-bench-'));
  let server;
  let browser;
  try {
    await build({
      entryPoints: [join(root, 'bench/browser-mlp-entry.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(dir, 'bench.js'),
      logLevel: 'warning',
    });
    const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
    for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'])
      copyFileSync(join(wasmDir, f), join(dir, f));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="bench.js"></script>',
    );
    server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1) || 'index.html';
      try {
        const body = readFileSync(join(dir, name.replace(/[^\w.-]/g, '')));
        res.writeHead(200, { 'content-type': types[extname(name)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address();
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking'],
    });
    const page = await browser.newPage();
    await page.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => 'runMlpBench' in window, null, { timeout: 30_000 });
    const result = await page.evaluate((b) => window.runMlpBench(b), backend);
    if (errors.length) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok()));
    rmSync(dir, { recursive: true, force: true });
  }
}
