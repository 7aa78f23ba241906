/**
 * The step-by-step demos on a 390 × 844 phone (touch, coarse pointer), as a student reads them:
 * the backprop graph fits its box; after a press, the graph (L included), the buttons and the
 * step's text are on screen together, wherever the reader had scrolled (also on a 1366 × 768
 * laptop); the check table shows « Erreur relative »; chapter 5's parabola point is on screen
 * with « Un pas »; islands hydrate before they scroll into view, and say « not ready » until then;
 * controls are at least 44 px; a formula wider than the phone shows a scroll cue; the
 * pseudo-code block wraps, clear of its copy button.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 768 } };

const stepper = (page: Page): Locator => page.getByRole('region', { name: 'Rétropropagation pas à pas' });
const pas = (page: Page): Locator => page.getByRole('region', { name: 'Le pas d’apprentissage' });

/**
 * True when the element is entirely in what the reader sees: below Starlight's fixed header (and
 * the phone's « Sur cette page » bar: the page's scroll-padding-top, 1,5rem of margin included)
 * and above the bottom of the window.
 */
async function onScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    return r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1 && r.left >= -1 && r.right <= innerWidth + 1;
  });
}

/** Scrolls instantly so that the element sits at the top of what the reader sees, or at the bottom. */
async function scrollTo(locator: Locator, where: 'start' | 'end'): Promise<void> {
  await locator.evaluate((el, block) => el.scrollIntoView({ block, behavior: 'instant' }), where);
}

/** Presses « Étape suivante » with the buttons first at the top, then at the bottom of the screen. */
async function pressFromBothEnds(page: Page, demo: Locator, press: (b: Locator) => Promise<void>) {
  const next = demo.getByRole('button', { name: 'Étape suivante' });
  const graph = demo.getByTestId('graphe');
  const loss = graph.locator('[data-noeud="perte"]');
  const text = demo.getByTestId('etape');
  for (const where of ['start', 'end'] as const) {
    await scrollTo(next, where);
    const before = await demo.getByTestId('numero-etape').count();
    await press(next);
    if (before === 0) await demo.getByTestId('numero-etape').waitFor();
    // The page may scroll smoothly to show them all: wait for it to settle there.
    await expect
      .poll(async () => ({
        graph: await onScreen(graph),
        loss: await onScreen(loss),
        buttons: await onScreen(next),
        text: await onScreen(text),
      }))
      .toEqual({ graph: true, loss: true, buttons: true, text: true });
  }
  void page;
}

