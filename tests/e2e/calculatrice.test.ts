/**
 * "Une calculatrice apprise" (chapter 8), driven as a reader would, on WASM: the default sum
 * scenario really learns (test R² > 0.99, MAE < 2), a tiny network does worse, the product
 * trains and shows its metrics; exporting then importing the model gives the same answers; a
 * corrupted file and a malformed link get French messages. The figures reached are printed.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const demoOf = (page: Page) => page.getByRole('region', { name: 'Une calculatrice apprise' });
const value = async (demo: Locator, id: string) => Number(await demo.getByTestId(id).getAttribute('data-valeur'));
/** Bytes of JavaScript the page has loaded so far. */
const jsBytes = (page: Page) =>
  page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.name.endsWith('.js') || r.name.includes('.js?') || r.name.endsWith('.wasm'))
      .reduce((a, r) => a + (r.encodedBodySize || r.transferSize), 0),
  );

async function trainScenario(query: string, preset: string | null) {
  const watched = await openPage(browser, `demo/calculatrice/?calc.moteur=wasm${query}`);
  const demo = demoOf(watched.page);
  await hydrated(demo);
  if (preset) await demo.getByRole('button', { name: preset, exact: true }).click();
  const before = await jsBytes(watched.page);
  const started = Date.now();
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 120_000 });
  const wall = (Date.now() - started) / 1000;
  const metrics = {
    r2: await value(demo, 'calc-r2'),
    mae: await value(demo, 'calc-mae'),
    mse: await value(demo, 'calc-mse'),
    trainingSeconds: (await value(demo, 'calc-temps')) / 1000,
    wallSeconds: wall,
    backend: await demo.getByTestId('calc-moteur').textContent(),
    jsKiBBefore: Math.round(before / 1024),
    jsKiBAfter: Math.round((await jsBytes(watched.page)) / 1024),
  };
  return { ...watched, demo, metrics };
}

let sumR2 = 0;
let sumMae = 0;

test('the default sum scenario (1,000 samples, 3 × 16, Adam) learns on WASM: R² > 0.99, MAE < 2', async () => {
  const { demo, metrics, errors, context } = await trainScenario('', '3 × 16');
  console.log('somme, 3 × 16, Adam, WASM :', JSON.stringify(metrics));
  expect(metrics.backend).toBe('WebAssembly (processeur)');
  expect(await demo.getByTestId('resume-total').textContent()).toBe('609');
  expect(metrics.r2).toBeGreaterThan(0.99);
  expect(metrics.mae).toBeLessThan(2);
  [sumR2, sumMae] = [metrics.r2, metrics.mae];
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);

test('a tiny network (one hidden layer of 2) does worse', async () => {
  const { metrics, context } = await trainScenario('&calc.couches=2', null);
  console.log('somme, 2 → 2 → 1 :', JSON.stringify(metrics));
  expect(metrics.r2).toBeLessThan(sumR2);
  expect(metrics.mae).toBeGreaterThan(sumMae);
  await context.close();
}, 180_000);

test('the product scenario trains and shows its metrics', async () => {
  const { metrics, context } = await trainScenario('&calc.op=product', '3 × 16');
  console.log('produit, 3 × 16, Adam, WASM :', JSON.stringify(metrics));
  expect(Number.isFinite(metrics.r2)).toBe(true);
  expect(metrics.r2).toBeGreaterThan(0.9);
  await context.close();
}, 180_000);

test('export then import gives the same answers; a corrupted file is refused with a message', async () => {
  const { page, demo, context } = await trainScenario('&calc.seed=7&calc.epoques=20', null);
  const answerOf = (d: Locator) => value(d, 'calc-reponse');
  const trained = await answerOf(demo);
  expect(Number.isFinite(trained)).toBe(true);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    demo.getByRole('button', { name: 'Exporter le modèle' }).click(),
  ]);
  const bytes = await readFile((await download.path())!);

  // A fresh page, default settings (another seed): the file brings its own settings and weights.
  const fresh = await openPage(browser, 'demo/calculatrice/');
  const demo2 = demoOf(fresh.page);
  await hydrated(demo2);
  const input = demo2.getByLabel('Importer un modèle');
  await input.setInputFiles({ name: 'modele.npnw', mimeType: 'application/octet-stream', buffer: bytes });
  await demo2.getByText(/Modèle « modele.npnw » chargé/).waitFor();
  expect(await answerOf(demo2)).toBe(trained);
  expect(await value(demo2, 'calc-r2')).toBe(await value(demo, 'calc-r2'));

  await input.setInputFiles({
    name: 'abime.npnw',
    mimeType: 'application/octet-stream',
    buffer: bytes.subarray(0, bytes.length - 10),
  });
  const refusal = demo2.getByTestId('calc-import-erreur');
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(/^Fichier de poids : /);
  expect(await answerOf(demo2)).toBe(trained);
  await fresh.context.close();
  await context.close();
}, 180_000);

test('a malformed link gets the French notice; min ≥ max is explained, not crashed on', async () => {
  const { page, context, errors } = await openPage(browser, 'demo/calculatrice/?calc.n=0&calc.op=division');
  const demo = demoOf(page);
  await hydrated(demo);
  const notice = demo.getByText(/Certains réglages du lien étaient invalides/);
  await notice.waitFor();
  expect(await notice.textContent()).toContain('calc.n');
  expect(await notice.textContent()).toContain('calc.op');
  await demo.getByLabel('Minimum').fill('200');
  const problem = demo.getByTestId('calc-probleme');
  await problem.waitFor();
  expect(await problem.textContent()).toContain('strictement plus petit');
  expect(await demo.getByRole('button', { name: 'Entraîner' }).isDisabled()).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
