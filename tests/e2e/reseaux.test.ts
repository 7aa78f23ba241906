/**
 * The three islands of chapter 3, driven as a reader would, by role and French name: the forward
 * pass (worked example, editing a weight by typing and by keyboard, the network in the URL), the
 * parameter counter (presets, adding and removing layers), and XOR learnt with a hidden layer;
 * malformed links fall back to the defaults with a French notice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const region = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

describe('Passe avant', () => {
  const allHalf = Array.from({ length: 25 }, () => '0.5').join(',');

  test('"Charger l’exemple du cours" gives 29,328, and editing a weight recomputes every layer', async () => {
    const { page, context, errors } = await openPage(browser, `reseaux/?passe.w=${allHalf}`);
    const demo = region(page, 'Passe avant');
    await hydrated(demo);
    const output = demo.getByTestId('sortie-reseau');
    await expect.poll(() => output.textContent()).not.toBe('29,328');

    await demo.getByRole('button', { name: 'Charger l’exemple du cours' }).click();
    await expect.poll(() => output.textContent()).toBe('29,328');
    expect(await demo.getByTestId('couche-1').textContent()).toBe('(17,1\u202f; 26,7\u202f; 36,3)');
    expect(await demo.getByTestId('couche-2').textContent()).toBe('(37,9\u202f; 46,01\u202f; 54,12)');
    await expect.poll(() => page.url()).toContain('passe.w=0.1,0.2,0.3,0.4,0.5,0.6,');

    // Typing a weight: W₃[1,1] from 0,1 to 1 adds 37,9 × 0,9 to the output.
    const w3 = demo.getByRole('spinbutton', { name: 'W₃, ligne 1, colonne 1' });
    await w3.fill('1');
    await expect.poll(() => output.textContent()).toBe('63,438');
    // The keyboard steps it by 0,1: 1 → 1,1 adds 3,79.
    await w3.press('ArrowUp');
    await expect.poll(() => output.textContent()).toBe('67,228');
    await expect.poll(() => new URL(page.url()).searchParams.get('passe.w')?.split(',')[21]).toBe('1.1');

    // A negative weight in the first layer silences a neuron, and the layers after it follow.
    await demo.getByRole('spinbutton', { name: 'W₁, ligne 1, colonne 1' }).fill('-1');
    await expect.poll(() => demo.getByTestId('couche-1').textContent()).toBe('(0\u202f; 26,7\u202f; 36,3)');
    expect(await output.textContent()).not.toBe('67,228');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the whole network travels in the link: a copied link reopens the same output', async () => {
    const { page, context } = await openPage(browser, 'demo/passe-avant/');
    const demo = region(page, 'Passe avant');
    await hydrated(demo);
    await demo.getByRole('button', { name: 'Charger un exemple avec des poids négatifs' }).click();
    await demo.getByRole('spinbutton', { name: 'Entrée x₂ : âge (ans)' }).fill('3');
    await demo.getByRole('combobox', { name: 'Couche de sortie' }).selectOption('identity');
    const before = await demo.getByTestId('sortie-reseau').textContent();
    await demo.getByRole('button', { name: 'Lien vers cette démo' }).click();
    await expect.poll(() => page.getByText('Lien copié dans le presse-papiers.').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('passe.x=1,3');
    expect(copied).toContain('passe.out=identity');
    expect(new URL(copied).hash).toBe('#demo-passe-avant');
    const again = await openPage(browser, copied);
    await expect.poll(() => region(again.page, 'Passe avant').getByTestId('sortie-reseau').textContent()).toBe(before);
    await again.context.close();
    await context.close();
  });

  test('a malformed link falls back to the worked example with a French notice', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/passe-avant/?passe.w=1,2&passe.act=nope');
    const demo = region(page, 'Passe avant');
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    expect(await notice.textContent()).toContain('passe.w');
    expect(await notice.textContent()).toContain('passe.act');
    expect(await demo.getByTestId('sortie-reseau').textContent()).toBe('29,328');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('Compteur de paramètres', () => {
  test('the presets give 41 and 609, and the count follows layers added, resized and removed', async () => {
    const { page, context, errors } = await openPage(browser, 'reseaux/');
    const demo = region(page, 'Compteur de paramètres');
    await hydrated(demo);
    const total = demo.getByTestId('total-parametres');
    await expect.poll(() => total.textContent()).toBe('41');

    await demo.getByRole('button', { name: '2 → 16 → 16 → 16 → 1' }).click();
    await expect.poll(() => total.textContent()).toBe('609');
    expect(await demo.getByRole('table').getByRole('row').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('(None, 16)272')]),
    );

    // One more hidden layer of 16: 16 × 16 + 16 = 272 more.
    await demo.getByRole('button', { name: 'Ajouter une couche cachée' }).click();
    await expect.poll(() => total.textContent()).toBe('881');
    await expect.poll(() => page.url()).toContain('param.cachees=16,16,16,16');

    // Resizing it to 8: 16 × 8 + 8 and 8 × 1 + 1 instead of 272 and 17.
    await demo.getByRole('spinbutton', { name: 'Couche cachée 4 : neurones' }).fill('8');
    await expect.poll(() => total.textContent()).toBe(String(48 + 272 + 272 + (16 * 8 + 8) + (8 + 1)));

    await demo.getByRole('button', { name: 'Retirer la couche cachée 4' }).click();
    await expect.poll(() => total.textContent()).toBe('609');
    // Changing the activation changes nothing.
    await demo.getByRole('combobox', { name: 'Activation des couches cachées' }).selectOption('tanh');
    expect(await total.textContent()).toBe('609');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a malformed link falls back to 3 → 4 → 4 → 1 with a French notice', async () => {
    const { page, context } = await openPage(browser, 'demo/compteur-parametres/?param.cachees=16,,16&param.entree=0');
    const demo = region(page, 'Compteur de paramètres');
    await hydrated(demo);
    await expect.poll(() => demo.getByRole('alert').textContent()).toContain('param.cachees');
    expect(await demo.getByRole('alert').textContent()).toContain('param.entree');
    expect(await demo.getByTestId('total-parametres').textContent()).toBe('41');
    await context.close();
  });
});

describe('Le OU exclusif avec une couche cachée', () => {
  const name = 'Le OU exclusif avec une couche cachée';

  test('solves XOR with two hidden neurons: 4 sur 4', async () => {
    const { page, context, errors } = await openPage(browser, 'reseaux/');
    const demo = region(page, name);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'Démarrer' }).click();
    const verdict = demo.getByRole('status').filter({ hasText: /Résolu|Pas résolu/ });
    await verdict.waitFor({ timeout: 60_000 });
    expect(await verdict.textContent()).toContain('Résolu\u00a0: 4 sur 4 bien classés');
    expect(await demo.getByTestId('xor-bien-classes').textContent()).toBe('4 sur 4');
    expect(Number(await demo.getByTestId('xor-epoque').textContent())).toBeGreaterThan(0);
    // The hidden layer's plane is drawn for two hidden neurons.
    expect(await demo.getByRole('img', { name: /vus par la couche cachée/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('with four hidden neurons from a link, Réinitialiser starts over', async () => {
    const { page, context } = await openPage(browser, 'demo/xor-cache/?xor.h=4&xor.seed=3');
    const demo = region(page, name);
    await hydrated(demo);
    expect(await demo.getByRole('slider', { name: 'Neurones cachés' }).inputValue()).toBe('4');
    await demo.getByRole('button', { name: 'Démarrer' }).click();
    await demo
      .getByRole('status')
      .filter({ hasText: /Résolu/ })
      .waitFor({ timeout: 60_000 });
    expect(await demo.getByTestId('xor-bien-classes').textContent()).toBe('4 sur 4');
    expect(await demo.getByRole('columnheader', { name: 'h₄' }).count()).toBe(1);
    await demo.getByRole('button', { name: 'Réinitialiser' }).click();
    expect(await demo.getByTestId('xor-epoque').textContent()).toBe('0');
    await context.close();
  });

  test('a malformed link shows the French notice and keeps the defaults', async () => {
    const { page, context, errors } = await openPage(browser, 'demo/xor-cache/?xor.h=9&xor.lr=vite');
    const demo = region(page, name);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('Certains réglages du lien étaient invalides');
    expect(await notice.textContent()).toContain('xor.h=«\u202f9\u202f»');
    expect(await notice.textContent()).toContain('xor.lr=«\u202fvite\u202f»');
    expect(await demo.getByRole('slider', { name: 'Neurones cachés' }).inputValue()).toBe('2');
    expect(errors).toEqual([]);
    await context.close();
  });
});
