/**
 * The two islands of chapter 4, driven as a reader would, by role and French name:
 * "MAE ou MSE ?" (the outlier moved with the keyboard and with the mouse; the MSE line follows
 * it, the MAE line hardly moves) and "Entropie croisée" (the slider changes −ln p and both
 * gradients as the formulas say); malformed links show the French notice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';
import { fitWithOutlier } from '../../src/components/islands/mae-mse/lines';
import {
  crossEntropy,
  crossEntropyGradient,
  pushRatio,
  squaredError,
  squaredErrorGradient,
} from '../../src/components/islands/entropie/formulas';
import { formatNumber } from '../../src/nn/format';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const maeMse = (page: Page): Locator => page.getByRole('region', { name: 'MAE ou MSE ?' });
const entropie = (page: Page): Locator => page.getByRole('region', { name: 'Entropie croisée', exact: true });

/** The two fitted lines as the island drew them (exact values from the SVG's data attributes). */
async function lines(demo: Locator) {
  const read = async (id: string) => {
    const line = demo.getByTestId(id);
    return { w: Number(await line.getAttribute('data-w')), b: Number(await line.getAttribute('data-b')) };
  };
  return { mse: await read('droite-mse'), mae: await read('droite-mae') };
}
const moved = (a: { w: number; b: number }, b: { w: number; b: number }) => Math.abs(a.w - b.w) + Math.abs(a.b - b.b);

describe('MAE ou MSE ?', () => {
  test('moving the outlier with the keyboard moves the MSE line more than the MAE line', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/mae-ou-mse/');
    const demo = maeMse(page);
    await hydrated(demo);
    const before = await lines(demo);
    // The island shows the lines src/nn fits to the same seeded points.
    const expected = fitWithOutlier(3, 12, 8.5, 14);
    expect(before.mse.w).toBeCloseTo(expected.mseLine.w, 12);
    expect(before.mae.b).toBeCloseTo(expected.maeLine.b, 12);
    expect(await demo.getByTestId('pente-mse').textContent()).toBe(
      formatNumber(expected.mseLine.w, { digits: 3, fixed: true }),
    );

    const outlier = demo.getByRole('button', { name: /^Valeur aberrante/ });
    expect(await outlier.getAttribute('aria-label')).toContain('x = 8,5 et y = 14');
    await outlier.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown'); // y: 14 → 10
    await page.keyboard.press('ArrowLeft'); // x: 8,5 → 8,25
    await expect.poll(() => page.url()).toContain('maemse.oy=10');
    expect(page.url()).toContain('maemse.ox=8.25');
    await expect.poll(() => outlier.getAttribute('aria-label')).toContain('x = 8,25 et y = 10');
    const after = await lines(demo);
    const expectedAfter = fitWithOutlier(3, 12, 8.25, 10);
    expect(after.mse.w).toBeCloseTo(expectedAfter.mseLine.w, 12);
    expect(after.mae.w).toBeCloseTo(expectedAfter.maeLine.w, 12);
    expect(moved(before.mse, after.mse)).toBeGreaterThan(0.3);
    expect(moved(before.mse, after.mse)).toBeGreaterThan(3 * moved(before.mae, after.mae));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the outlier can be dragged with the mouse', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/mae-ou-mse/');
    const demo = maeMse(page);
    await hydrated(demo);
    const before = await lines(demo);
    const box = (await demo.getByRole('button', { name: /^Valeur aberrante/ }).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 5 });
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 80, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('maemse.oy')).not.toBe('14');
    const oy = Number(new URL(page.url()).searchParams.get('maemse.oy'));
    expect(oy).toBeLessThan(12);
    const after = await lines(demo);
    expect(moved(before.mse, after.mse)).toBeGreaterThan(moved(before.mae, after.mae));
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a shared link reopens the cloud; a malformed one falls back with a French notice', async () => {
    const good = await openPage(browser, 'demo/mae-ou-mse/?maemse.ox=2&maemse.oy=-3&maemse.n=20&maemse.seed=7');
    await hydrated(maeMse(good.page));
    const shared = await lines(maeMse(good.page));
    expect(shared.mse.w).toBeCloseTo(fitWithOutlier(7, 20, 2, -3).mseLine.w, 12);
    expect(await maeMse(good.page).getByRole('slider', { name: 'Nombre de points' }).inputValue()).toBe('20');
    await good.context.close();

    const { page, context, errors } = await openPage(browser, 'demo/mae-ou-mse/?maemse.ox=loin&maemse.n=99');
    const demo = maeMse(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    expect(await notice.textContent()).toContain('maemse.ox');
    expect(await notice.textContent()).toContain('maemse.n');
    expect(await demo.getByRole('slider', { name: 'Nombre de points' }).inputValue()).toBe('12');
    expect((await lines(demo)).mse.w).toBeCloseTo(fitWithOutlier(3, 12, 8.5, 14).mseLine.w, 12);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Entropie croisée', () => {
  const f = (v: number, digits = 4) => formatNumber(v, { digits });

  test('the slider changes −ln p and both gradients as computed', async () => {
    const { page, context, errors } = await openPage(browser, 'pertes/');
    const demo = entropie(page);
    await hydrated(demo);
    const slider = demo.getByRole('slider', { name: 'Probabilité p de la bonne classe' });
    const check = async (p: number) => {
      await expect.poll(() => demo.getByTestId('perte-ce').textContent()).toBe(f(crossEntropy(p)));
      expect(await demo.getByTestId('perte-mse').textContent()).toBe(f(squaredError(p)));
      expect(await demo.getByTestId('gradient-ce').textContent()).toBe(f(crossEntropyGradient(p)));
      expect(await demo.getByTestId('gradient-mse').textContent()).toBe(f(squaredErrorGradient(p)));
      expect(await demo.getByTestId('comparaison').textContent()).toContain(`${f(pushRatio(p), 1)} fois plus fort`);
    };
    await check(0.1);
    await slider.focus();
    await page.keyboard.press('Home');
    await check(0.01);
    expect(await demo.getByTestId('comparaison').textContent()).toContain('50,5 fois plus fort');
    await expect.poll(() => page.url()).toContain('entropie.p=0.01');
    for (let i = 0; i < 49; i++) await page.keyboard.press('ArrowRight');
    await check(0.5);
    await page.keyboard.press('End');
    await check(0.99);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a malformed link falls back to p = 0,1 with a French notice', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/entropie-croisee/?entropie.p=2');
    const demo = entropie(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('entropie.p=«\u202f2\u202f»');
    expect(await demo.getByRole('slider', { name: 'Probabilité p de la bonne classe' }).inputValue()).toBe('0.1');
    expect(await demo.getByTestId('perte-ce').textContent()).toBe(f(crossEntropy(0.1)));
    expect(errors).toEqual([]);
    await context.close();
  });
});
