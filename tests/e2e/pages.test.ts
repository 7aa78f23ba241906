/**
 * Every page of the built site: loads with no console error, makes no request outside
 * 127.0.0.1, passes axe, and every link and asset it names exists under the sub-path base.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { launchBrowser, listPages, openPage, siteUrl } from './browser';

const pages = listPages();
let browser: Browser;
const linked = new Set<string>();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the build has the home page, the nine chapters, the glossary and the demo catalogue', () => {
  for (const p of ['', 'glossaire/', 'demo/', 'demo/neurone/', 'neurone/', 'projet-mnist/']) expect(pages).toContain(p);
  expect(pages.length).toBeGreaterThanOrEqual(13);
});

describe.each(pages)('page /%s', (path) => {
  test('loads cleanly, stays on 127.0.0.1 and passes axe', async () => {
    const { page, context, errors, external } = await openPage(browser, path);
    try {
      await page.waitForLoadState('networkidle');
      // Scroll to the bottom so client:visible islands hydrate and are checked too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      const axe = await new AxeBuilder({ page }).analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
      const urls = await page.evaluate(() =>
        [
          ...[...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
          ...[...document.querySelectorAll<HTMLLinkElement>('link[href]')].map((l) => l.href),
          ...[...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src),
          ...[...document.querySelectorAll<HTMLImageElement>('img[src]')].map((i) => i.src),
        ].map((u) => u.split('#')[0]!),
      );
      for (const u of urls) if (u.startsWith('http://127.0.0.1')) linked.add(u);
    } finally {
      await context.close();
    }
  });
});

describe.each(pages)('page /%s on a phone', (path) => {
  test('has no horizontal scroll at 375 px once its islands have hydrated', async () => {
    const { page, context } = await openPage(browser, path);
    try {
      await page.setViewportSize({ width: 375, height: 800 });
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForTimeout(300);
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return [];
        // Name the culprits: elements sticking out that no scrolling ancestor contains.
        return [...document.querySelectorAll('body *')]
          .filter((el) => {
            if (el.getBoundingClientRect().right <= width + 1) return false;
            for (let p = el.parentElement; p; p = p.parentElement)
              if (getComputedStyle(p).overflowX !== 'visible') return false;
            return true;
          })
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`);
      });
      expect(wide).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test('every internal link and asset named by a page exists under the base', async () => {
  expect(linked.size).toBeGreaterThan(20);
  const base = siteUrl();
  const broken: string[] = [];
  for (const u of linked) {
    if (!u.startsWith(base)) {
      broken.push(`${u} (hors de la base ${base})`);
      continue;
    }
    const r = await fetch(u);
    if (!r.ok) broken.push(`${u} (${r.status})`);
  }
  expect(broken).toEqual([]);
});

test('every demo of the catalogue is in its chapter and alone at /demo/<id>/, with its anchor', async () => {
  const { parse } = await import('yaml');
  const { readFileSync } = await import('node:fs');
  const demos = parse(readFileSync('src/content/demos.yaml', 'utf8')) as { id: string; chapitre: string }[];
  const root = inject('sitePath');
  for (const d of demos) {
    for (const page of [`${root}/${d.chapitre}/index.html`, `${root}/demo/${d.id}/index.html`]) {
      expect(readFileSync(page, 'utf8'), page).toContain(`id="demo-${d.id}"`);
    }
  }
});
