/**
 * "Reconnaître des chiffres manuscrits" (chapter 9), driven as a reader would, on WASM: the
 * softmax regression trained on the first 10,000 images reaches > 85 % on the 10,000 test
 * images; every panel of the evaluation agrees with the confusion matrix, whose counts fit their
 * cells; the timing figures add up to the wall time measured in the page; a test image drawn on
 * the canvas gets its class; the imbalance experiment shows the rare digit's recall fall below
 * what the chapter says, and recover; the MLP's five epochs leave no tensor behind (longest task
 * printed); training runs in the island's worker (its reports arrive as messages, tfjs and the
 * MNIST files are fetched and decoded there, not by the page, which gets the labels only); a preset sets every field it names; corrupted data files are refused
 * in French and a retry succeeds; a model file round-trips.
 */
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';
import { mnistPresets } from '../../src/components/islands/mnist/state';
import { RARE_RECALL_CEILING } from '../../src/components/islands/mnist/imbalance-run';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const demoOf = (page: Page) => page.getByRole('region', { name: 'Reconnaître des chiffres manuscrits' });
const value = async (scope: Locator, id: string) =>
  Number(await scope.getByTestId(id).first().getAttribute('data-valeur'));
const integer = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

const SOFTMAX = 'demo/mnist/?mnist.moteur=wasm&mnist.n=10000&mnist.couches=&mnist.epoques=3&mnist.seed=3';

/**
 * Clicks « Entraîner » and waits for the end; returns the wall time in the page, from the click
 * event to the moment the status says so (no Playwright latency in it).
 */
