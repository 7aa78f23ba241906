/**
 * Serves the test build (see tests/site-build.mjs) on 127.0.0.1 under its sub-path base, for
 * the whole e2e run, and finds the Chromium every test file launches (unpacking the bundled one
 * here, once, so that test files never race to unpack it). Builds nothing: `npm test` builds first.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';
import { findChromium } from '../chromium.mjs';
import { TEST_BASE, TEST_BUILD_DIR } from '../site-build.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
    sitePath: string;
    chromiumPath: string;
  }
}

let server: Server | undefined;

export default async function setup(project: TestProject) {
  if (!existsSync(`${TEST_BUILD_DIR}/index.html`)) {
    throw new Error(`No test build in ${TEST_BUILD_DIR}/: run \`npm test\` (it builds the site first).`);
  }
  const browser = await findChromium();
  console.log(
    `Navigateur des tests : ${browser.executablePath} (${browser.source === 'system' ? 'système' : 'paquet npm @sparticuz/chromium'})`,
  );
  project.provide('chromiumPath', browser.executablePath);
  const serve = sirv(TEST_BUILD_DIR, { dev: false, etag: true });
  server = createServer((req, res) => {
    // As GitHub Pages does: the runnable-code worker lives in an opaque-origin sandbox
    // (src/runnable/ui/sandbox.ts), and its module and data requests are cross-origin.
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = req.url ?? '/';
    if (!url.startsWith(TEST_BASE)) {
      // Anything outside the base is a link that forgot it: answer 404 so tests catch it.
      res.statusCode = 404;
      res.end('outside base');
      return;
    }
    req.url = `/${url.slice(TEST_BASE.length)}`;
    // Serve .gz files as static hosts such as GitHub Pages do: application/gzip, no
    // Content-Encoding (sirv would add it, and the browser would then decompress them itself),
    // so that the tests go through the page's own DecompressionStream.
    if (req.url.endsWith('.gz')) {
      const writeHead = res.writeHead.bind(res) as (code: number, headers?: Record<string, unknown>) => typeof res;
      res.writeHead = ((code: number, headers?: Record<string, unknown>) => {
        const rest: Record<string, unknown> = { ...headers, 'Content-Type': 'application/gzip' };
        delete rest['Content-Encoding'];
        return writeHead(code, rest);
      }) as typeof res.writeHead;
    }
    serve(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  project.provide('siteUrl', `http://127.0.0.1:${address.port}${TEST_BASE}`);
  project.provide('sitePath', TEST_BUILD_DIR);
  return async () => {
    await new Promise((resolve) => server?.close(resolve));
  };
}
