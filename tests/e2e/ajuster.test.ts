/**
 * The "Apprendre, c’est ajuster" island, driven as a reader would, by role and French name:
 * move the line with the keyboard and the pointer, let gradient descent finish (it must reach
 * the least-squares line of the same seeded cloud), reopen a shared link, survive a broken one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';
import { cloud } from '../../src/components/islands/ajuster/descent';
import { ajusterSchema } from '../../src/components/islands/ajuster/state';
import { defaultState } from '../../src/components/islands/shared/url-state';
import { leastSquaresLine } from '../../src/nn/math/single-neuron';
import { lineMseAndGradient } from '../../src/nn/math/linear-regression';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const island = (page: Page): Locator => page.getByRole('region', { name: 'Apprendre, c’est ajuster' });
const value = async (demo: Locator, testId: string) =>
  Number(await demo.getByTestId(testId).getAttribute('data-valeur'));

describe('Apprendre, c’est ajuster', () => {
  test('the arrow keys move a handle: the line, the loss and the URL follow', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/ajuster/');
    const demo = island(page);
    await hydrated(demo);
    const right = demo.getByRole('slider', { name: 'Poignée droite de la droite' });
    const left = demo.getByRole('slider', { name: 'Poignée gauche de la droite' });
    const leftBefore = await left.getAttribute('aria-valuenow');
    const lossBefore = await value(demo, 'perte');
    const rightBefore = Number(await right.getAttribute('aria-valuenow'));
    await right.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(async () => Number(await right.getAttribute('aria-valuenow'))).toBeCloseTo(rightBefore + 1, 6);
    expect(await left.getAttribute('aria-valuenow')).toBe(leftBefore);
    // The line rises towards the points (which climb along y = x + 0,5): the loss falls.
    expect(await value(demo, 'perte')).toBeLessThan(lossBefore);
    expect(await demo.getByTestId('phase').textContent()).toContain('Vous ajustez la droite');
    const w = await value(demo, 'w');
    await expect.poll(() => new URL(page.url()).searchParams.get('ajuster.w')).toBe(String(w));
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number(await right.getAttribute('aria-valuenow'))).toBeCloseTo(rightBefore, 6);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a handle can be dragged with the pointer', async () => {
    const { page, context } = await openPage(browser, 'demo/ajuster/');
    const demo = island(page);
    await hydrated(demo);
    const left = demo.getByRole('slider', { name: 'Poignée gauche de la droite' });
    const before = Number(await left.getAttribute('aria-valuenow'));
    const box = (await left.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 60, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await left.getAttribute('aria-valuenow'))).toBeGreaterThan(before + 0.5);
    expect(await left.evaluate((el) => el === document.activeElement)).toBe(true);
    await context.close();
  });

  test('gradient descent, shown phase by phase, ends on the least-squares line of the same cloud', async () => {
    const { page, context, errors } = await openPage(browser, 'introduction/');
    const demo = island(page);
    await hydrated(demo);
    const defaults = defaultState(ajusterSchema);
    const data = cloud(defaults);
    const best = leastSquaresLine(data.xs, data.ys);
    const minimum = lineMseAndGradient(best, data.xs, data.ys).loss;
    expect(await value(demo, 'perte-minimale')).toBeCloseTo(minimum, 12);

    await demo.getByRole('button', { name: 'Laisser la descente de gradient finir' }).click();
    const caption = demo.getByTestId('phase');
    await expect.poll(() => caption.textContent(), { interval: 50 }).toContain('Pas 1, prédire');
    expect(await demo.locator('[aria-current="step"]').textContent()).toBe('Prédire');
    await expect.poll(() => caption.textContent(), { interval: 50 }).toContain('Pas 1, mesurer');
    await expect.poll(() => caption.textContent(), { interval: 50 }).toContain('Pas 1, ajuster');
    await expect.poll(() => caption.textContent(), { timeout: 60_000 }).toContain('Terminé');

    const loss = await value(demo, 'perte');
    expect(loss).toBeLessThanOrEqual(minimum * 1.01);
    expect(loss).toBeGreaterThanOrEqual(minimum * (1 - 1e-12));
    expect(Math.abs((await value(demo, 'w')) - best.w)).toBeLessThan(0.01);
    expect(Math.abs((await value(demo, 'b')) - best.b)).toBeLessThan(0.01);
    expect(Number(await demo.getByTestId('pas').textContent())).toBeGreaterThan(10);
    await expect.poll(() => new URL(page.url()).searchParams.get('ajuster.w')).toBe(String(await value(demo, 'w')));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a shared link reopens the demo in the same state, and the button copies it', async () => {
    const link =
      'demo/ajuster/?ajuster.w=1.2&ajuster.b=0.3&ajuster.points=50&ajuster.bruit=0.8&ajuster.seed=42&autre.x=1';
    const { page, context } = await openPage(browser, link);
    const demo = island(page);
    await hydrated(demo);
    await expect.poll(() => value(demo, 'w')).toBe(1.2);
    expect(await value(demo, 'b')).toBe(0.3);
    expect(await demo.getByRole('slider', { name: 'Nombre de points' }).inputValue()).toBe('50');
    expect(await demo.getByRole('slider', { name: 'Bruit sur y' }).inputValue()).toBe('0.8');
    expect(await demo.getByRole('spinbutton', { name: 'Graine aléatoire' }).inputValue()).toBe('42');
    const data = cloud({ points: 50, bruit: 0.8, seed: 42 });
    expect(await value(demo, 'perte')).toBeCloseTo(lineMseAndGradient({ w: 1.2, b: 0.3 }, data.xs, data.ys).loss, 12);

    await demo.getByRole('button', { name: 'Lien vers cette démo' }).click();
    await expect.poll(() => page.getByText('Lien copié dans le presse-papiers.').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.searchParams.get('ajuster.w')).toBe('1.2');
    expect(url.searchParams.get('ajuster.seed')).toBe('42');
    expect(url.searchParams.has('autre.x')).toBe(false);
    expect(url.hash).toBe('#demo-ajuster');

    const again = await openPage(browser, copied);
    const reopened = island(again.page);
    await hydrated(reopened);
    await expect
      .poll(() => reopened.getByTestId('perte').textContent())
      .toBe(await demo.getByTestId('perte').textContent());
    expect(await reopened.getByTestId('perte-minimale').textContent()).toBe(
      await demo.getByTestId('perte-minimale').textContent(),
    );
    await again.context.close();
    await context.close();
  });

  test('a malformed link falls back to the defaults with a French notice', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/ajuster/?ajuster.w=abc&ajuster.points=3');
    const demo = island(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    expect(await notice.textContent()).toContain('ajuster.w');
    expect(await notice.textContent()).toContain('ajuster.points');
    expect(await value(demo, 'w')).toBe(ajusterSchema.w.default);
    expect(await demo.getByRole('slider', { name: 'Nombre de points' }).inputValue()).toBe(
      String(ajusterSchema.points.default),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