async function trainTimed(page: Page, demo: Locator): Promise<number> {
  type Clock = { clickedAt?: number; doneAt?: number };
  const button = demo.getByRole('button', { name: 'Entraîner' });
  await button.evaluate((b) => {
    const w = window as unknown as Clock;
    delete w.clickedAt;
    delete w.doneAt;
    b.addEventListener('click', () => (w.clickedAt = performance.now()), { capture: true, once: true });
    const status = b.closest('section')!.querySelector('[role=status]')!;
    const seen = new MutationObserver(() => {
      if (status.textContent === 'Entraînement terminé.') {
        w.doneAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(status, { childList: true, characterData: true, subtree: true });
  });
  await button.click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 120_000 });
  return page.evaluate(() => {
    const w = window as unknown as Clock;
    return w.doneAt! - w.clickedAt!;
  });
}

async function trainedSoftmax() {
  const watched = await openPage(browser, SOFTMAX);
  const demo = demoOf(watched.page);
  await hydrated(demo);
  const wallMs = await trainTimed(watched.page, demo);
  return { ...watched, demo, wallMs };
}

/** "1,23 s" → 1230 (ms). */
const shownMs = (text: string | null) =>
  Math.round(Number((text ?? '').replace(/[^\d,]/g, '').replace(',', '.')) * 1000);

let shared: Awaited<ReturnType<typeof trainedSoftmax>> | null = null;

test('the softmax regression on 10,000 images reaches > 85 % on the test set; the evaluation panels agree', async () => {
  shared = await trainedSoftmax();
  const { demo, errors } = shared;
  const accuracy = await value(demo, 'mnist-exactitude-test');
  console.log(`régression softmax, 8 000 images d’entraînement, 3 époques, WASM : exactitude de test ${accuracy}`);
  expect(accuracy).toBeGreaterThan(0.85);
  expect(await demo.getByTestId('mnist-moteur').textContent()).toBe('WebAssembly (processeur)');

  // The confusion matrix, read from the page: 10 rows of 10 counts summing to the test set.
  const matrix = demo.getByTestId('mnist-confusion');
  const rows = await matrix
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const C = rows.map((r) => r.map(integer));
  expect(C).toHaveLength(10);
  C.forEach((r) => expect(r).toHaveLength(10));
  const total = C.flat().reduce((a, v) => a + v, 0);
  expect(total).toBe(10_000);
  expect(await value(demo, 'mnist-confusion-total')).toBe(10_000);
  const trace = C.reduce((a, r, k) => a + r[k]!, 0);
  expect(accuracy).toBeCloseTo(trace / total, 10);
  expect(await value(demo, 'mnist-accuracy')).toBeCloseTo(trace / total, 10);

  // Per class: support = row sum, recall = C[k][k] / row, precision = C[k][k] / column.
  let f1Sum = 0;
  for (let k = 0; k < 10; k++) {
    const row = C[k]!.reduce((a, v) => a + v, 0);
    const col = C.reduce((a, r) => a + r[k]!, 0);
    expect(await value(demo, `mnist-support-${k}`)).toBe(row);
    expect(await value(demo, `mnist-recall-${k}`)).toBeCloseTo(C[k]![k]! / row, 10);
    expect(await value(demo, `mnist-precision-${k}`)).toBeCloseTo(C[k]![k]! / col, 10);
    const [p, r] = [C[k]![k]! / col, C[k]![k]! / row];
    expect(await value(demo, `mnist-f1-${k}`)).toBeCloseTo((2 * p * r) / (p + r), 10);
    f1Sum += (2 * p * r) / (p + r);
  }
  expect(await value(demo, 'mnist-macro-f1')).toBeCloseTo(f1Sum / 10, 10);

  // A click on the largest confusion shows that many images (up to 40), each named.
  let worst = { t: 0, p: 1, v: -1 };
  C.forEach((r, t) => r.forEach((v, p) => t !== p && v > worst.v && (worst = { t, p, v })));
  const cell = matrix.getByRole('button', {
    name: new RegExp(`images? de ${worst.t} pri(se|ses) pour (un|des) ${worst.p}$`),
  });
  await cell.click();
  const images = demo.getByRole('img', { name: new RegExp(`un ${worst.t} pris pour un ${worst.p}$`) });
  await expect.poll(() => images.count()).toBe(Math.min(worst.v, 40));
  await demo.getByRole('button', { name: 'Fermer' }).click();
  await expect.poll(() => images.count()).toBe(0);

  // The timing table: every part of the run named, the parts printed add up to the total
  // printed, and the total is the wall time from the click to the result (the images were not
  // downloaded before the click: their wait is in it).
  const timing = await demo.getByTestId('mnist-temps').textContent();
  for (const part of [
    'Attente des images',
    'TensorFlow.js',
    'calcul des lots (3\u00a0époques)',
    'Mesures',
    'Évaluation',
  ])
    expect(timing).toContain(part);
  const parts = await demo
    .getByTestId('mnist-temps-partie')
    .locator('td')
    .evaluateAll((tds) => tds.map((td) => [td.textContent, td.getAttribute('data-affiche')] as const));
  const partsMs = parts.map(([text, ms]) => {
    expect(shownMs(text)).toBe(Number(ms));
    return Number(ms);
  });
  const totalCell = demo.getByTestId('mnist-temps-total');
  expect(partsMs.reduce((a, v) => a + v, 0)).toBe(shownMs(await totalCell.textContent()));
  const totalMs = await value(demo, 'mnist-temps-total');
  console.log(`durée totale affichée ${totalMs.toFixed(0)} ms, mesurée dans la page ${shared.wallMs.toFixed(0)} ms`);
  expect(totalMs).toBeLessThanOrEqual(shared.wallMs);
  expect(shared.wallMs - totalMs).toBeLessThan(250);
  // One definition of an epoch's duration (batches + measures) for the fastest, the mean, the slowest.
  const [fastest = NaN, mean = NaN, slowest = NaN] = await Promise.all(
    ['fastest', 'mean', 'slowest'].map((k) => value(demo, `mnist-epoque-${k}`)),
  );
  expect(fastest).toBeLessThanOrEqual(mean);
  expect(mean).toBeLessThanOrEqual(slowest);
  expect(await value(demo, 'mnist-temps-epoque')).toBeCloseTo(mean, 6);

  // The confusion matrix's counts fit their cells, with room to spare, at 1280 px.
  const cramped = await matrix.locator('tbody td').evaluateAll((tds) =>
    tds
      .map((td) => {
        const inner = td.firstElementChild as HTMLElement;
        const text = document.createRange();
        text.selectNodeContents(inner);
        const room = inner.getBoundingClientRect().width - text.getBoundingClientRect().width;
        return { text: td.textContent!.trim(), room, overflow: td.scrollWidth > td.clientWidth };
      })
      .filter((c) => c.overflow || c.room < 8),
  );
  expect(cramped).toEqual([]);
  expect(errors).toEqual([]);
}, 180_000);

test('a test image drawn on the canvas gets its class; a vertical stroke reads as a 1', async () => {
  const { demo, page } = shared!;
  const field = demo.getByLabel(/Numéro de l’image de test/);
  await field.fill('0');
  await demo.getByRole('button', { name: 'Dessiner cette image' }).click();
  const prediction = demo.getByTestId('mnist-prediction');
  await expect.poll(() => prediction.getAttribute('data-valeur')).toBe('7');
  const probabilities = await Promise.all(Array.from({ length: 10 }, (_, k) => value(demo, `mnist-proba-${k}`)));
  expect(probabilities.reduce((a, p) => a + p, 0)).toBeCloseTo(1, 5);
  expect(Math.max(...probabilities)).toBe(probabilities[7]);

  await demo.getByRole('button', { name: 'Effacer' }).click();
  await expect.poll(() => prediction.getAttribute('data-valeur')).toBeNull();
  const square = demo.getByRole('img', { name: /Zone de dessin/ });
  const box = (await square.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let k = 1; k <= 20; k++) await page.mouse.move(box.x + box.width / 2, box.y + box.height * (0.15 + 0.035 * k));
  await page.mouse.up();
  await expect.poll(() => prediction.getAttribute('data-valeur')).toBe('1');
}, 60_000);

test('the imbalance experiment: the rare digit’s recall collapses, then the remedies bring it back', async () => {
  const { demo, errors } = shared!;
  await demo.getByRole('button', { name: 'Lancer l’expérience' }).click();
  const table = demo.getByTestId('mnist-desequilibre');
  await expect.poll(() => table.locator('tbody tr').count(), { timeout: 120_000 }).toBe(5);
  const recall = async (id: string) => value(demo, `mnist-rappel-${id}`);
  const r = {
    equilibre: await recall('equilibre'),
    rare: await recall('rare'),
    sous: await recall('sous'),
    sur: await recall('sur'),
    augmentation: await recall('augmentation'),
  };
  console.log('rappel du 5\u00a0:', JSON.stringify(r));
  // What the chapter says: the rare digit's recall falls below RARE_RECALL_CEILING.
  expect(r.rare).toBeLessThan(RARE_RECALL_CEILING);
  expect(r.equilibre).toBeGreaterThan(r.rare + 0.5);
  for (const remedy of [r.sous, r.sur, r.augmentation]) expect(remedy).toBeGreaterThan(r.rare + 0.1);
  expect(errors).toEqual([]);
  // Every panel filled (data, curves, evaluation, experiment): still no sideways scroll on a phone.
  const { page } = shared!;
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await shared!.context.close();
}, 180_000);

test('five epochs of 784-128-10 leave no tensor behind; the page stays responsive (longest task printed)', async () => {
  const { page, context, errors } = await openPage(
    browser,
    'demo/mnist/?mnist.moteur=wasm&mnist.n=10000&mnist.couches=128&mnist.epoques=5',
  );
  const demo = demoOf(page);
  await hydrated(demo);
  type Probe = { longest: number };
  await page.evaluate(() => {
    const w = window as unknown as Probe;
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await demo.getByText('Entraînement en cours…').waitFor({ timeout: 60_000 });
  await page.evaluate(() => ((window as unknown as Probe).longest = 0));
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 150_000 });
  const longest = await page.evaluate(() => (window as unknown as Probe).longest);
  const tensors = demo.getByTestId('mnist-tenseurs');
  const baseline = await tensors.getAttribute('data-base');
  expect(baseline).not.toBeNull();
  expect(await tensors.textContent()).toBe(baseline);
  console.log(
    `784-128-10, 8 000 images, 5 époques, WASM : exactitude ${await value(demo, 'mnist-exactitude-test')}, ` +
      `${await demo.getByTestId('mnist-temps-epoque').textContent()} par époque, plus longue tâche ${longest ? `${longest.toFixed(0)} ms` : 'aucune > 50 ms'}, tenseurs ${baseline}`,
  );

  // A second run: paused (the epoch count holds), resumed, then stopped — evaluated, and again
  // no tensor left.
  const epochNow = async () => Number((await demo.getByTestId('mnist-epoque').textContent())!.split(' ')[0]);
  await demo.getByRole('spinbutton', { name: 'Époques' }).fill('50');
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await expect.poll(epochNow, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await demo.getByRole('button', { name: 'Pause' }).click();
  await demo.getByText('En pause.').waitFor();
  const paused = await epochNow();
  await page.waitForTimeout(500);
  expect(await epochNow()).toBe(paused);
  await demo.getByRole('button', { name: 'Reprendre' }).click();
  await expect.poll(epochNow, { timeout: 60_000 }).toBeGreaterThan(paused + 1);
  await demo.getByRole('button', { name: 'Arrêter' }).click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 60_000 });
  expect(await tensors.textContent()).toBe(await tensors.getAttribute('data-base'));
  expect(await demo.getByTestId('mnist-essai').count()).toBe(2);

  // The model file: exported, then imported on a fresh page, it gives the same test accuracy.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    demo.getByRole('button', { name: 'Exporter le modèle' }).click(),
  ]);
  const bytes = await readFile((await download.path())!);
  const trained = await value(demo, 'mnist-exactitude-test');
  const fresh = await openPage(browser, 'demo/mnist/?mnist.moteur=wasm');
  const demo2 = demoOf(fresh.page);
  await hydrated(demo2);
  const input = demo2.getByLabel('Importer un modèle');
  await input.setInputFiles({ name: 'mnist.npnw', mimeType: 'application/octet-stream', buffer: bytes });
  await demo2.getByText('Entraînement terminé.').waitFor({ timeout: 60_000 });
  expect(await value(demo2, 'mnist-exactitude-test')).toBe(trained);
  await input.setInputFiles({
    name: 'abime.npnw',
    mimeType: 'application/octet-stream',
    buffer: bytes.subarray(0, 100),
  });
  expect(await demo2.getByTestId('mnist-import-erreur').textContent()).toMatch(/^Fichier de poids\u00a0: /);
  expect(errors).toEqual([]);
  await fresh.context.close();
  await context.close();
}, 300_000);