describe('Rétropropagation pas à pas on a phone', () => {
  test('the graph fits its box, L and ŷ included, in both networks, with every value inside the drawing', async () => {
    for (const net of ['chaine', 'large']) {
      // Every step done: every node shows its value and its gradient, the widest drawing.
      const { page, context, errors } = await openPage(
        browser,
        `retropropagation/?bp.reseau=${net}&bp.etape=20`,
        PHONE,
      );
      const demo = stepper(page);
      await hydrated(demo);
      const fits = await demo.getByTestId('graphe').evaluate((svg) => {
        const box = svg.parentElement!.getBoundingClientRect();
        const s = svg.getBoundingClientRect();
        const inside = (r: DOMRect) => r.left >= box.left - 1 && r.right <= box.right + 1;
        const texts = [...svg.querySelectorAll('text')].filter((t) => !inside(t.getBoundingClientRect()));
        return {
          svg: inside(s),
          outside: texts.map((t) => t.textContent),
          loss: inside(svg.querySelector('[data-noeud="perte"]')!.getBoundingClientRect()),
          out: inside(svg.querySelector('[data-noeud="out"]')!.getBoundingClientRect()),
          // Readable: a value's text is drawn at 12 CSS px or more, not scaled down.
          smallest: Math.min(
            ...[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height).filter((h) => h > 0),
          ),
        };
      });
      expect(fits, net).toEqual({ svg: true, outside: [], loss: true, out: true, smallest: fits.smallest });
      expect(fits.smallest, net).toBeGreaterThanOrEqual(12);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  test('after a tap, the graph with L, the buttons and the current step are on screen together', async () => {
    const { page, context, errors } = await openPage(browser, 'retropropagation/', PHONE);
    const demo = stepper(page);
    await hydrated(demo);
    await pressFromBothEnds(page, demo, (b) => b.tap());
    await demo.getByRole('combobox', { name: 'Réseau' }).selectOption('large');
    await pressFromBothEnds(page, demo, (b) => b.tap());
    // Every later step, its notes included, still fits the screen with the graph and the buttons.
    const next = demo.getByRole('button', { name: 'Étape suivante' });
    const scene = demo.getByTestId('scene');
    while (await next.isEnabled()) {
      await next.tap();
      const { height, room } = await scene.evaluate((el) => ({
        height: el.getBoundingClientRect().height,
        room: innerHeight - parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop),
      }));
      expect(height).toBeLessThanOrEqual(room);
    }
    expect(await demo.getByTestId('numero-etape').textContent()).toBe('20');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('on a 1366 × 768 laptop too, for the wider network', async () => {
    const { page, context } = await openPage(browser, 'retropropagation/?bp.reseau=large', LAPTOP);
    const demo = stepper(page);
    await hydrated(demo);
    await pressFromBothEnds(page, demo, (b) => b.click());
    await context.close();
  });

  test('the check table shows « Erreur relative » without scrolling sideways; the inputs read 1,5 and −0,4', async () => {
    const { page, context } = await openPage(browser, 'retropropagation/', PHONE);
    const demo = stepper(page);
    await hydrated(demo);
    expect(await demo.getByRole('spinbutton', { name: 'Entrée x' }).inputValue()).toBe('1,5');
    expect(await demo.getByRole('spinbutton', { name: 'Biais b₁' }).inputValue()).toMatch(/^[−-]0,4$/);
    await demo.getByRole('button', { name: 'Vérifier' }).tap();
    const table = demo.getByRole('group', { name: /Tableau de vérification/ });
    await table.waitFor();
    const header = table.getByRole('columnheader', { name: 'Erreur relative' });
    const [t, h] = [await table.boundingBox(), await header.boundingBox()];
    expect(h!.x + h!.width).toBeLessThanOrEqual(t!.x + t!.width + 1);
    expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    await context.close();
  });

  test('the pseudo-code block wraps its lines, and its copy button covers none of them', async () => {
    const { page, context } = await openPage(browser, 'retropropagation/', PHONE);
    const block = page.locator('.expressive-code').filter({ hasText: 'pour chaque époque' });
    await block.scrollIntoViewIfNeeded();
    const pre = block.locator('pre');
    expect(await pre.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    const button = (await block.locator('.copy button').boundingBox())!;
    // The text itself (each line's glyph boxes), never under the button.
    const covered = await block.evaluate((el, b) => {
      const hit: string[] = [];
      for (const line of el.querySelectorAll('.ec-line .code')) {
        const range = document.createRange();
        range.selectNodeContents(line);
        for (const r of range.getClientRects())
          if (r.width > 0 && r.top < b.y + b.height && b.y < r.bottom && r.left < b.x + b.width && b.x < r.right)
            hit.push(line.textContent ?? '');
      }
      return hit;
    }, button);
    expect(covered).toEqual([]);
    await context.close();
  });
});

describe('Le pas d’apprentissage on a phone', () => {
  test('« Un pas »: the parabola’s point and the buttons are on screen together after each tap', async () => {
    const { page, context, errors } = await openPage(browser, 'descente-de-gradient/', PHONE);
    const demo = pas(page);
    await hydrated(demo);
    const step = demo.getByRole('button', { name: 'Un pas' });
    const point = demo.getByTestId('point-courant');
    for (const where of ['start', 'end'] as const) {
      await scrollTo(step, where);
      await step.tap();
      await expect.poll(async () => [await onScreen(point), await onScreen(step)]).toEqual([true, true]);
    }
    expect(await demo.getByTestId('pas').textContent()).toBe('2');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('every control is a 44 px touch target on a coarse pointer', async () => {
    const { page, context } = await openPage(browser, 'descente-de-gradient/', PHONE);
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    const demo = pas(page);
    await hydrated(demo);
    const sizes = async (l: Locator) => (await l.all()).map((x) => x.boundingBox());
    for (const box of await Promise.all(await sizes(demo.getByRole('button')))) {
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    }
    for (const box of await Promise.all(await sizes(demo.getByRole('slider'))))
      expect(box!.height).toBeGreaterThanOrEqual(44);
    const checkbox = demo.getByRole('checkbox', { name: /Décroissance du pas/ });
    expect((await checkbox.boundingBox())!.width).toBeGreaterThanOrEqual(24);
    // The label toggles the box too: it is the 44 px target.
    const label = checkbox.locator('xpath=ancestor::label[1]');
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await label.tap({ position: { x: 200, y: 3 } });
    await expect.poll(() => checkbox.isChecked()).toBe(true);
    await context.close();
  });
});

describe('Islands on a phone', () => {
  test('an island hydrates before it scrolls into view, so the first tap works; until then it says it is not ready', async () => {
    const { page, context, errors } = await openPage(browser, 'retropropagation/', PHONE);
    const demo = stepper(page);
    const island = demo.locator('xpath=ancestor::astro-island[1]');
    // Not hydrated yet (far below): the region is busy, its controls dimmed, with a waiting cursor.
    expect(await island.getAttribute('ssr')).not.toBeNull();
    expect(await demo.getAttribute('aria-busy')).toBe('true');
    const next = demo.getByRole('button', { name: 'Étape suivante' });
    const look = await next.evaluate((el) => ({
      cursor: getComputedStyle(el).cursor,
      opacity: getComputedStyle(el).opacity,
    }));
    expect(look.cursor).toBe('progress');
    expect(Number(look.opacity)).toBeLessThan(1);
    // Scroll as a reader does, until the island's top is 150 px below the bottom of the screen:
    // it hydrates there, before any of it is seen.
    await demo.evaluate((el) => {
      const top = el.getBoundingClientRect().top + scrollY;
      window.scrollTo({ top: top - innerHeight - 150, behavior: 'instant' });
    });
    await page.waitForFunction((el) => !el?.hasAttribute('ssr'), await island.elementHandle(), { timeout: 10_000 });
    expect(await demo.getAttribute('aria-busy')).toBeNull();
    // The first tap, right after it scrolls in, counts.
    await scrollTo(next, 'end');
    await next.tap();
    await expect.poll(() => demo.getByTestId('numero-etape').textContent()).toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the stepper’s buttons are 44 px touch targets', async () => {
    const { page, context } = await openPage(browser, 'demo/retropropagation-pas-a-pas/', PHONE);
    const demo = stepper(page);
    await hydrated(demo);
    for (const b of await demo.getByRole('button').all()) {
      const box = (await b.boundingBox())!;
      expect(box.height, (await b.textContent()) ?? '').toBeGreaterThanOrEqual(44);
    }
    for (const f of await demo.getByRole('spinbutton').all())
      expect((await f.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await demo.getByRole('combobox').boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await context.close();
  });

  test('a display formula wider than the phone shows a scroll cue on the side where more of it hides', async () => {
    const { page, context } = await openPage(browser, 'retropropagation/', PHONE);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.katex-display, .tex-bloc')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === 'auto')
        .map((el) => {
          const s = getComputedStyle(el);
          return { image: s.backgroundImage, attachment: s.backgroundAttachment };
        }),
    );
    // The chapter has formulas wider than a phone: each one carries the shadows and their covers.
    expect(wide.length).toBeGreaterThan(0);
    for (const w of wide) {
      expect(w.image.match(/radial-gradient/g)).toHaveLength(2);
      expect(w.attachment).toBe('local, local, scroll, scroll');
    }
    await context.close();
  });
});
