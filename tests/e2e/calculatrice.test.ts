/**
 * "Une calculatrice apprise" (chapter 8), driven as a reader would, on WASM: the default sum
 * scenario really learns (test R² > 0.99, MAE < 2) and, its settings not being the book's, is
 * not set beside the book's figures; « Réglages du livre » sets every field of the book's code,
 * learns as well and then shows them; a tiny network does worse, the product trains and shows
 * its metrics; exporting then importing the model gives the same answers; a
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
  // Adam, 1,000 pairs, 60 epochs: not the book's set-up, so no column of its figures, and a
  // note that says what differs.
  expect(await demo.getByRole('columnheader', { name: 'Le livre (une exécution)' }).count()).toBe(0);
  const note = (await demo.getByTestId('calc-livre').textContent())!;
  expect(note).toContain('avec d’autres réglages');
  expect(note).toContain('l’optimiseur (le livre\u00a0: SGD)');
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);

test('« Réglages du livre » sets every field of the book’s code, learns (R² > 0.99), and only then sets the book’s figures beside the reader’s', async () => {
  // Every field starts away from the book's value; the seed and the engine are the reader's.
  const { page, context, errors } = await openPage(
    browser,
    'demo/calculatrice/?calc.moteur=wasm&calc.seed=2&calc.op=product&calc.min=5&calc.max=50&calc.n=100' +
      '&calc.val=0.2&calc.test=0.2&calc.couches=8,8&calc.act=tanh&calc.optim=adam&calc.lr=0.01&calc.lot=32&calc.epoques=5',
  );
  const demo = demoOf(page);
  await hydrated(demo);
  await demo.getByRole('button', { name: 'Réglages du livre' }).click();
  const field = (name: string) => demo.getByRole('spinbutton', { name, exact: true }).inputValue();
  const menu = (name: string) => demo.getByRole('combobox', { name: new RegExp(`^${name}`) }).inputValue();
  expect(await menu('Opération')).toBe('sum');
  expect(await field('Minimum')).toBe('0');
  expect(await field('Maximum')).toBe('100');
  expect(await menu('Nombre d’exemples')).toBe('10000');
  expect(await demo.getByTestId('calc-decoupage').textContent()).toBe(
    'Entraînement\u00a0: 8\u202f000 exemples · validation\u00a0: 1\u202f000 · test\u00a0: 1\u202f000.',
  );
  const layers = demo.getByLabel(/^Couche cachée \d/);
  expect(await layers.evaluateAll((ls) => ls.map((l) => (l as HTMLInputElement).value))).toEqual(['16', '16', '16']);
  expect(await demo.getByTestId('resume-total').textContent()).toBe('609');
  expect(await menu('Activation des couches cachées')).toBe('relu');
  expect(await menu('Optimiseur')).toBe('sgd');
  expect(await field('Pas d’apprentissage')).toBe('0,1'); // written with a decimal comma
  expect(await field('Taille de lot')).toBe('64');
  expect(await field('Époques')).toBe('10');
  expect(await field('Graine aléatoire')).toBe('2');
  expect(await menu('Moteur de calcul')).toBe('wasm');
  // The state, hence the link, holds them too.
  await expect.poll(() => page.url()).toContain('calc.optim=sgd');
  const url = new URL(page.url()).searchParams;
  expect(['n', 'val', 'test', 'couches', 'lr', 'lot', 'epoques'].map((k) => url.get(`calc.${k}`))).toEqual([
    '10000',
    '0.1',
    '0.1',
    '16,16,16',
    '0.1',
    '64',
    '10',
  ]);

  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 150_000 });
  const r2 = await value(demo, 'calc-r2');
  const mae = await value(demo, 'calc-mae');
  const sums = await demo
    .getByTestId('calc-somme-livre')
    .evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-valeur'))));
  console.log(
    'somme, réglages du livre, graine 2, WASM :',
    JSON.stringify({ r2, mae, mse: await value(demo, 'calc-mse'), sums }),
  );
  // Measured in Node on WASM over seeds 1–8 and 42: R² 0.9943–0.9998, MAE 0.45–2.46.
  expect(r2).toBeGreaterThan(0.99);
  expect(r2).toBeLessThan(1);
  expect(mae).toBeLessThan(4);
  // Now the book's run and the PyTorch reproduction sit beside the reader's figures…
  await demo.getByRole('columnheader', { name: 'Le livre (une exécution)' }).waitFor();
  expect(await demo.getByRole('columnheader', { name: 'Reproduction PyTorch' }).count()).toBe(1);
  expect(await demo.getByTestId('calc-livre').textContent()).toContain(
    'Votre réseau a appris avec les réglages du livre',
  );
  // …and the two sums the book tries are asked of the reader's network too.
  const table = demo.getByTestId('calc-livre-sommes');
  expect(await table.locator('tbody tr').allTextContents()).toEqual([
    expect.stringMatching(/^50 \+ 50100100,02/),
    expect.stringMatching(/^6 \+ 61211,89/),
  ]);
  expect(Math.abs(sums[0]! - 100)).toBeLessThan(10);
  expect(Math.abs(sums[1]! - 12)).toBeLessThan(15);
  // The comparison is about how this model was trained: a setting changed for the next run
  // (epochs do not reset the model) leaves it in place.
  await demo.getByRole('spinbutton', { name: 'Époques', exact: true }).fill('20');
  expect(await demo.getByRole('columnheader', { name: 'Le livre (une exécution)' }).count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
}, 240_000);

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

test.each([
  ['cpu', 'JavaScript (processeur)'],
  ['webgpu', 'WebGPU'],
])(
  'on the %s backend too, the sum is learnt (20 epochs, batches of 64)',
  async (moteur, label) => {
    const { page, context, errors } = await openPage(
      browser,
      `demo/calculatrice/?calc.moteur=${moteur}&calc.epoques=20&calc.lot=64`,
    );
    const demo = demoOf(page);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'Entraîner' }).click();
    await demo.getByText('Entraînement terminé.').waitFor({ timeout: 150_000 });
    expect(await demo.getByTestId('calc-moteur').textContent()).toBe(label);
    const r2 = await value(demo, 'calc-r2');
    console.log(`somme, ${label}, 20 époques : R² ${r2}, MAE ${await value(demo, 'calc-mae')}`);
    expect(r2).toBeGreaterThan(0.95);
    expect(errors).toEqual([]);
    await context.close();
  },
  180_000,
);

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
  await demo2.getByText(/Modèle «\s?modele.npnw\s?» chargé/).waitFor();
  expect(await answerOf(demo2)).toBe(trained);
  expect(await value(demo2, 'calc-r2')).toBe(await value(demo, 'calc-r2'));

  await input.setInputFiles({
    name: 'abime.npnw',
    mimeType: 'application/octet-stream',
    buffer: bytes.subarray(0, bytes.length - 10),
  });
  const refusal = demo2.getByTestId('calc-import-erreur');
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(/^Fichier de poids\u00a0: /);
  expect(await answerOf(demo2)).toBe(trained);
  await fresh.context.close();
  await context.close();
}, 180_000);

test('the runs table sets sum and product side by side', async () => {
  const { page, demo, context } = await trainScenario('&calc.epoques=15', null);
  await demo.getByLabel('Opération').selectOption('product');
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 120_000 });
  const rows = demo.getByTestId('calc-essai');
  expect(await rows.count()).toBe(2);
  expect(await rows.evaluateAll((r) => r.map((e) => e.getAttribute('data-op')))).toEqual(['sum', 'product']);
  expect(await demo.getByTestId('calc-essais').textContent()).toContain('produit');
  // Every panel filled: still no sideways scroll on a phone.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await context.close();
}, 180_000);

test('pause keeps the epoch, resume goes on, stop evaluates; reset leaves no tensor behind', async () => {
  const { page, context, errors } = await openPage(browser, 'demo/calculatrice/?calc.moteur=wasm&calc.epoques=2000');
  const demo = demoOf(page);
  await hydrated(demo);
  const epoch = async () => Number((await demo.getByTestId('calc-epoque').textContent())!.split(' ')[0]);
  const tensors = async () => Number(await demo.getByTestId('calc-tenseurs').textContent());
  const cycle = async () => {
    await demo.getByRole('button', { name: /^(Entraîner|Reprendre)$/ }).click();
    await expect.poll(epoch, { timeout: 60_000 }).toBeGreaterThanOrEqual(3);
    await demo.getByRole('button', { name: 'Pause' }).click();
    await demo.getByText('En pause.').waitFor();
    const paused = await epoch();
    await page.waitForTimeout(400);
    expect(await epoch()).toBe(paused);
    await demo.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(epoch, { timeout: 60_000 }).toBeGreaterThan(paused);
    await demo.getByRole('button', { name: 'Arrêter' }).click();
    await demo.getByText('Entraînement terminé.').waitFor();
    expect(Number.isFinite(await value(demo, 'calc-r2'))).toBe(true);
    await demo.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(epoch).toBe(0);
    // The model is freed in the training worker: the count shows once the worker has said it.
    await expect.poll(async () => Number.isInteger(await tensors())).toBe(true);
    return tensors();
  };
  const baseline = await cycle();
  expect(await cycle()).toBe(baseline);
  expect(await cycle()).toBe(baseline);
  expect(errors).toEqual([]);
  await context.close();
}, 180_000);

test('a learning rate that diverges stops the training with the explanation', async () => {
  const { page, context, errors } = await openPage(
    browser,
    'demo/calculatrice/?calc.moteur=wasm&calc.optim=sgd&calc.lr=10&calc.epoques=50',
  );
  const demo = demoOf(page);
  await hydrated(demo);
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  const alert = demo.getByRole('alert').filter({ hasText: 'divergé' });
  await alert.waitFor({ timeout: 60_000 });
  expect(await alert.textContent()).toContain('Le pas d’apprentissage est probablement trop grand');
  expect(await demo.getByTestId('calc-epoque').textContent()).not.toMatch(/^50 /);
  // Nothing to evaluate: the diverged weights are not shown as a result.
  expect(await demo.getByTestId('calc-r2').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('a permalink recreates the same data and initial weights (same first epoch), another seed does not', async () => {
  /** Trains one epoch; returns the loss, the first data row and the link the teacher would copy. */
  const firstEpoch = async (path: string, seed: number | null) => {
    const { page, context } = await openPage(browser, path);
    const demo = demoOf(page);
    await hydrated(demo);
    if (seed !== null) {
      await demo.getByRole('button', { name: 'Une couche cachée', exact: true }).click();
      await demo.getByLabel('Graine aléatoire').fill(String(seed));
      await demo.getByRole('spinbutton', { name: 'Époques' }).fill('1');
      await demo.getByLabel('Moteur de calcul').selectOption('wasm');
    }
    const firstRow = await demo.getByRole('table').first().locator('tbody tr').first().textContent();
    await demo.getByRole('button', { name: 'Entraîner' }).click();
    await demo.getByText('Entraînement terminé.').waitFor({ timeout: 60_000 });
    const loss = await value(demo, 'calc-perte');
    await demo.getByRole('button', { name: 'Lien vers cette démo' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    await context.close();
    return { loss, firstRow, link };
  };
  const a = await firstEpoch('demo/calculatrice/', 42);
  expect(a.link).toContain('calc.seed=42');
  expect(Number.isFinite(a.loss)).toBe(true);
  const b = await firstEpoch(a.link, null);
  expect(b.firstRow).toBe(a.firstRow);
  expect(b.loss).toBe(a.loss);
  const c = await firstEpoch(a.link.replace('calc.seed=42', 'calc.seed=43'), null);
  expect(c.firstRow).not.toBe(a.firstRow);
  expect(c.loss).not.toBe(a.loss);
}, 180_000);

