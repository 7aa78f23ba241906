/**
 * Reads a page to its end as a reader does, one screen at a time, so that every
 * `client:visible` island comes into view and hydrates; measuring before that misses whatever
 * an island adds once it runs (a table wider than a phone, a label in the wrong colour).
 */
import type { Page } from 'playwright-core';
import { networkIdle } from './browser';

export async function scrollToBottom(page: Page): Promise<void> {
  for (let y = 0; ;) {
    // The page grows as islands hydrate: read its height again at every step.
    const { height, screen } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      screen: window.innerHeight,
    }));
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // Two frames: the browser has then computed intersections at this position, so Astro's
    // IntersectionObserver has seen whatever island is on screen.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    if (y + screen >= height) break;
    y += Math.max(100, Math.floor(screen * 0.8));
  }
  // Astro removes an island's `ssr` attribute once hydrated; an island still computing what it
  // shows (e.g. the vanishing-gradients pass, spread over frames) says so with aria-busy.
  await page.waitForFunction(
    () => document.querySelectorAll('astro-island[ssr], astro-island [aria-busy="true"]').length === 0,
  );
  await networkIdle(page);
}
