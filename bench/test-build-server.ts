/**
 * The test build (tests/site-build.mjs, rebuilt when a source changed) served on 127.0.0.1 for
 * the browser benches, as GitHub Pages serves the site: `Access-Control-Allow-Origin: *` (the
 * runnable blocks' sandbox fetches its worker from an opaque origin) and `.gz` files as
 * application/gzip without Content-Encoding (the MNIST loader decompresses them itself).
 */
import { createServer } from 'node:http';
import sirv from 'sirv';
import { buildSiteIfNeeded, TEST_BASE, TEST_BUILD_DIR } from '../tests/site-build.mjs';

/** `dir`: serve that build as it is (e.g. a copy kept from before a change) instead of the test build. */
export async function serveTestBuild(dir?: string): Promise<{ url: string; close: () => Promise<void> }> {
  if (!dir) buildSiteIfNeeded();
  const files = sirv(dir ?? TEST_BUILD_DIR, { dev: false });
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = req.url ?? '/';
    if (!url.startsWith(TEST_BASE)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    req.url = `/${url.slice(TEST_BASE.length)}`;
    if (req.url.endsWith('.gz')) res.setHeader('Content-Type', 'application/gzip');
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}${TEST_BASE}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