test('training runs in a worker: its reports reach the page as messages, tfjs and the images are fetched by the worker only', async () => {
  const { page, context, errors } = await openPage(
    browser,
    'demo/mnist/?mnist.moteur=wasm&mnist.n=2000&mnist.couches=&mnist.epoques=2&mnist.lot=64',
  );
  // Before the page's scripts: count what decoding MNIST files would use on the main thread
  // (gunzip and SHA-256; a worker has its own globals, untouched by this).
  await page.addInitScript(() => {
    const w = window as unknown as { decoded: string[] };
    w.decoded = [];
    const Native = window.DecompressionStream;
    window.DecompressionStream = class extends Native {
      constructor(format: CompressionFormat) {
        super(format);
        w.decoded.push(`gunzip ${format}`);
      }
    };
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    crypto.subtle.digest = (algorithm, data) => {
      w.decoded.push(`digest ${JSON.stringify(algorithm)}`);
      return digest(algorithm, data);
    };
  });
  await page.reload({ waitUntil: 'load' });
  const demo = demoOf(page);
  await hydrated(demo);
  // The island starts its worker on first use: wrap Worker now to hear what workers post.
  await page.evaluate(() => {
    const w = window as unknown as { heard: string[]; started: string[] };
    w.heard = [];
    w.started = [];
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        w.started.push(String(url));
        this.addEventListener(
          'message',
          (e: MessageEvent<{ type?: string; report?: { view?: object }; notice?: { kind?: string } }>) =>
            w.heard.push(`${e.data.type}:${e.data.notice?.kind ?? Object.keys(e.data.report?.view ?? {}).join(',')}`),
        );
      }
    };
  });
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 120_000 });
  await demo.getByText(/Données chargées\u00a0: 70[\s\u202f]000 images/).waitFor({ timeout: 60_000 });
  const { heard, started } = await page.evaluate(() => {
    const w = window as unknown as { heard: string[]; started: string[] };
    return { heard: w.heard, started: w.started };
  });
  expect(started).toHaveLength(1);
  // Per-epoch reports (the curves' points) and the evaluation came from the worker.
  expect(heard.filter((h) => /^report:.*\bepochs\b/.test(h)).length).toBeGreaterThanOrEqual(2);
  expect(heard.some((h) => /^report:.*\btest\b/.test(h))).toBe(true);
  // tfjs's WebAssembly was fetched by the worker, never by the page.
  const wasm = (entries: string[]) => entries.filter((n) => n.endsWith('.wasm'));
  const pageFetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(wasm(pageFetched)).toEqual([]);
  const worker = page.workers().find((w) => w.url() === new URL(started[0]!, page.url()).href);
  expect(worker).toBeDefined();
  const workerFetched = await worker!.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  expect(wasm(workerFetched).length).toBeGreaterThan(0);
  // The MNIST files too were fetched, gunzipped and checked by the worker, which holds the images:
  // the page heard each chunk's arrival (with its labels), and never decoded anything itself.
  const mnistFiles = (entries: string[]) => entries.filter((n) => /\/data\/mnist\//.test(n));
  expect(mnistFiles(pageFetched)).toEqual([]);
  expect(mnistFiles(workerFetched).filter((n) => n.endsWith('.npnm.gz'))).toHaveLength(7);
  expect(heard.filter((h) => h === 'notice:chunk')).toHaveLength(7);
  expect(await page.evaluate(() => (window as unknown as { decoded: string[] }).decoded)).toEqual([]);
  // What the page shows from the labels alone: the class counts of the 60,000 training images.
  const counts = await Promise.all(Array.from({ length: 10 }, (_, k) => value(demo, `mnist-effectifs-${k}`)));
  expect(counts.reduce((a, v) => a + v, 0)).toBe(60_000);
  const tensors = demo.getByTestId('mnist-tenseurs');
  expect(await tensors.textContent()).toBe(await tensors.getAttribute('data-base'));
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test('a preset button sets every setting it names, the epochs included', async () => {
  const { page, context, errors } = await openPage(browser, 'demo/mnist/?mnist.moteur=wasm');
  const demo = demoOf(page);
  await hydrated(demo);
  const field = (name: string) => demo.getByRole('spinbutton', { name });
  for (const preset of mnistPresets) {
    await field('Époques').fill('50');
    await field('Taille de lot').fill('7');
    await field('Pas d’apprentissage').fill('0.5');
    const decay = demo.getByRole('combobox', { name: 'Pas au fil des lots' });
    await decay.selectOption(preset.decroissance === 'aucune' ? 'lineaire' : 'aucune');
    await demo.getByRole('button', { name: preset.nom }).click();
    expect(await decay.inputValue()).toBe(preset.decroissance);
    expect(Number(await field('Époques').inputValue())).toBe(preset.epoques);
    expect(Number(await field('Taille de lot').inputValue())).toBe(preset.lot);
    const lr = await field('Pas d’apprentissage').inputValue();
    expect(Number(lr.replace(',', '.'))).toBe(preset.lr); // written with a decimal comma
    expect(await demo.getByRole('combobox', { name: 'Optimiseur' }).inputValue()).toBe(preset.optim);
  }
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test.each([
  ['a truncated file', (gz: Buffer) => gz.subarray(0, gz.length >> 1), /train-0\.npnm\.gz/],
  ['a wrong magic', () => gzipSync(Buffer.from('XXXX'.repeat(1000))), /train-0\.npnm\.gz/],
])(
  'the data step refuses %s in French, and a retry loads the images',
  async (_, corrupt, name) => {
    const { page, context } = await openPage(browser, 'demo/mnist/');
    const demo = demoOf(page);
    await hydrated(demo);
    let served = false;
    await page.route('**/data/mnist/train-0.npnm.gz', async (route) => {
      const response = await route.fetch();
      served = true;
      await route.fulfill({ response, body: corrupt(await response.body()) });
    });
    await demo.getByRole('button', { name: 'Charger les images MNIST' }).click();
    const error = demo.getByTestId('mnist-erreur-donnees');
    await error.waitFor({ timeout: 60_000 });
    expect(served).toBe(true);
    expect(await error.textContent()).toMatch(name);
    expect(await error.textContent()).toMatch(/^Le fichier|réessayez/i);
    await page.unroute('**/data/mnist/train-0.npnm.gz');
    await demo.getByRole('button', { name: 'Réessayer' }).click();
    await demo.getByText(/Données chargées\u00a0: 70[\s\u202f]000 images/).waitFor({ timeout: 60_000 });
    expect(await demo.getByRole('img', { name: /image d’entraînement nº/ }).count()).toBeGreaterThan(10);
    await context.close();
  },
  120_000,
);

test('a malformed link falls back to the defaults with the French notice; within an epoch the accuracy shows', async () => {
  const { page, context, errors } = await openPage(
    browser,
    'demo/mnist/?mnist.couches=128,abc&mnist.echelle=pixels&mnist.moteur=wasm&mnist.n=20000&mnist.epoques=50',
  );
  const demo = demoOf(page);
  await hydrated(demo);
  const notice = demo.getByText(/Certains réglages du lien étaient invalides/);
  await notice.waitFor();
  expect(await notice.textContent()).toContain('mnist.couches');
  expect(await notice.textContent()).toContain('mnist.echelle');
  expect(await demo.getByTestId('mnist-decoupage').textContent()).toContain('16\u202f000');
  await demo.getByRole('button', { name: 'Entraîner' }).click();
  await demo.getByText(/exactitude sur 500 images de validation/).waitFor({ timeout: 60_000 });
  await demo.getByRole('button', { name: 'Arrêter' }).click();
  await demo.getByText('Entraînement terminé.').waitFor({ timeout: 60_000 });
  expect(errors).toEqual([]);
  await context.close();
}, 120_000);

test.each([
  ['cpu', 'JavaScript (processeur)'],
  ['webgpu', 'WebGPU'],
])(
  'on the %s backend too, a small run learns (2,000 images, softmax regression)',
  async (moteur, label) => {
    const { page, context, errors } = await openPage(
      browser,
      `demo/mnist/?mnist.moteur=${moteur}&mnist.n=2000&mnist.couches=&mnist.epoques=3&mnist.lot=64`,
    );
    const demo = demoOf(page);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'Entraîner' }).click();
    await demo.getByText('Entraînement terminé.').waitFor({ timeout: 150_000 });
    expect(await demo.getByTestId('mnist-moteur').textContent()).toBe(label);
    const accuracy = await value(demo, 'mnist-exactitude-test');
    console.log(`${label}, régression softmax, 1 600 images, 3 époques : exactitude de test ${accuracy}`);
    expect(accuracy).toBeGreaterThan(0.75);
    const tensors = demo.getByTestId('mnist-tenseurs');
    expect(await tensors.textContent()).toBe(await tensors.getAttribute('data-base'));
    expect(errors).toEqual([]);
    await context.close();
  },
  180_000,
);
