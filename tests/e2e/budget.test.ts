/**
 * JavaScript byte budgets of every chapter page (gzip): 10 KB once loaded and idle (before the
 * reader does anything: idle-time loads count), 160 KB once every island has appeared, and
 * TensorFlow.js only after the reader starts a demo.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, networkIdle, siteUrl } from './browser';
import { chapters } from '../../src/chapters.mjs';

const LOADED_BUDGET = 10 * 1024;
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

interface Recorded {
  scripts: Script[];
  /** Resolves once no request has been in flight for `quietMs` and every script seen has been counted. */
  quiet: (quietMs?: number) => Promise<unknown>;
}

function recordScripts(page: Page): Recorded {
  const scripts: Script[] = [];
  const pending: Promise<void>[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  const done = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  page.on('request', () => {
    inFlight++;
    lastActivity = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  page.on('response', (response) => {
    const url = response.url();
    if (!url.endsWith('.js') && response.request().resourceType() !== 'script') return;
    pending.push(
      response
        .body()
        .catch(() => null)
        .then((body) => {
          if (body) scripts.push({ url, gzip: gzipSync(body).length, tfjs: body.includes(TFJS_MARKER) });
        }),
    );
  });
  const quiet = async (quietMs = 500) => {
    const deadline = Date.now() + 60_000;
    while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
      if (Date.now() > deadline) throw new Error(`${inFlight} requête(s) toujours en cours après 60 s`);
      await page.waitForTimeout(100);
    }
    await Promise.all(pending);
  };
  return { scripts, quiet };
}
const total = (s: Script[]) => s.reduce((a, x) => a + x.gzip, 0);

/**
 * Everything a reader who does nothing still downloads: the network goes quiet, then the page
 * runs one idle callback of ours (queued after those its scripts scheduled at load, so they
 * have run), then the network goes quiet again.
 */
async function settle(page: Page, recorded: Recorded) {
  await networkIdle(page);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  await recorded.quiet();
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} Ko`;

/** Loads a chapter, then scrolls through it like a reader so every client:visible island hydrates. */
async function readChapter(page: Page, slug: string) {
  const recorded = recordScripts(page);
  const { scripts } = recorded;
  await page.goto(new URL(`${slug}/`, siteUrl()).href);
  await settle(page, recorded);
  const loaded = total(scripts);
  const atLoad = scripts.map((x) => `${new URL(x.url).pathname.split('/').pop()} ${kb(x.gzip)}`);
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(40);
  }
  await networkIdle(page);
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
  await recorded.quiet();
  const islands = await page.locator('astro-island').count();
  return { scripts, loaded, atLoad, scrolled: total(scripts), islands };
}

describe.each(chapters)('chapter $order ($slug)', ({ slug }) => {
  test('stays within its JavaScript budgets and loads no tfjs while read', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { scripts, loaded, atLoad, scrolled, islands } = await readChapter(page, slug);
    console.log(`${slug} : JS (gzip) au chargement ${kb(loaded)}, après défilement (${islands} îlots) ${kb(scrolled)}`);
    expect(loaded, `au chargement : ${atLoad.join(', ')}`).toBeLessThanOrEqual(LOADED_BUDGET);
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

/** Strings found only in the sucrase chunk (the type stripper) and in CodeMirror's. */
const SUCRASE_MARKER = 'jsxPragma';
const EDITOR_MARKER = 'cm-content';
const RUN_BUDGET = 80 * 1024;
const EDITOR_BUDGET = 150 * 1024;

/**
 * Every response the page, its frames and its workers receive (the runnable blocks' sandbox frame
 * and its worker included), gzip-compressed as GitHub Pages would serve them.
 */
function recordResponses(context: import('playwright-core').BrowserContext) {
  const files: { url: string; gzip: number; kind: 'tfjs' | 'sucrase' | 'editor' | 'other' }[] = [];
  const pending: Promise<void>[] = [];
  context.on('response', (response) => {
    pending.push(
      response
        .body()
        .catch(() => null)
        .then((body) => {
          if (!body) return;
          const kind = body.includes(TFJS_MARKER)
            ? 'tfjs'
            : body.includes(SUCRASE_MARKER)
              ? 'sucrase'
              : body.includes(EDITOR_MARKER)
                ? 'editor'
                : 'other';
          files.push({ url: response.url(), gzip: gzipSync(body).length, kind });
        }),
    );
  });
  const take = async () => {
    await Promise.all(pending.splice(0));
    return files.splice(0);
  };
  return { take };
}

test('runnable blocks: the first « Exécuter » loads at most 80 KB (tfjs, editor and sucrase aside), « Modifier » and its first completion at most 150 KB', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const recorded = recordScripts(page);
  const responses = recordResponses(context);
  await page.goto(new URL('neurone/', siteUrl()).href);
  await settle(page, recorded);
  await responses.take();
  const neuron = page.getByRole('region', { name: /La sortie d’un neurone$/ });
  await neuron.getByRole('button', { name: 'Exécuter' }).click();
  await expect.poll(() => neuron.locator('.npn-run__status').textContent(), { timeout: 30_000 }).toMatch(/^Terminé/);
  await recorded.quiet();
  const run = await responses.take();
  const runBytes = run.filter((f) => f.kind === 'other').reduce((a, f) => a + f.gzip, 0);
  const list = (files: typeof run) =>
    files.map((f) => `${new URL(f.url).pathname.split('/').pop()} ${f.kind} ${kb(f.gzip)}`).join(', ');
  console.log(`neurone : premier « Exécuter » ${kb(runBytes)} (${list(run)})`);
  expect(runBytes, list(run)).toBeLessThanOrEqual(RUN_BUDGET);
  expect(run.filter((f) => f.kind === 'tfjs' || f.kind === 'editor')).toEqual([]);

  await neuron.getByRole('button', { name: 'Modifier' }).click();
  await expect.poll(() => neuron.getByRole('textbox').count()).toBe(1);
  // The course API's docs load with the first completion: they count as the editor's.
  await neuron.getByRole('textbox').press('End');
  await neuron.getByRole('textbox').press('Enter');
  await neuron.getByRole('textbox').pressSequentially('sigm');
  await expect
    .poll(() => page.getByRole('option', { name: /sigmoid/ }).count(), { timeout: 10_000 })
    .toBeGreaterThan(0);
  await recorded.quiet();
  const edit = await responses.take();
  const editBytes = edit.reduce((a, f) => a + f.gzip, 0);
  console.log(`neurone : « Modifier » ${kb(editBytes)} (${list(edit)})`);
  expect(editBytes, list(edit)).toBeLessThanOrEqual(EDITOR_BUDGET);
  expect(edit.filter((f) => f.kind === 'tfjs')).toEqual([]);
  await context.close();
});
