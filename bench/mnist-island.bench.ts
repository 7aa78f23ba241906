/**
 * `npm run bench`: the MNIST island as a reader drives it, in headless Chromium on the test build
 * (WASM, the preset « 784-128-10 (rapide) », all 60,000 images: 48,000 to train on), beside the
 * engine bench (mnist.bench.ts's `trainTfMlp` on WASM, same 784-128-10 and batch 128: best of
 * three rounds of 100 batches, the issue's figure, and two whole epochs, a sustained one).
 * Two engine figures, because they measure different things: the burst (best 100 batches on the
 * first 12,800 images, after a warm-up: the issue's figure) and the same set-up as the island
 * (browser-mnist-preset-entry.ts on the page's main thread: the island's split of 48,000 images,
 * its initial weights, Adam 0.008 falling linearly to 0, batches of 128, 4 whole epochs, warm-up
 * included, measures between epochs outside the time, as the island does). The island is held to
 * the second: the same work, done in its worker.
 * Prints side by side: the island's images/s (its « Images par seconde (calcul des lots) ») and
 * the bench's, the longest main-thread task while it trains (PerformanceObserver 'longtask';
 * target ≤ 50 ms) and the time from a click to the next frame while it trains (a click every
 * 250 ms on the step's heading, which does nothing; target ≤ 20 ms). The images are loaded
 * before « Entraîner », so the figures are the training's; the longest task from the click to
 * the evaluation's end (engine start included) and during the data load are printed too. A
 * benchmark, not a test: it asserts only that the run finished. This machine is shared and noisy:
 * the engine bench and the island alternate for MNIST_ISLAND_ROUNDS rounds (default 3); the
 * median of the rounds' ratios (island / same set-up run just before it) is the figure held to
 * 90 %, the best speed of each is printed too, and the worst responsiveness.
 * `MNIST_ISLAND_BUILD=<dir>` serves an existing build instead (e.g. a copy made before a change).
 */
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { findChromium } from '../tests/chromium.mjs';
import { mnistIdxFiles as files, runInChromium } from './browser.mjs';
import type { MnistBenchResult } from './browser-mnist-entry';
import type { PresetRunResult } from './browser-mnist-preset-entry';
import { serveTestBuild } from './test-build-server';

let server: Awaited<ReturnType<typeof serveTestBuild>> | undefined;
afterAll(() => server?.close());

interface Probe {
  tasks: { start: number; ms: number }[];
  clicks: { at: number; ms: number }[];
  /** « Entraîner » clicked, status « Entraînement en cours… », status left it, « Entraînement terminé. » */
  clickAt?: number;
  trainStart?: number;
  trainEnd?: number;
  doneAt?: number;
}

