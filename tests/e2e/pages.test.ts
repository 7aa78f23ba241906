/**
 * Every page of the built site, read to the end so that every island has hydrated: loads with
 * no console error, makes no request outside 127.0.0.1, passes axe in light and dark mode, is no
 * wider than a 375 px phone, and every link and asset it names exists under the sub-path base.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, listPages, networkIdle, openPage, siteUrl } from './browser';
import { scrollToBottom } from './scroll';

const pages = listPages();
/** axe's rules whose outcome depends on colours: the ones worth running again in dark mode. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/**
 * axe's `region` rule (all content inside landmarks) checks the layout, which pages share
 * (Starlight's for chapters and resources, the demo frame for /demo/<id>/): it runs on one page of
 * each layout, not on all 27, since on a long chapter it alone costs axe about 8 s of its 14.
 */
const LAYOUT_SAMPLES = ['', 'neurone/', 'glossaire/', 'demo/', 'demo/labo-2d/'];
/**
 * KaTeX's visual rendering (`.katex-html`): aria-hidden, thousands of spans per chapter, coloured
 * by the prose around it (the chapters set no colour in their formulas; the MathML twin is what
 * assistive technologies read). axe skips it: it cost a third of its time on a maths chapter.
 */
const AXE_SKIPPED = '.katex-html';
const PHONE = { width: 375, height: 800 };
let browser: Browser;
const fileStarted = Date.now();
const linked = new Set<string>();

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  // axe and reading every page to its end are the slow parts of the suite: say what they cost.
  console.log(`pages.test.ts : ${pages.length} pages en ${((Date.now() - fileStarted) / 1000).toFixed(0)} s`);
});

test('the build has the home page, the nine chapters, the glossary and the demo catalogue', () => {
  for (const p of ['', 'glossaire/', 'demo/', 'demo/neurone/', 'neurone/', 'projet-mnist/', ...LAYOUT_SAMPLES])
    expect(pages).toContain(p);
  expect(pages.length).toBeGreaterThanOrEqual(13);
});

/**
 * axe's findings in a colour scheme, after checking that the page really is in it. The light
 * run is axe's whole set of rules; the dark one only those about colour, since the rest (names,
 * roles, structure) does not change with the scheme and axe is the slow part of this file.
 */
async function axeIn(page: Page, path: string, scheme: 'light' | 'dark'): Promise<string[]> {
  await page.emulateMedia({ colorScheme: scheme });
  // Starlight follows the system scheme (data-theme on <html>): make sure it did, so that a
  // change in how it picks its theme cannot leave this check silently in the other scheme.
  await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme);
  const builder = new AxeBuilder({ page }).exclude(AXE_SKIPPED);
  if (scheme === 'dark') builder.withRules(COLOUR_RULES);
  else if (!LAYOUT_SAMPLES.includes(path)) builder.disableRules(['region']);
  const axe = await builder.analyze();
  return axe.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Two pages at a time, each in its own browser context (so its own renderer process): axe is
 * single-threaded JavaScript in the page, so on a 2-core machine a second page nearly halves
 * this file's time. `expect` comes from each test's context, as concurrent tests require.
 */
describe.concurrent.each(pages)('page /%s', (path) => {
  test('loads cleanly, stays on 127.0.0.1 and passes axe in light and dark once its islands have hydrated', async ({
    expect,
  }) => {
    const started = Date.now();
    const { page, context, errors, external } = await openPage(browser, path);
    try {
      await networkIdle(page);
      await scrollToBottom(page);
      const violations = [...(await axeIn(page, path, 'light')), ...(await axeIn(page, path, 'dark'))];
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
      console.log(`/${path} : lecture, axe clair et sombre en ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  });
});

/**
 * The document's width on screen, and the culprits when it is wider than the screen: elements
 * sticking out that no scrolling box clips. An absolutely positioned element escapes the
 * scrolling boxes between it and its containing block (e.g. a visually hidden label inside a
 * scrolling table, when nothing in between is positioned), so those do not count for it.
 */
function measureWidth(page: Page) {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    const clipped = (el: Element) => {
      let position = getComputedStyle(el).position;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (position === 'absolute' && style.position === 'static') continue;
        if (position === 'fixed' && style.transform === 'none') continue;
        if (style.overflowX !== 'visible') return true;
        position = style.position;
      }
      return false;
    };
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > screen + 1 && !clipped(el))
      .slice(0, 5)
      .map((el) =>
        [el.tagName.toLowerCase(), ...(el.getAttribute('class') ?? '').split(' ')].filter(Boolean).join('.'),
      );
    return { width: document.documentElement.scrollWidth, screen, culprits };
  });
}

describe.concurrent.each(pages)('page /%s on a phone', (path) => {
  test(`is no wider than ${PHONE.width} px once read to the end, and what scrolls within it takes the keyboard`, async ({
    expect,
  }) => {
    const started = Date.now();
    const { page, context } = await openPage(browser, path, { viewport: PHONE });
    try {
      await networkIdle(page);
      await scrollToBottom(page);
      const measured = await measureWidth(page);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`/${path} : ${measured.width} px de large pour ${measured.screen} px d’écran (${seconds} s)`);
      // No sideways scroll: the document is no wider than the screen (375 px, less a scrollbar if any).
      expect(measured.screen).toBeLessThanOrEqual(PHONE.width);
      expect(
        measured.width,
        `${measured.width} px de large ; dépassent : ${measured.culprits.join(', ')}`,
      ).toBeLessThanOrEqual(measured.screen);
      // What scrolls sideways inside its own box on a phone must be reachable from the keyboard.
      const scrollers = await new AxeBuilder({ page }).withRules(['scrollable-region-focusable']).analyze();
      expect(scrollers.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
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
