/**
 * `npm run bench`: runnable code blocks in headless Chromium, on the test build of the site
 * (built first if a source changed), served with `Access-Control-Allow-Origin: *` as GitHub Pages
 * does. Measured in the page, from the click:
 * - the first « Exécuter » of chapter 2's 10-line neuron example until its output shows (cold:
 *   controller, sandbox frame and worker load); budget 1 s;
 * - later runs of the same block until « Terminé » (warm worker); budget 100 ms;
 * - a 10-second loop that updates a progress line and prints: the longest main-thread task
 *   (Long Tasks API, which reports tasks over 50 ms); budget: none over 50 ms.
 * - « Arrêter » during `while (true) {}`: click to « Arrêté »; budget 200 ms.
 * Prints one table; asserts only that the runs finished.
 */
import { deflateRawSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { findChromium } from '../tests/chromium.mjs';
import { serveTestBuild } from './test-build-server';

const LATER_RUNS = 10;
// A real training run for 10 s: a 2-16-16-1 network on the circle dataset with the course's
// fit (progress line updated every epoch, a printed line every 50 epochs) — the kind of block
// issue 16 puts in every chapter.
const LONG_RUN = `const data = generators2d.circle(createRng(1), 400, 0.1);
const model = mlp({
  inputSize: 2,
  layers: [{ units: 16, activation: 'tanh' }, { units: 16, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
  loss: 'bce',
  seed: 1,
});
const t0 = Date.now();
fit(model, data, {
  epochs: 1_000_000,
  lr: 0.01,
  progress: true,
  onEpoch: (r) => {
    if (r.epoch % 50 === 0) print(\`époque \${r.epoch} : perte \${r.loss.toFixed(4)}\`);
    return Date.now() - t0 < 10_000;
  },
});`;

let server: Awaited<ReturnType<typeof serveTestBuild>> | undefined;
afterAll(() => server?.close());

/** Clicks the block's first button named `name`, resolves with the ms until `done(section)` holds. */
function clickAndTime(page: Page, runId: string, until: 'output' | 'finished'): Promise<number> {
  return page.evaluate(
    ({ runId, until }) =>
      new Promise<number>((resolve) => {
        const section = document.querySelector<HTMLElement>(`[data-run-id="${runId}"]`)!;
        const button = section.querySelector<HTMLButtonElement>('[data-action="run"]')!;
        const done = () =>
          until === 'output'
            ? section.querySelector('.npn-run__result > *') !== null
            : section.dataset['state'] === 'done' || section.dataset['state'] === 'error';
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(section, { subtree: true, childList: true, attributes: true, characterData: true });
        button.click();
      }),
    { runId, until },
  );
}

test('runnable blocks: first run, later runs, long tasks during a 10 s run', async () => {
  server = await serveTestBuild();
  const site = server.url;
  const { executablePath } = await findChromium();
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${site}neurone/`);
    await page.waitForLoadState('networkidle');
    const first = await clickAndTime(page, 'neurone/sortie-neurone', 'output');
    await page.waitForFunction(() =>
      document.querySelector('[data-run-id="neurone/sortie-neurone"][data-state="done"]'),
    );
    const later: number[] = [];
    for (let i = 0; i < LATER_RUNS; i++) later.push(await clickAndTime(page, 'neurone/sortie-neurone', 'finished'));
    later.sort((a, b) => a - b);

    // « Arrêter » during an infinite loop: click to « Arrêté » (the frame and its worker removed).
    await page.goto(`${site}neurone/?code.sortie-neurone=${deflateRawSync('while (true) {}').toString('base64url')}`);
    await page.waitForSelector('[data-run-id="neurone/sortie-neurone"] .npn-run__plain');
    await page.click('[data-run-id="neurone/sortie-neurone"] [data-action="run"]');
    await page.waitForTimeout(500);
    const stop = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const section = document.querySelector<HTMLElement>('[data-run-id="neurone/sortie-neurone"]')!;
          const t0 = performance.now();
          section.querySelector<HTMLButtonElement>('[data-action="stop"]')!.click();
          const check = () =>
            section.dataset['state'] === 'stopped' ? resolve(performance.now() - t0) : requestAnimationFrame(check);
          check();
        }),
    );

    const payload = deflateRawSync(Buffer.from(LONG_RUN)).toString('base64url');
    await page.goto(`${site}neurone/?code.sortie-neurone=${payload}`);
    await page.waitForSelector('[data-run-id="neurone/sortie-neurone"] .npn-run__plain');
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[]; longTaskNames: string[] };
      const t0 = performance.now();
      w.longTasks = [];
      w.longTaskNames = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => {
          w.longTasks.push(e.duration);
          w.longTaskNames.push(`${e.name} ${Math.round(e.duration)} ms à +${Math.round(e.startTime - t0)} ms`);
        }),
      ).observe({
        type: 'longtask',
      });
    });
    const long = await clickAndTime(page, 'neurone/sortie-neurone', 'finished');
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const taskNames = await page.evaluate(() => (window as unknown as { longTaskNames: string[] }).longTaskNames);
    if (taskNames.length > 0)
      console.log(`Tâches longues (origine, durée, début depuis le clic)\u00a0: ${taskNames.join(', ')}`);
    const state = await page.evaluate(
      () => document.querySelector<HTMLElement>('[data-run-id="neurone/sortie-neurone"]')!.dataset['state'],
    );
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.table([
      { mesure: 'premier « Exécuter » → sortie affichée', valeur: ms(first), budget: '≤ 1000 ms' },
      {
        mesure: `exécutions suivantes (médiane, max sur ${LATER_RUNS})`,
        valeur: `${ms(later[LATER_RUNS >> 1]!)}, ${ms(later.at(-1)!)}`,
        budget: '≤ 100 ms',
      },
      { mesure: '« Arrêter » pendant while (true) {} → « Arrêté »', valeur: ms(stop), budget: '≤ 200 ms' },
      { mesure: 'entraînement de 10 s (fit) : durée', valeur: ms(long), budget: '' },
      {
        mesure: 'entraînement de 10 s : tâches > 50 ms sur la page',
        valeur: tasks.length === 0 ? 'aucune' : `${tasks.length}, la plus longue ${ms(Math.max(...tasks))}`,
        budget: 'aucune',
      },
    ]);
    expect(state).toBe('done');
    expect(long).toBeGreaterThan(10_000); // not cut short by the output cap
  } finally {
    await browser.close();
  }
});