/** Long tasks and click → next frame latencies, in the page, with the training window's bounds. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { probe: Probe };
    const probe: Probe = { tasks: [], clicks: [] };
    w.probe = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: false });
    document.addEventListener(
      'click',
      (e) => {
        const at = e.timeStamp;
        requestAnimationFrame(() => probe.clicks.push({ at, ms: performance.now() - at }));
      },
      { capture: true },
    );
    const status = document.querySelector('#mnist-entrainer')!.closest('section')!.querySelector('[role=status]')!;
    new MutationObserver(() => {
      const text = status.textContent ?? '';
      if (text === 'Entraînement en cours…') probe.trainStart ??= performance.now();
      else if (probe.trainStart !== undefined && text !== 'En pause.') probe.trainEnd ??= performance.now();
      if (text === 'Entraînement terminé.') probe.doneAt ??= performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d,]/g, '').replace(',', '.'));
const ms = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(0)} ms`);
const percentile = (a: number[], p: number) => {
  const s = [...a].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

async function islandRun(site: string) {
  const { executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site}demo/mnist/?mnist.moteur=wasm`);
    const demo = page.getByRole('region', { name: 'Reconnaître des chiffres manuscrits' });
    await demo.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('astro-island:not([ssr]) #mnist-entrainer') !== null);
    await demo.getByRole('button', { name: '784-128-10 (rapide)' }).click();
    await installProbe(page);
    const loadAt = await page.evaluate(() => performance.now());
    await demo.getByRole('button', { name: 'Charger les images MNIST' }).click();
    await demo.getByText(/Données chargées\u00a0: 70[\s\u202f]000 images/).waitFor({ timeout: 120_000 });
    const heading = page.locator('#mnist-entrainer');
    await heading.scrollIntoViewIfNeeded();
    const train = demo.getByRole('button', { name: 'Entraîner' });
    await train.evaluate((b) =>
      b.addEventListener('click', () => ((window as unknown as { probe: Probe }).probe.clickAt = performance.now()), {
        capture: true,
        once: true,
      }),
    );
    // The main thread's busy time (Chromium's TaskDuration) over the training: what the page's
    // drawing takes from a 2-core machine the worker shares.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
    await train.click();
    await demo.getByText('Entraînement en cours…').waitFor({ timeout: 60_000 });
    const busyFrom = await busy();
    const wallFrom = await page.evaluate(() => performance.now());
    const done = demo.getByText('Entraînement terminé.');
    while (!(await done.isVisible())) {
      const box = await heading.boundingBox();
      if (box) await page.mouse.click(box.x + 4, box.y + box.height / 2);
      await page.waitForTimeout(250);
    }
    const mainBusy = ((await busy()) - busyFrom) / ((await page.evaluate(() => performance.now())) - wallFrom);
    const probe = await page.evaluate(() => (window as unknown as { probe: Probe }).probe);
    const within = (t: number) => t >= probe.trainStart! && t <= (probe.trainEnd ?? Infinity);
    const tasks = probe.tasks.filter((t) => within(t.start)).map((t) => t.ms);
    const between = (from: number, to: number) =>
      Math.max(0, ...probe.tasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.ms));
    const longestRun = between(probe.clickAt!, probe.doneAt!);
    const longestLoad = between(loadAt, probe.clickAt!);
    const clicks = probe.clicks.filter((c) => within(c.at)).map((c) => c.ms);
    const imagesPerSecond = digits(
      await demo.locator('dt', { hasText: 'Images par seconde' }).locator('xpath=../dd').textContent(),
    );
    const accuracy = Number(await demo.getByTestId('mnist-exactitude-test').first().getAttribute('data-valeur'));
    const trainingMs = (probe.trainEnd ?? NaN) - probe.trainStart!;
    return { imagesPerSecond, accuracy, tasks, clicks, trainingMs, longestRun, longestLoad, mainBusy, errors };
  } finally {
    await browser.close();
  }
}

/** Rounds of (engine bench, island), alternating, so both see the same load; the best of each is kept. */
const ROUNDS = Number(process.env['MNIST_ISLAND_ROUNDS'] ?? 3);

async function benchRun() {
  const bench = (await runInChromium({
    entry: 'bench/browser-mnist-entry.ts',
    fn: 'runMnistBench',
    arg: { backend: 'wasm', options: { steps: 100, rounds: 3, fitEpochs: 0, engineEpochs: 2, engineSeconds: 60 } },
    files,
  })) as MnistBenchResult;
  const ours = bench.rows.find((r) => r.engine === 'trainTfMlp')!;
  // The island's own run (its split, weights, optimiser, 4 epochs) on the page's main thread.
  const { results } = (await runInChromium({
    entry: 'bench/browser-mnist-preset-entry.ts',
    fn: 'runPreset',
    arg: { seeds: [1], overrides: {} },
    files,
  })) as { results: PresetRunResult[] };
  const preset = results[0]!.epochs;
  const trainImages = 48_000;
  return {
    best: ours.imagesPerSecond,
    // Whole epochs of 60,000 images (accuracy measured between them, outside the time).
    sustained: (60_000 * ours.epochs.length) / ours.epochs.at(-1)!.seconds,
    sameSetup: (trainImages * preset.length) / preset.reduce((a, e) => a + e.seconds, 0),
    sameSetupEpochs: preset.map((e) => trainImages / e.seconds),
  };
}

