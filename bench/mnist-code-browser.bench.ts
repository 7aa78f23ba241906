/**
 * `npm run bench`: chapter 9's fast-engine block (`mlp-rapide`) with all 60,000 training images,
 * run as a reader runs it: in headless Chromium on the test build, opened from a shared link
 * (`?code.mlp-rapide=…`), « Exécuter » clicked, so it runs in the sandboxed worker on WASM (no
 * real GPU here). Prints the block's test accuracy and the time from the click until the block is
 * done — an upper bound on its training time, as it includes downloading the data and tfjs.
 * Asserts only that the run finished and reported its accuracy.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import sirv from 'sirv';
import { afterAll, expect, test } from 'vitest';
import { extractBlocks } from '../src/runnable/blocks';
import { findChromium } from '../tests/chromium.mjs';
import { buildSiteIfNeeded, TEST_BASE, TEST_BUILD_DIR } from '../tests/site-build.mjs';

const FILE = 'src/content/docs/projet-mnist.mdx';
const SUBSET = /^const TRAIN = [\d_]+;/m;
const RUN_ID = 'projet-mnist/mlp-rapide';

let server: Server | undefined;
afterAll(() => new Promise((done) => (server ? server.close(done) : done(undefined))));

/** The test build on 127.0.0.1, with the CORS header GitHub Pages sends (the sandbox needs it). */
async function serve(): Promise<string> {
  buildSiteIfNeeded();
  const files = sirv(TEST_BUILD_DIR, { dev: false });
  server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    const url = req.url ?? '/';
    if (!url.startsWith(TEST_BASE)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    req.url = `/${url.slice(TEST_BASE.length)}`;
    // .gz files as GitHub Pages serves them: no Content-Encoding, the page decompresses them.
    if (req.url.endsWith('.gz')) res.setHeader('Content-Type', 'application/gzip');
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}${TEST_BASE}`;
}

test('chapter 9: the fast-engine block on all of MNIST, in the browser’s worker', async () => {
  const block = extractBlocks(readFileSync(join(process.cwd(), FILE), 'utf8'), FILE).find(
    (b) => b.kind === 'exemple' && b.id === 'mlp-rapide',
  );
  if (block?.kind !== 'exemple') throw new Error(`${FILE} : bloc mlp-rapide introuvable.`);
  expect(block.source).toMatch(SUBSET);
  const source = block.source.replace(SUBSET, 'const TRAIN = 60_000;');
  const site = await serve();
  const { executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(
      `${site}projet-mnist/?code.mlp-rapide=${deflateRawSync(Buffer.from(source)).toString('base64url')}`,
    );
    await page.waitForSelector(`[data-run-id="${RUN_ID}"] .npn-run__plain`);
    const ms = await page.evaluate(
      (runId) =>
        new Promise<number>((resolve) => {
          const section = document.querySelector<HTMLElement>(`[data-run-id="${runId}"]`)!;
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (section.dataset['state'] !== 'done' && section.dataset['state'] !== 'error') return;
            observer.disconnect();
            resolve(performance.now() - t0);
          });
          observer.observe(section, { attributes: true });
          section.querySelector<HTMLButtonElement>('[data-action="run"]')!.click();
        }),
      RUN_ID,
    );
    const text = (await page.locator(`[data-run-id="${RUN_ID}"] .npn-run__result`).textContent()) ?? '';
    const accuracy = /Exactitude sur les 10000 images de test : ([\d.]+) %/.exec(text)?.[1];
    console.table([
      {
        bloc: `${FILE} mlp-rapide, TRAIN = 60_000, navigateur (worker, WASM)`,
        exactitude: accuracy ? `${accuracy} %` : text.slice(0, 200),
        'clic → fin (données et tfjs compris)': `${(ms / 1000).toFixed(1)} s`,
      },
    ]);
    expect(accuracy, text.slice(0, 400)).toBeDefined();
  } finally {
    await browser.close();
  }
});
