/**
 * The reader's progress, kept in the browser only: a quiz answered right and one wrong give a
 * score, shown in the sidebar, at the chapter's end and on the home page's card; « J’ai terminé ce
 * chapitre » marks the chapter; all of it survives a reload; « Reprendre » goes back to the last
 * section read; « Effacer ma progression » erases it all, only once confirmed. A browser that
 * refuses storage gets a French notice. The script doing it loads on every page: it has a byte
 * budget of its own, as Astro inlines it in the HTML, where budget.test.ts does not count.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, openPage, siteUrl } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = '2. Le neurone artificiel';
const sidebarLink = (page: Page) =>
  page.locator('#starlight__sidebar').getByRole('link', { name: new RegExp(`^${TITLE}`) });
const card = (page: Page) => page.locator('.sl-link-card').getByRole('link', { name: new RegExp(`^${TITLE}`) });
/** A link's text, spaces normalised (not no-break ones): the progress is text, not colour. */
const nameOf = (link: Locator) => link.evaluate((a) => a.textContent!.replace(/[ \n\t]+/g, ' ').trim());

/** The progress script runs on every page: its gzip bytes, inlined in the page or not. */
const PROGRESS_BUDGET = 1280;

/** axe on the progress shown (the sidebar's and cards' marks, the chapter end's box, « Reprendre »), light and dark. */
async function axeOnProgress(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForFunction((s) => document.documentElement.dataset['theme'] === s, scheme);
    const axe = await new AxeBuilder({ page })
      .include('#starlight__sidebar')
      .include('.sl-link-card')
      .include('.npn-fin')
      .include('.npn-progression')
      .analyze();
    found.push(
      ...axe.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    );
  }
  return found;
}

/** Checks question `i` (from 0) of the quiz with its right choice, or with a wrong one. */
async function answer(page: Page, i: number, right: boolean) {
  const question = page.locator('.quiz-question').nth(i);
  const reponse = await question.getAttribute('data-reponse');
  const choice = question.locator(right ? `input[value="${reponse}"]` : `input:not([value="${reponse}"])`).first();
  await choice.check();
  await question.getByRole('button', { name: `Vérifier la réponse ${i + 1}` }).click();
}

test('a score, a finished chapter and the place read are kept, shown, resumed and erased', async () => {
  const opened = await openPage(browser, 'neurone/', { viewport: { width: 1280, height: 800 } });
  const { context, errors } = opened;
  let page = opened.page;
  const questions = await page.locator('.quiz-question').count();
  await answer(page, 0, true);
  await answer(page, 1, false);
  const score = `Quiz\u00a0: 1 sur ${questions}`;
  await expect.poll(() => nameOf(sidebarLink(page))).toBe(`${TITLE} ${score}`);
  const finished = () => page.getByRole('checkbox', { name: 'J’ai terminé ce chapitre' });
  await expect
    .poll(() => page.locator('.npn-fin').innerText())
    .toContain(`Votre score au quiz\u00a0: 1 sur ${questions}.`);
  await finished().check();
  await expect.poll(() => nameOf(sidebarLink(page))).toBe(`${TITLE} Terminé · Quiz\u00a0: 1 sur ${questions}`);
  expect(await axeOnProgress(page)).toEqual([]);

  // Read up to « Le biais »: the heading passes into the top of the window.
  const section = () => page.getByRole('heading', { name: 'Le biais', exact: true });
  const id = await section().getAttribute('id');
  await section().evaluate((h) => h.scrollIntoView());
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

  await page.reload();
  expect(await finished().isChecked()).toBe(true);
  expect(await nameOf(sidebarLink(page))).toBe(`${TITLE} Terminé · Quiz\u00a0: 1 sur ${questions}`);

  // The reader comes back later, in another tab (sessionStorage would not reach it).
  const home = new URL('..', page.url()).href;
  await page.close();
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(home);
  expect(await nameOf(card(page))).toBe(`${TITLE} Terminé · Quiz\u00a0: 1 sur ${questions}`);
  // What a screen reader says: the link's accessible name, as Chromium computes it.
  const full = `${TITLE} Terminé · Quiz : 1 sur ${questions}`;
  expect(await page.getByRole('link', { name: full, exact: true }).count()).toBe(1);
  const resume = page.getByRole('link', { name: /^Reprendre/ });
  expect(await resume.textContent()).toBe('Reprendre\u00a0: chapitre 2, Le neurone artificiel, «\u202fLe biais\u202f»');
  expect(await axeOnProgress(page)).toEqual([]);
  await resume.click();
  await page.waitForURL(`**/neurone/#${id}`);
  await expect.poll(() => section().evaluate((h) => h.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
  expect(await section().evaluate((h) => h.getBoundingClientRect().bottom)).toBeLessThanOrEqual(800);

  await page.goBack();
  const erase = page.getByRole('button', { name: 'Effacer ma progression' });
  expect(await page.getByText('Votre progression est effacée.').isVisible()).toBe(false);
  page.once('dialog', (d) => d.dismiss());
  await erase.click();
  expect(await nameOf(card(page))).toContain('Terminé');
  page.once('dialog', (d) => d.accept());
  await erase.click();
  expect(await page.getByRole('status').getByText('Votre progression est effacée.').isVisible()).toBe(true);
  expect(await nameOf(card(page))).toBe(TITLE);

  await page.reload();
  expect(await nameOf(card(page))).toBe(TITLE);
  expect(await resume.count()).toBe(0);
  await page.goto(new URL('neurone/', page.url()).href);
  expect(await nameOf(sidebarLink(page))).toBe(TITLE);
  expect(await finished().isChecked()).toBe(false);
  expect(errors).toEqual([]);
  await context.close();
});

test(`the progress script every page loads stays within ${PROGRESS_BUDGET} bytes (gzip)`, async () => {
  const { page, context } = await openPage(browser, 'neurone/');
  const scripts = await page.evaluate(() =>
    Promise.all(
      [...document.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((s) =>
        s.src ? fetch(s.src).then((r) => r.text()) : s.text,
      ),
    ),
  );
  const ours = scripts.filter((js) => js.includes('npn-progression'));
  const bytes = ours.reduce((a, js) => a + gzipSync(js).length, 0);
  console.log(`progression : script de chaque page ${bytes} octets (gzip), ${ours.length} fichier(s)`);
  expect(ours.length).toBeGreaterThan(0);
  expect(bytes).toBeLessThanOrEqual(PROGRESS_BUDGET);
  await context.close();
});

test('a browser that refuses storage is told so, in French', async () => {
  const { page, context } = await openPage(browser, 'about:blank');
  // As Chromium does when the reader blocks site data. (Starlight's theme script then throws
  // too, so page errors are not asserted here: the notice shows that ours went to its end.)
  await context.addInitScript(() =>
    Object.defineProperty(window, 'localStorage', {
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    }),
  );
  for (const path of ['neurone/', '']) {
    await page.goto(new URL(path, siteUrl()).href);
    expect(await page.getByText('Votre navigateur refuse le stockage local').isVisible()).toBe(true);
  }
  expect(await page.getByRole('link', { name: /^Reprendre/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: 'Effacer ma progression' }).count()).toBe(0);
  await context.close();
});