test('the MNIST island on WASM, preset « 784-128-10 (rapide) », 60,000 images: speed and responsiveness', async () => {
  const dir = process.env['MNIST_ISLAND_BUILD'];
  server = await serveTestBuild(dir);
  const benches: Awaited<ReturnType<typeof benchRun>>[] = [];
  const islands: Awaited<ReturnType<typeof islandRun>>[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    benches.push(await benchRun());
    islands.push(await islandRun(server.url));
  }
  const benchIps = Math.max(...benches.map((b) => b.best));
  const sustained = Math.max(...benches.map((b) => b.sustained));
  const sameSetup = Math.max(...benches.map((b) => b.sameSetup));
  const island = islands.reduce((a, b) => (b.imagesPerSecond > a.imagesPerSecond ? b : a));
  // Each round's island beside the same set-up run just before it: the median of these ratios
  // is the figure least moved by the machine's load changing from one minute to the next.
  const roundRatios = islands.map((i, r) => i.imagesPerSecond / benches[r]!.sameSetup);
  // Responsiveness: the worst of the rounds.
  const tasks = islands.flatMap((i) => i.tasks);
  const clicks = islands.flatMap((i) => i.clicks);
  console.log(
    `MNIST island (${dir ?? 'test build'}), WASM, « 784-128-10 (rapide) », 48,000 training images × 4 epochs, ` +
      `${ROUNDS} rounds alternating with the engine bench (median of the rounds' ratios, best speed of each, worst responsiveness), ` +
      `load average ${loadavg()[0]!.toFixed(1)}; island images/s per round ${islands.map((i) => i.imagesPerSecond.toFixed(0)).join(', ')}, ` +
      `bench burst ${benches.map((b) => b.best.toFixed(0)).join(', ')}, bench same set-up ${benches.map((b) => b.sameSetup.toFixed(0)).join(', ')} ` +
      `(per epoch ${benches.map((b) => b.sameSetupEpochs.map((v) => v.toFixed(0)).join('/')).join(', ')}); ` +
      `test accuracy ${(100 * island.accuracy).toFixed(2)} %.`,
  );
  // One row per figure: the table stays readable in a terminal.
  console.table({
    'island images/s': island.imagesPerSecond.toFixed(0),
    'bench burst (trainTfMlp)': benchIps.toFixed(0),
    'bench, same set-up': sameSetup.toFixed(0),
    'island / same set-up, median of rounds': `${(100 * percentile(roundRatios, 0.5)!).toFixed(0)} % (target ≥ 90 %; rounds ${roundRatios.map((x) => `${(100 * x).toFixed(0)} %`).join(', ')})`,
    'island / same set-up, best of each': `${((100 * island.imagesPerSecond) / sameSetup).toFixed(0)} %`,
    'island / burst': `${((100 * island.imagesPerSecond) / benchIps).toFixed(0)} %`,
    'bench, whole epochs of 60,000': `${sustained.toFixed(0)} (island ${((100 * island.imagesPerSecond) / sustained).toFixed(0)} %)`,
    'longest main-thread task': `${ms(Math.max(0, ...tasks))} (target ≤ 50 ms)`,
    'tasks > 50 ms': String(tasks.length),
    'main thread busy while training': `${(100 * Math.max(...islands.map((i) => i.mainBusy))).toFixed(0)} %`,
    'longest, click → end': ms(Math.max(...islands.map((i) => i.longestRun))),
    'longest, data load': ms(Math.max(...islands.map((i) => i.longestLoad))),
    'click → next frame, max': `${ms(Math.max(...clicks))} (target ≤ 20 ms)`,
    'median / 95th percentile / clicks': `${ms(percentile(clicks, 0.5))} / ${ms(percentile(clicks, 0.95))} / ${clicks.length}`,
    'clicks over 20 ms': String(clicks.filter((c) => c > 20).length),
  });
  for (const i of islands) {
    expect(i.errors).toEqual([]);
    expect(i.imagesPerSecond).toBeGreaterThan(0);
  }
}, 900_000);
