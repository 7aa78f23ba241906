/**
 * One Chromium per test file, with a software WebGPU adapter (--enable-unsafe-webgpu), every
 * request outside 127.0.0.1 blocked and recorded, and console errors collected.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';

export const siteUrl = () => inject('siteUrl');

/**
 * The page's network goes quiet. On a loaded 2-core machine (CI runs two e2e files at a time) a
 * page has taken 30 s to settle, Playwright's default limit: the wait allows three times that.
 */
export const networkIdle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 90_000 });

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that tried to leave 127.0.0.1 (blocked). */
  external: string[];
}

/** `options` e.g. a phone's viewport, so that the page is laid out at that width from the start. */
export async function openPage(
  browser: Browser,
  path: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // The console says only "404"; name the URL so a failing test says what is missing.
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    external.push(url.href);
    return route.abort();
  });
  await page.goto(new URL(path, siteUrl()).href, { waitUntil: 'load' });
  return { page, context, errors, external };
}

/**
 * Waits until the island holding `locator` has hydrated (Astro removes the island's `ssr`
 * attribute then): before that, a click or a select would hit inert server-rendered HTML.
 */
export async function hydrated(locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator
    .page()
    .waitForFunction(
      (el) => el !== null && el.closest('astro-island')?.hasAttribute('ssr') === false,
      await locator.elementHandle(),
    );
}

/** Every path of the test build's HTML pages, relative to the base (e.g. "neurone/"). */
export { listPages } from './pages-list';
