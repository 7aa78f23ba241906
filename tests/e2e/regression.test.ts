/**
 * The tfjs island "Un neurone apprend f(x) = 2x + 1", on the backends CI has: it really
 * learns (w → 2, b → 1, loss down), shows its backend, stops on divergence with an
 * explanation, and leaks no tensor over 20 start/pause/reset cycles.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const demoOf = (page: Page) => page.getByRole('region', { name: 'Un neurone apprend f(x) = 2x + 1' });
const frenchNumber = (s: string | null) =>
  Number((s ?? '').replace('\u2212', '-').replace(/\s/g, '').replace(',', '.'));

describe.each([
  ['wasm', 'WebAssembly (processeur)'],
  ['webgpu', 'WebGPU'],
])('on the %s backend', (moteur, label) => {
  test('converges to w = 2, b = 1 with the loss going down', async () => {
    const { page, context, errors } = await openPage(browser, `demo/regression-lineaire/?regression.moteur=${moteur}`);
    const demo = demoOf(page);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'Démarrer' }).click();
    await expect.poll(() => demo.getByTestId('moteur').textContent(), { timeout: 60_000 }).toBe(label);
    await demo.getByText('Entraînement terminé.').waitFor({ timeout: 150_000 });
    const w = Number(await demo.getByTestId('w').getAttribute('data-valeur'));
    const b = Number(await demo.getByTestId('b').getAttribute('data-valeur'));
    const firstLoss = frenchNumber(await demo.getByTestId('perte-initiale').textContent());
    const lastLoss = frenchNumber(await demo.getByTestId('perte').textContent());
    expect(Math.abs(w - 2)).toBeLessThan(0.05);
    expect(Math.abs(b - 1)).toBeLessThan(0.05);
    expect(lastLoss).toBeLessThan(firstLoss / 100);
    expect(await demo.getByTestId('epoque').textContent()).toBe('200 sur 200');
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('a learning rate that is far too large stops with an explanation, not a crash', async () => {
  const { page, context } = await openPage(browser, 'demo/regression-lineaire/?regression.moteur=wasm&regression.lr=3');
  const demo = demoOf(page);
  await hydrated(demo);
  await demo.getByRole('button', { name: 'Démarrer' }).click();
  const alert = demo.getByRole('alert');
  await alert.waitFor({ timeout: 60_000 });
  expect(await alert.textContent()).toContain('trop grand');
  expect(await demo.getByRole('button', { name: 'Démarrer' }).isEnabled()).toBe(true);
  await context.close();
});

test('20 start/pause/reset cycles leave tf.memory().numTensors where it started', async () => {
  const { page, context } = await openPage(
    browser,
    'demo/regression-lineaire/?regression.moteur=wasm&regression.epoques=1000',
  );
  const demo = demoOf(page);
  await hydrated(demo);
  const start = demo.getByRole('button', { name: /Démarrer|Reprendre/ });
  const tensors = async () => Number(await demo.getByTestId('tenseurs').textContent());
  // Load tfjs once, then measure the baseline with no model alive.
  await start.click();
  await expect.poll(() => demo.getByTestId('moteur').textContent(), { timeout: 60_000 }).not.toBe('pas encore chargé');
  await demo.getByRole('button', { name: 'Pause' }).click();
  await demo.getByRole('button', { name: 'Réinitialiser' }).click();
  const baseline = await tensors();
  for (let i = 0; i < 20; i++) {
    await start.click();
    await expect
      .poll(async () => parseInt((await demo.getByTestId('epoque').textContent()) ?? '0', 10))
      .toBeGreaterThan(2);
    await demo.getByRole('button', { name: 'Pause' }).click();
    await demo.getByText('En pause.').waitFor();
    await demo.getByRole('button', { name: 'Réinitialiser' }).click();
    expect(await tensors()).toBe(baseline);
  }
  await context.close();
});
