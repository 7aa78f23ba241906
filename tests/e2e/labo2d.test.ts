/**
 * "Le labo 2D", driven by role and French name: the spiral learnt by a deep network on the
 * reference engine; in the chapter, the over-fitting preset over-fitting (validation loss back
 * far above its minimum, a train/test accuracy gap), then « + L2 » with the first run kept as a
 * ghost; on the demo page, the preset it opens on, each remedy's button, α disabled without a
 * penalty, the decimal comma, early stopping showing the restored weights' loss; TensorFlow.js on
 * WASM in its training worker (learns, shows its backend, frees the worker's tensors on reset), play / pause / step, the notice
 * of a malformed link; and, printed only, the longest main-thread task, the longest gap between
 * two frames and epochs per second (timings are printed, never asserted).
 */
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

const labOf = (page: Page) => page.getByRole('region', { name: 'Le labo 2D' });
const value = async (lab: Locator, id: string) => Number(await lab.getByTestId(id).getAttribute('data-valeur'));
const epochOf = async (lab: Locator) => Number(await lab.getByTestId('labo-epoque').textContent());

test('the reference engine learns the spiral to more than 90 % test accuracy with 3 × 16 tanh', async () => {
  const q =
    'labo.donnees=spiral&labo.bruit=0&labo.points=600&labo.part=0.6&labo.couches=16,16,16&labo.act=tanh' +
    '&labo.optim=adam&labo.lr=0.01&labo.lot=16&labo.moteur=js&labo.vitesse=max&labo.epoques=10000' +
    '&labo.reg=aucune&labo.garde=1&labo.patience=0&labo.seed=1';
  const { page, context, errors } = await openPage(browser, `demo/labo-2d/?${q}`);
  const lab = labOf(page);
  await hydrated(lab);
  await lab.getByRole('button', { name: 'Démarrer' }).click();
  await expect.poll(() => value(lab, 'labo-precision-test'), { timeout: 30_000, interval: 500 }).toBeGreaterThan(0.9);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.getByText('En pause.').waitFor();
  console.log(`spirale : ${await epochOf(lab)} époques, test ${await value(lab, 'labo-precision-test')}`);
  expect(errors).toEqual([]);
  await context.close();
});

/** Runs to the end of the experiment at full speed; the figures a reader compares. */
async function runToEnd(lab: Locator) {
  await lab.getByRole('button', { name: /Démarrer|Reprendre/ }).click();
  await expect
    .poll(() => lab.getByRole('alert').textContent(), { timeout: 60_000 })
    .toMatch(/Fin de l’expérience|arrêt anticipé/);
  await expect.poll(() => lab.getByTestId('labo-precision-test').getAttribute('data-valeur')).not.toBe('');
  const best = await lab.getByTestId('labo-meilleure-validation').textContent();
  return {
    epochs: await epochOf(lab),
    last: await value(lab, 'labo-perte-validation'),
    best: await value(lab, 'labo-meilleure-validation'),
    bestEpoch: Number(/époque (\d+)/.exec(best ?? '')?.[1]),
    train: await value(lab, 'labo-precision-entrainement'),
    test: await value(lab, 'labo-precision-test'),
  };
}

