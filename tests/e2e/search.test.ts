/**
 * The site's search (src/components/starlight/Search.astro): a chapter fetches nothing of
 * Pagefind while it is read; Ctrl + K, "/" or a click opens the dialog with the search field
 * focused; a query typed from the keyboard finds a chapter, and its result is reached and
 * followed from the keyboard; Escape closes the dialog and gives focus back to the button.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { hydrated, launchBrowser, networkIdle, openPage, siteUrl } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Every file the page has fetched from Pagefind's bundle so far. */
const pagefindFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((url) => url.includes('/pagefind/')),
  );

/** Opens a chapter and lets it sit: loaded, network idle, one idle callback run. */
async function readChapter(slug: string) {
  const watched = await openPage(browser, `${slug}/`);
  await networkIdle(watched.page);
  await watched.page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  await watched.page.waitForTimeout(300);
  expect(await pagefindFiles(watched.page)).toEqual([]);
  return watched;
}

const searchButton = (page: Page) => page.getByRole('button', { name: 'Rechercher' });
const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Rechercher' });
const isFocused = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Types a query in the focused search field and waits for the chapter's result. */
async function search(page: Page, query: string, title: string) {
  const dialog = dialogOf(page);
  const field = dialog.getByRole('textbox', { name: 'Rechercher' });
  await field.waitFor();
  await expect.poll(() => isFocused(page, '#starlight__search input')).toBe(true);
  await page.keyboard.type(query);
  await expect.poll(() => field.inputValue()).toBe(query);
  const result = dialog.getByRole('link', { name: title }).first();
  await result.waitFor();
  return result;
}

/** The names Chromium itself gives the buttons whose name starts with "Rechercher". */
async function searchButtonNames(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return nodes
    .filter((n) => n.role?.value === 'button' && n.name?.value.startsWith('Rechercher'))
    .map((n) => n.name?.value);
}

test('the button is named by what it shows: "Rechercher" and, where it shows, its shortcut', async () => {
  const { page, context } = await openPage(browser, 'introduction/');
  try {
    expect(await searchButtonNames(page)).toEqual(['Rechercher Ctrl K']);
    expect((await new AxeBuilder({ page }).include('site-search').analyze()).violations).toEqual([]);
    // On a phone only the magnifier shows; the button keeps its name.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await searchButtonNames(page)).toEqual(['Rechercher']);
    expect((await new AxeBuilder({ page }).include('site-search').analyze()).violations).toEqual([]);
  } finally {
    await context.close();
  }
});

test('Ctrl + K opens the search, a French query finds the chapter, Escape gives focus back to the button', async () => {
  const { page, context, errors, external } = await readChapter('introduction');
  try {
    await page.keyboard.press('Control+k');
    await dialogOf(page).waitFor();
    await search(page, 'rétropropagation', 'La rétropropagation');
    // Pagefind came from the site itself, under its base.
    const files = await pagefindFiles(page);
    expect(files.length).toBeGreaterThan(0);
    for (const url of files) expect(url.startsWith(new URL('pagefind/', siteUrl()).href), url).toBe(true);

    await page.keyboard.press('Escape');
    await dialogOf(page).waitFor({ state: 'hidden' });
    // The dialog's close event, which hands focus over, comes just after it is hidden.
    await expect.poll(() => isFocused(page, 'button[data-open-modal]')).toBe(true);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  } finally {
    await context.close();
  }
});

test('"/" opens the search; what is typed before Pagefind has arrived is kept; the result is followed from the keyboard', async () => {
  const { page, context, errors, external } = await readChapter('neurone');
  try {
    // Hold Pagefind's UI back, so that the query is typed before the search field exists.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route('**/pagefind/pagefind-ui.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.keyboard.press('/');
    const dialog = dialogOf(page);
    await dialog.waitFor();
    await page.keyboard.type('gradient');
    expect(await dialog.getByRole('textbox').count()).toBe(0);
    release();

    const field = dialog.getByRole('textbox', { name: 'Rechercher' });
    await expect.poll(() => field.inputValue()).toBe('gradient');
    await expect.poll(() => isFocused(page, '#starlight__search input')).toBe(true);
    const result = dialog.getByRole('link', { name: 'La descente de gradient' }).first();
    await result.waitFor();

    // Tab from the field to the first result link, then follow it with Enter.
    for (let i = 0; i < 5 && !(await isFocused(page, 'a.pagefind-ui__result-link')); i++)
      await page.keyboard.press('Tab');
    expect(await isFocused(page, 'a.pagefind-ui__result-link')).toBe(true);
    const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(href.startsWith(siteUrl()), href).toBe(true);
    await Promise.all([page.waitForURL(href), page.keyboard.press('Enter')]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  } finally {
    await context.close();
  }
});

test('"/" typed in a field, of a demo or of the search itself, is text, not the shortcut', async () => {
  const { page, context } = await openPage(browser, 'demo/neurone/?neurone.mode=apprendre');
  try {
    const seed = page.getByRole('spinbutton', { name: 'Graine aléatoire' });
    await hydrated(seed);
    await seed.focus();
    await page.keyboard.press('/');
    expect(await dialogOf(page).isVisible()).toBe(false);
    expect(await pagefindFiles(page)).toEqual([]);

    await searchButton(page).click();
    const field = dialogOf(page).getByRole('textbox', { name: 'Rechercher' });
    await field.waitFor();
    await expect.poll(() => isFocused(page, '#starlight__search input')).toBe(true);
    await page.keyboard.type('a/b');
    await expect.poll(() => field.inputValue()).toBe('a/b');
  } finally {
    await context.close();
  }
});

test('a click opens the search; the clicked result opens its chapter', async () => {
  const { page, context, errors, external } = await readChapter('pertes');
  try {
    await searchButton(page).click();
    const result = await search(page, 'rétropropagation', 'La rétropropagation');
    await Promise.all([page.waitForURL(/\/retropropagation\//), result.click()]);
    expect(page.url().startsWith(siteUrl())).toBe(true);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  } finally {
    await context.close();
  }
});
