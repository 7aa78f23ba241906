/**
 * JavaScript byte budgets of every chapter page (gzip): 40 KB once loaded, 160 KB once every
 * island has appeared, and TensorFlow.js only after the reader starts a demo.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, siteUrl } from './browser';
import { chapters } from '../../src/chapters.mjs';

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
const kb = (n: number) => `${(n / 1024).toFixed(1)} Ko`;

/** Loads a chapter, then scrolls through it like a reader so every client:visible island hydrates. */
async function readChapter(page: Page, slug: string) {
  const scripts = recordScripts(page);
  await page.goto(new URL(`${slug}/`, siteUrl()).href);
  await page.waitForLoadState('networkidle');
  const loaded = total(scripts);
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(40);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  const islands = await page.locator('astro-island').count();
  return { scripts, loaded, scrolled: total(scripts), islands };
}

describe.each(chapters)('chapter $order ($slug)', ({ slug }) => {
  test('stays within its JavaScript budgets and loads no tfjs while read', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { scripts, loaded, scrolled, islands } = await readChapter(page, slug);
    console.log(`${slug} : JS (gzip) au chargement ${kb(loaded)}, après défilement (${islands} îlots) ${kb(scrolled)}`);
    expect(loaded).toBeLessThanOrEqual(LOADED_BUDGET);
    expect(scrolled).toBeLessThanOrEqual(ISLANDS_BUDGET);
    expect(scripts.filter((s) => s.tfjs)).toEqual([]);
    await context.close();
  });
});

test('starting the tfjs demo of the neuron chapter is what brings TensorFlow.js in', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { scripts, islands } = await readChapter(page, 'neurone');
  expect(islands).toBeGreaterThanOrEqual(2);
  const demo = page.getByRole('region', { name: 'Un neurone apprend f(x) = 2x + 1' });
  await demo.getByRole('combobox', { name: 'Moteur de calcul' }).selectOption('cpu');
  await demo.getByRole('button', { name: 'Démarrer' }).click();
  await expect.poll(() => scripts.some((s) => s.tfjs), { timeout: 60_000 }).toBe(true);
  console.log(`neurone : JS (gzip) après « Démarrer » ${kb(total(scripts))}`);
  await context.close();
});