test('the chapter opens on « Surapprentissage », which over-fits; « + L2 » keeps it as a ghost and fixes it', async () => {
  const { page, context, errors } = await openPage(browser, 'regularisation/');
  const lab = labOf(page);
  await hydrated(lab);
  const presets = lab.getByRole('group', { name: 'Préréglages' });
  const overfit = presets.getByRole('button', { name: 'Surapprentissage' });
  expect(await overfit.getAttribute('aria-pressed')).toBe('true');
  await lab.getByRole('combobox', { name: 'Vitesse' }).selectOption({ label: 'Maximale' });
  const plain = await runToEnd(lab);
  // over-fitting, as a reader sees it: the validation loss bottomed out early and climbed back
  // far above its minimum; every training point is right, many test points are not
  expect(plain.epochs).toBe(500);
  expect(plain.bestEpoch).toBeLessThan(30);
  expect(plain.last).toBeGreaterThan(3 * plain.best);
  expect(plain.train).toBe(1);
  expect(plain.train - plain.test).toBeGreaterThan(0.2);
  expect(await lab.getByTestId('labo-fantome').count()).toBe(0);

  await presets.getByRole('button', { name: '+ L2' }).click();
  expect(await presets.getByRole('button', { name: '+ L2' }).getAttribute('aria-pressed')).toBe('true');
  expect(await overfit.getAttribute('aria-pressed')).toBe('false');
  expect(await epochOf(lab)).toBe(0);
  // the first run stays, faint, to compare with: its curves, its boundary, its figures
  const ghost = lab.getByTestId('labo-fantome');
  await ghost.waitFor();
  expect(await ghost.textContent()).toContain('Essai précédent, en pâle\u00a0: sans régularisation, 500 époques');
  expect(await ghost.textContent()).toContain('Essai en cours\u00a0: L2 α\u00a0=\u00a00,01');
  expect(await lab.getByTestId('courbes-fantome').count()).toBe(1);
  await lab.getByText('tirets\u00a0: frontière de l’essai précédent').waitFor();
  const ridge = await runToEnd(lab);
  expect(ridge.last).toBeLessThan(plain.last / 2);
  expect(ridge.test).toBeGreaterThan(plain.test + 0.05);
  expect(await lab.getByTestId('courbes-fantome').count()).toBe(1);
  console.log(`préréglage : sans régularisation ${JSON.stringify(plain)}, + L2 ${JSON.stringify(ridge)}`);
  await lab.getByRole('button', { name: 'Effacer l’essai précédent' }).click();
  expect(await lab.getByTestId('courbes-fantome').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('the demo page opens on the over-fitting preset; each remedy is one button; α only with a penalty', async () => {
  const { page, context, errors } = await openPage(browser, 'demo/labo-2d/?labo.vitesse=max');
  const lab = labOf(page);
  await hydrated(lab);
  const presets = lab.getByRole('group', { name: 'Préréglages' });
  expect(await presets.getByRole('button', { name: 'Surapprentissage' }).getAttribute('aria-pressed')).toBe('true');
  expect(await lab.getByText('Réseau : 2 → 16 → 16 → 16 → 1').count()).toBe(1);
  const alpha = lab.getByRole('spinbutton', { name: 'Taux de régularisation α' });
  expect(await alpha.isDisabled()).toBe(true);
  expect(await alpha.inputValue()).toBe('0,01');

  await presets.getByRole('button', { name: '+ dropout' }).click();
  expect(await lab.getByRole('slider', { name: /Dropout/ }).inputValue()).toBe('0.5');
  await presets.getByRole('button', { name: '+ L2' }).click();
  expect(await lab.getByRole('combobox', { name: 'Régularisation' }).inputValue()).toBe('l2');
  expect(await alpha.isDisabled()).toBe(false);
  // the French decimal comma, typed and read back
  await alpha.fill('0,02');
  await expect.poll(() => new URL(page.url()).searchParams.get('labo.alpha')).toBe('0.02');

  // early stopping: the figures shown are those of the weights it restored, not the last epoch's
  await presets.getByRole('button', { name: '+ arrêt précoce' }).click();
  expect(await lab.getByRole('spinbutton', { name: /patience/ }).inputValue()).toBe('20');
  const stopped = await runToEnd(lab);
  expect(await lab.getByRole('alert').textContent()).toContain('arrêt anticipé');
  expect(stopped.epochs).toBe(stopped.bestEpoch + 20);
  expect(stopped.last).toBe(stopped.best);
  expect(await lab.getByTestId('labo-perte-validation').textContent()).toContain(
    `poids de l’époque ${stopped.bestEpoch}, restaurés`,
  );
  expect(errors).toEqual([]);
  await context.close();
});

test('play, pause and step', async () => {
  const { page, context } = await openPage(browser, 'demo/labo-2d/');
  const lab = labOf(page);
  await hydrated(lab);
  await lab.getByRole('button', { name: 'Une époque' }).click();
  expect(await epochOf(lab)).toBe(1);
  await lab.getByRole('button', { name: 'Une époque' }).click();
  expect(await epochOf(lab)).toBe(2);
  await lab.getByRole('button', { name: 'Reprendre' }).click();
  await expect.poll(() => epochOf(lab)).toBeGreaterThan(10);
  await lab.getByRole('button', { name: 'Pause' }).click();
  const paused = await epochOf(lab);
  await page.waitForTimeout(500);
  expect(await epochOf(lab)).toBe(paused);
  await lab.getByRole('button', { name: 'Réinitialiser' }).click();
  expect(await epochOf(lab)).toBe(0);
  await context.close();
});

test('TensorFlow.js on WASM trains, shows its backend, and frees its tensors on reset', async () => {
  const { page, context, errors } = await openPage(
    browser,
    'demo/labo-2d/?labo.moteur=tf&labo.backend=wasm&labo.vitesse=max',
  );
  const lab = labOf(page);
  await hydrated(lab);
  await lab.getByRole('button', { name: 'Démarrer' }).click();
  await expect
    .poll(() => lab.getByTestId('labo-moteur').textContent(), { timeout: 60_000 })
    .toBe('WebAssembly (processeur)');
  await expect.poll(() => epochOf(lab), { timeout: 60_000 }).toBeGreaterThan(30);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.getByText('En pause.').waitFor();
  const loss = await value(lab, 'labo-perte');
  expect(loss).toBeLessThan(0.6);
  // The model is freed in the training worker: the count shows once the worker has said it.
  const tensors = async () => {
    const count = async () => Number(await lab.getByTestId('labo-tenseurs').textContent());
    await expect.poll(async () => Number.isInteger(await count())).toBe(true);
    return count();
  };
  await lab.getByRole('button', { name: 'Réinitialiser' }).click();
  const baseline = await tensors();
  for (let i = 0; i < 3; i++) {
    await lab.getByRole('button', { name: /Démarrer|Reprendre/ }).click();
    await expect.poll(() => epochOf(lab), { timeout: 30_000 }).toBeGreaterThan(3);
    await lab.getByRole('button', { name: 'Pause' }).click();
    await lab.getByText('En pause.').waitFor();
    await lab.getByRole('button', { name: 'Réinitialiser' }).click();
    expect(await tensors()).toBe(baseline);
  }
  expect(baseline).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a malformed link shows the French notice and falls back to the defaults', async () => {
  const { page, context } = await openPage(browser, 'demo/labo-2d/?labo.couches=8,99&labo.optim=lbfgs');
  const lab = labOf(page);
  await hydrated(lab);
  const alert = lab.getByRole('alert');
  await alert.waitFor();
  const text = await alert.textContent();
  expect(text).toContain('invalides');
  expect(text).toContain('labo.couches');
  expect(text).toContain('labo.optim');
  expect(await lab.getByText('Réseau : 2 → 16 → 16 → 16 → 1').count()).toBe(1);
  await context.close();
});

test.each([
  ['js', 'JavaScript'],
  ['tf', 'TensorFlow.js (WASM)'],
])('measure only: longest main-thread task and epochs per second over 20 s on %s', async (moteur, name) => {
  const { page, context } = await openPage(
    browser,
    `demo/labo-2d/?labo.moteur=${moteur}&labo.backend=wasm&labo.donnees=spiral&labo.couches=16,16,16` +
      '&labo.points=300&labo.part=0.5&labo.lot=16&labo.vitesse=max&labo.epoques=10000',
  );
  const lab = labOf(page);
  await hydrated(lab);
  // long tasks (> 50 ms, the Long Tasks API) and the longest gap between two animation frames
  type Probe = { longest: number; gap: number; last: number };
  await page.evaluate(() => {
    const w = window as unknown as Probe;
    Object.assign(w, { longest: 0, gap: 0, last: 0 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const frame = (t: number) => {
      if (w.last) w.gap = Math.max(w.gap, t - w.last);
      w.last = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await lab.getByRole('button', { name: 'Démarrer' }).click();
  await expect.poll(() => epochOf(lab), { timeout: 60_000 }).toBeGreaterThan(0);
  const e0 = await epochOf(lab);
  await page.evaluate(() => Object.assign(window as unknown as Probe, { longest: 0, gap: 0 }));
  await page.waitForTimeout(20_000);
  const e1 = await epochOf(lab);
  const { longest, gap } = await page.evaluate(() => {
    const w = window as unknown as Probe;
    return { longest: w.longest, gap: w.gap };
  });
  console.log(
    `[mesure] ${name}, 2 → 16 → 16 → 16 → 1, 150 points d’entraînement, lots de 16 : ${((e1 - e0) / 20).toFixed(1)} époques/s, ` +
      `plus longue tâche ${longest ? `${longest.toFixed(0)} ms` : 'aucune > 50 ms'}, plus long écart entre deux images ${gap.toFixed(0)} ms`,
  );
  if (await lab.getByRole('button', { name: 'Pause' }).isVisible())
    await lab.getByRole('button', { name: 'Pause' }).click();
  await context.close();
});
