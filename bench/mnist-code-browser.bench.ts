/**
 * `npm run bench`: chapter 9's fast-engine block (`mlp-rapide`) with all 60,000 training images,
 * run as a reader runs it: in headless Chromium on the test build, opened from a shared link
 * (`?code.mlp-rapide=…`), « Exécuter » clicked, so it runs in the sandboxed worker on WASM (no
 * real GPU here). Prints the block's test accuracy and the time from the click until the block is
 * done — an upper bound on its training time, as it includes downloading the data and tfjs.
 * Asserts only that the run finished and reported its accuracy.
 */
import { deflateRawSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { findChromium } from '../tests/chromium.mjs';
import { fullMnistCodeBlock, MNIST_CODE_FILE } from './mnist-code-block';
import { serveTestBuild } from './test-build-server';

const RUN_ID = 'projet-mnist/mlp-rapide';

let server: Awaited<ReturnType<typeof serveTestBuild>> | undefined;
afterAll(() => server?.close());

test('chapter 9: the fast-engine block on all of MNIST, in the browser’s worker', async () => {
  const { source, line } = fullMnistCodeBlock();
  server = await serveTestBuild();
  const site = server.url;
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
        bloc: `${MNIST_CODE_FILE}:${line} mlp-rapide, TRAIN = 60_000, navigateur (worker, WASM)`,
        exactitude: accuracy ? `${accuracy} %` : text.slice(0, 200),
        'clic → fin (données et tfjs compris)': `${(ms / 1000).toFixed(1)} s`,
      },
    ]);
    expect(accuracy, text.slice(0, 400)).toBeDefined();
  } finally {
    await browser.close();
  }
});
