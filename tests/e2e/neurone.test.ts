/**
 * The "Explorateur de neurone" island, driven as a reader would, by role and French name:
 * sliders and URL state, a malformed link, the permalink, and learning AND (success) and
 * XOR (failure) with the reference engine.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const island = (page: import('playwright-core').Page): Locator =>
  page.getByRole('region', { name: 'Explorateur de neurone' });

describe('Explorateur de neurone', () => {
  test('opens on the worked example and recomputes as the reader moves a slider with the keyboard', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/neurone/');
    const demo = island(page);
    await hydrated(demo);
    await expect.poll(() => demo.getByTestId('sortie-neurone').textContent()).toBe('0,5665');
    const w1 = demo.getByRole('slider', { name: 'Poids w₁' });
    await w1.focus();
    await page.keyboard.press('ArrowRight'); // 0.55 → 0.6
    await expect.poll(() => w1.inputValue()).toBe('0.6');
    await expect.poll(() => page.url()).toContain('neurone.w1=0.6');
    // σ(0.6·0.5 − 0.35·0.45 + 0.15) = σ(0.2925)
    expect(await demo.getByTestId('sortie-neurone').textContent()).toBe('0,5726');
    await demo.getByRole('combobox', { name: 'Activation' }).selectOption('relu');
    expect(await demo.getByTestId('sortie-neurone').textContent()).toBe('0,2925');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a shared link reopens the demo in the same state, and the button copies it', async () => {
    const link = 'demo/neurone/?neurone.w1=-1.5&neurone.act=tanh&neurone.b=0.3&autre.x=1';
    const { page, context } = await openPage(browser, link);
    const demo = island(page);
    await hydrated(demo);
    await expect.poll(() => demo.getByRole('slider', { name: 'Poids w₁' }).inputValue()).toBe('-1.5');
    expect(await demo.getByRole('combobox', { name: 'Activation' }).inputValue()).toBe('tanh');
    expect(await demo.getByRole('slider', { name: 'Biais b' }).inputValue()).toBe('0.3');
    await demo.getByRole('button', { name: 'Lien vers cette démo' }).click();
    await expect.poll(() => page.getByText('Lien copié dans le presse-papiers.').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.searchParams.get('neurone.w1')).toBe('-1.5');
    expect(url.searchParams.get('neurone.act')).toBe('tanh');
    expect(url.searchParams.has('autre.x')).toBe(false);
    expect(url.hash).toBe('#demo-neurone');
    // The copied link, opened afresh, gives the same output.
    const before = await demo.getByTestId('sortie-neurone').textContent();
    const again = await openPage(browser, copied);
    await expect.poll(() => island(again.page).getByTestId('sortie-neurone').textContent()).toBe(before);
    await again.context.close();
    await context.close();
  });

  test('a malformed link falls back to the defaults with a French notice', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/neurone/?neurone.w1=abc&neurone.act=nope');
    const demo = island(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    expect(await notice.textContent()).toContain('neurone.w1');
    expect(await notice.textContent()).toContain('neurone.act');
    expect(await demo.getByRole('slider', { name: 'Poids w₁' }).inputValue()).toBe('0.55');
    expect(await demo.getByRole('combobox', { name: 'Activation' }).inputValue()).toBe('sigmoid');
    expect(await demo.getByTestId('sortie-neurone').textContent()).toBe('0,5665');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the seed sets the starting weights, and "Nouveau tirage" draws others', async () => {
    const { page, context } = await openPage(browser, 'demo/neurone/?neurone.mode=apprendre&neurone.seed=5');
    const demo = island(page);
    await hydrated(demo);
    const seed = demo.getByRole('spinbutton', { name: 'Graine aléatoire' });
    expect(await seed.inputValue()).toBe('5');
    const params = demo.getByText(/^w₁ = /);
    const first = await params.textContent();
    await demo.getByRole('button', { name: 'Nouveau tirage' }).click();
    await expect.poll(() => page.url()).toContain('neurone.seed=6');
    expect(await params.textContent()).not.toBe(first);
    // Back to seed 5 by typing it: the same start as before.
    await seed.fill('5');
    await expect.poll(() => params.textContent()).toBe(first);
    await context.close();
  });

  test.each([
    ['and', 'ET (AND)', true],
    ['or', 'OU (OR)', true],
    ['xor', 'OU exclusif (XOR)', false],
  ] as const)('learning %s: learnt = %s', async (_gate, label, learnable) => {
    const { page, context } = await openPage(browser, 'neurone/');
    const demo = island(page);
    await hydrated(demo);
    await demo.getByRole('combobox', { name: 'Mode' }).selectOption('apprendre');
    await demo.getByRole('combobox', { name: 'Fonction logique' }).selectOption({ label });
    await demo.getByRole('button', { name: 'Démarrer' }).click();
    const verdict = demo.getByRole('status').filter({ hasText: /Appris|Échec/ });
    await verdict.waitFor({ timeout: 60_000 });
    const right = Number((await demo.getByTestId('bien-classes').textContent())!.split(' ')[0]);
    if (learnable) {
      expect(await verdict.textContent()).toContain('Appris');
      expect(right).toBe(4);
    } else {
      expect(await verdict.textContent()).toContain('Échec');
      expect(right).toBeLessThan(4);
      expect(Number(await demo.getByTestId('epoque').textContent())).toBeGreaterThanOrEqual(3000);
    }
    await context.close();
  });
});
