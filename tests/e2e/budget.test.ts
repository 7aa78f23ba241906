/**
 * JavaScript byte budgets of a chapter page (gzip): 40 KB once loaded, 160 KB once every
 * island has appeared, and TensorFlow.js only after the reader starts a demo.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser';

const LOADED_BUDGET = 40 * 1024;
const ISLANDS_BUDGET = 160 * 1024;
/** A string found only in tfjs-core's bundle (its URL flag parser). */
const TFJS_MARKER = 'tfjsflags';

interface Script {
  url: string;
  gzip: number;
  tfjs: boolean;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function recordScripts(page: Page): Script[] {
  const scripts: Script[] = [];
  page.on('response', async (response) => {
    const url = response.url();
    if (!url.endsWith('.js') && response.request().resourceType() !== 'script') return;
    const body = await response.body().catch(() => null);
    if (!body) return;
    scripts.push({ url, gzip: gzipSync(body).length, tfjs: body.includes(TFJS_MARKER) });
  });
  return scripts;
}
const total = (s: Script[]) => s.reduce((a, x) => a + x.gzip, 0);

test('the neuron chapter stays within its JavaScript budgets, and loads tfjs only on demand', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = recordScripts(page);
  await page.goto(new URL('neurone/', siteUrl()).href);
  await page.waitForLoadState('networkidle');
  const loaded = total(scripts);
  console.log(`JS (gzip) au chargement : ${(loaded / 1024).toFixed(1)} Ko`);
  expect(loaded).toBeLessThanOrEqual(LOADED_BUDGET);

  // Scroll through the chapter like a reader, so every client:visible island hydrates.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  const islands = await page.locator('astro-island').count();
  expect(islands).toBeGreaterThanOrEqual(2);
  const scrolled = total(scripts);
  console.log(`JS (gzip) après défilement, ${islands} îlots hydratés : ${(scrolled / 1024).toFixed(1)} Ko`);
  expect(scrolled).toBeLessThanOrEqual(ISLANDS_BUDGET);
  expect(scripts.filter((s) => s.tfjs)).toEqual([]);

  // Starting the tfjs demo is what brings TensorFlow.js in.
  const demo = page.getByRole('region', { name: 'Un neurone apprend f(x) = 2x + 1' });
  await demo.getByRole('combobox', { name: 'Moteur de calcul' }).selectOption('cpu');
  await demo.getByRole('button', { name: 'Démarrer' }).click();
  await expect.poll(() => scripts.some((s) => s.tfjs), { timeout: 60_000 }).toBe(true);
  await demo
    .getByRole('button', { name: 'Pause' })
    .click()
    .catch(() => {});
  console.log(`JS (gzip) après « Démarrer » : ${(total(scripts) / 1024).toFixed(1)} Ko`);
  await context.close();
});
