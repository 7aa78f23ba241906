/**
 * Chapter 5's islands, driven as a reader would, by role and French name: the learning rate
 * 1,5 diverges and the island says so in French, 0,1 converges to W ≈ 4/3; on the loss landscape,
 * Adam reaches the minimum of the regression from a given start; the keyboard moves the start;
 * malformed links fall back with a French notice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';
import { DIVERGENCE_BOUND, MINIMUM } from '../../src/components/islands/pas/descent-1d';
import { paysageSchema } from '../../src/components/islands/paysage/state';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pas = (page: Page): Locator => page.getByRole('region', { name: 'Le pas d’apprentissage' });
const paysage = (page: Page): Locator => page.getByRole('region', { name: 'Paysage de perte' });
const value = async (demo: Locator, testId: string) =>
  Number(await demo.getByTestId(testId).getAttribute('data-valeur'));

describe('Le pas d’apprentissage', () => {
  test('a learning rate of 1,5 diverges: detected, stopped and explained in French', async () => {
    const { page, context, errors } = await openPage(browser, 'descente-de-gradient/');
    const demo = pas(page);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'η = 1,5', exact: true }).click();
    await expect
      .poll(() => demo.getByRole('slider', { name: 'Taux d’apprentissage η' }).getAttribute('aria-valuetext'))
      .toBe('1,5');
    expect(await demo.getByTestId('prevision').textContent()).toContain('Pas trop grand');
    await demo.getByRole('button', { name: 'Lancer' }).click();
    const verdict = demo.getByTestId('verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toContain('La descente diverge');
    expect(await verdict.textContent()).toContain('saute par-dessus le minimum');
    expect(Math.abs(await value(demo, 'w'))).toBeGreaterThan(DIVERGENCE_BOUND);
    // Stopped: the step count no longer moves, and "Un pas" is disabled.
    const steps = await demo.getByTestId('pas').textContent();
    await page.waitForTimeout(300);
    expect(await demo.getByTestId('pas').textContent()).toBe(steps);
    expect(await demo.getByRole('button', { name: 'Un pas' }).isDisabled()).toBe(true);
    await expect.poll(() => new URL(page.url()).searchParams.get('pas.lr')).toBe('1.5');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a learning rate of 0,1 converges to W ≈ 4/3, zig-zagging (step by step, then played)', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/pas-apprentissage/');
    const demo = pas(page);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'η = 0,1', exact: true }).click();
    const step = demo.getByRole('button', { name: 'Un pas' });
    await step.click();
    await expect.poll(() => value(demo, 'w')).toBe(2);
    await step.click();
    await expect.poll(() => value(demo, 'w')).toBe(1);
    await demo.getByRole('button', { name: 'Lancer' }).click();
    await expect.poll(() => demo.getByTestId('verdict').textContent(), { timeout: 20_000 }).toContain('Convergé');
    expect(Math.abs((await value(demo, 'w')) - MINIMUM.W)).toBeLessThan(1e-5);
    expect(Math.abs((await value(demo, 'cout')) - MINIMUM.J)).toBeLessThan(1e-9);
    expect(await value(demo, 'seuil')).toBeCloseTo(2 / 15, 12);
    await demo.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect.poll(() => demo.getByTestId('pas').textContent()).toBe('0');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the keyboard moves the logarithmic slider; the decay rescues 0,14', async () => {
    const { page, context } = await openPage(browser, 'demo/pas-apprentissage/?pas.lr=0.14&pas.decroissance=1');
    const demo = pas(page);
    await hydrated(demo);
    await expect.poll(() => demo.getByRole('checkbox', { name: /Décroissance du pas/ }).isChecked()).toBe(true);
    await demo.getByRole('button', { name: 'Lancer' }).click();
    await expect.poll(() => demo.getByTestId('verdict').textContent(), { timeout: 20_000 }).toContain('Convergé');
    const slider = demo.getByRole('slider', { name: 'Taux d’apprentissage η' });
    await slider.focus();
    await page.keyboard.press('End');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('pas.lr')).toBe('2');
    await context.close();
  });

  test('a malformed link falls back to the defaults with a French notice', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/pas-apprentissage/?pas.lr=abc&pas.w0=9');
    const demo = pas(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    expect(await notice.textContent()).toContain('pas.lr');
    expect(await notice.textContent()).toContain('pas.w0');
    expect(await demo.getByRole('slider', { name: 'Taux d’apprentissage η' }).getAttribute('aria-valuetext')).toBe(
      '0,1',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Paysage de perte', () => {
  test('Adam reaches the minimum of the regression landscape from a given start', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/paysage-de-perte/?paysage.w0=4.5&paysage.b0=-1.5');
    const demo = paysage(page);
    await hydrated(demo);
    await expect.poll(() => demo.getByRole('slider', { name: 'Départ : w' }).inputValue()).toBe('4.5');
    await demo.getByRole('button', { name: 'Lancer la course' }).click();
    await expect.poll(() => demo.getByTestId('resume').textContent(), { timeout: 60_000 }).toContain('Course finie');
    const adam = demo.getByRole('row', { name: /Adam/ });
    expect(await adam.getByTestId('etat-adam').textContent()).toBe('arrivé au minimum');
    expect(await value(demo, 'distance-adam')).toBeLessThan(0.05);
    expect(Number(await demo.getByTestId('pas-adam').textContent())).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the keyboard moves the start on the map and Enter launches the race', async () => {
    const { page, context, errors } = await openPage(browser, 'descente-de-gradient/');
    const demo = paysage(page);
    await hydrated(demo);
    const map = demo.getByRole('application', { name: /Carte du paysage/ });
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() => demo.getByRole('slider', { name: 'Départ : w' }).inputValue())
      .toBe(String(paysageSchema.w0.default + 0.1));
    expect(await demo.getByRole('slider', { name: 'Départ : b' }).inputValue()).toBe(
      String(paysageSchema.b0.default + 0.1),
    );
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await demo.getByTestId('pas-sgd').textContent())).toBeGreaterThan(0);
    await expect.poll(() => demo.getByTestId('resume').textContent(), { timeout: 60_000 }).toContain('Course finie');
    expect(await value(demo, 'distance-adam')).toBeLessThan(0.05);
    await expect
      .poll(() => new URL(page.url()).searchParams.get('paysage.w0'))
      .toBe(String(paysageSchema.w0.default + 0.1));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('one point per step: noisy paths that never settle, on the same seeded batches', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/paysage-de-perte/');
    const demo = paysage(page);
    await hydrated(demo);
    await demo.getByRole('combobox', { name: 'Gradient de chaque pas calculé sur' }).selectOption('stochastique');
    await demo.getByRole('button', { name: 'Lancer la course' }).click();
    await expect.poll(() => demo.getByTestId('resume').textContent(), { timeout: 60_000 }).toContain('bruité');
    expect(await demo.getByTestId('etat-sgd').textContent()).toBe('tourne autour du minimum');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a malformed link falls back to the defaults with a French notice', async () => {
    const { page, context, errors } = await openPage(
      browser,
      'demo/paysage-de-perte/?paysage.surface=bol&paysage.beta2=2',
    );
    const demo = paysage(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    expect(await notice.textContent()).toContain('paysage.surface');
    expect(await notice.textContent()).toContain('paysage.beta2');
    expect(await demo.getByRole('combobox', { name: 'Paysage' }).inputValue()).toBe('regression');
    expect(await demo.getByRole('slider', { name: 'Adam : β₂' }).inputValue()).toBe(
      String(paysageSchema.beta2.default),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