test('a malformed link gets the French notice; min ≥ max is explained, not crashed on', async () => {
  const { page, context, errors } = await openPage(browser, 'demo/calculatrice/?calc.n=0&calc.op=division');
  const demo = demoOf(page);
  await hydrated(demo);
  const notice = demo.getByText(/Certains réglages du lien étaient invalides/);
  await notice.waitFor();
  expect(await notice.textContent()).toContain('calc.n');
  expect(await notice.textContent()).toContain('calc.op');
  // Out of the field's bounds: refused, and the field says what it expects.
  await demo.getByLabel('Maximum').fill('5000');
  const refusal = demo.getByText(/^Valeur refusée\s?: un entier de −1.000 à 1.000 est attendu/);
  await refusal.waitFor();
  expect(await demo.getByLabel('Maximum').getAttribute('aria-invalid')).toBe('true');
  await demo.getByLabel('Maximum').blur();
  await refusal.waitFor({ state: 'detached' });
  expect(await demo.getByLabel('Maximum').inputValue()).toBe('100');
  await demo.getByLabel('Minimum').fill('200');
  const problem = demo.getByTestId('calc-probleme');
  await problem.waitFor();
  expect(await problem.textContent()).toContain('strictement plus petit');
  expect(await demo.getByRole('button', { name: 'Entraîner' }).isDisabled()).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
