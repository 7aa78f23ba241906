/**
 * Presentation mode (« Présenter »), driven by role and French name. The 2D lab at 1280×720 (with
 * fullscreen refused, so the full-window fallback) and at 1920×1080 (the Fullscreen API): the
 * decision surface and the loss curves cover at least half the screen with the scores on it too,
 * the settings panel folds and unfolds, the lab trains and pauses from the keyboard alone, and
 * leaving gives the page its layout back. Then every /demo/<id>/: the button is there, entering
 * throws nothing, and the demo's main chart is at least 40 % of the screen's width.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Locator, Page, Browser } from 'playwright-core';
import { hydrated, launchBrowser, openPage, siteUrl } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of a chart that is really drawn, clipped to the viewport: a canvas or an SVG scaled
 * to "contain" inside a larger box draws only a centred part of it, so the element's box alone
 * would overstate the chart (canvas: its pixel size and object-fit; SVG: its viewBox and
 * preserveAspectRatio).
 */
function drawnBox(chart: Locator): Promise<Box> {
  return chart.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const px = (v: string) => parseFloat(v) || 0;
    let x = r.left + px(cs.borderLeftWidth) + px(cs.paddingLeft);
    let y = r.top + px(cs.borderTopWidth) + px(cs.paddingTop);
    let w = r.width - px(cs.borderLeftWidth) - px(cs.borderRightWidth) - px(cs.paddingLeft) - px(cs.paddingRight);
    let h = r.height - px(cs.borderTopWidth) - px(cs.borderBottomWidth) - px(cs.paddingTop) - px(cs.paddingBottom);
    let ratio: number | null = null;
    if (el instanceof HTMLCanvasElement && cs.objectFit !== 'fill') ratio = el.width / el.height;
    if (el instanceof SVGSVGElement && el.getAttribute('preserveAspectRatio') !== 'none') {
      const vb = el.viewBox.baseVal;
      if (vb && vb.width > 0 && vb.height > 0) ratio = vb.width / vb.height;
    }
    if (ratio !== null) {
      const fw = Math.min(w, h * ratio);
      const fh = fw / ratio;
      x += (w - fw) / 2;
      y += (h - fh) / 2;
      w = fw;
      h = fh;
    }
    const x0 = Math.max(0, x);
    const y0 = Math.max(0, y);
    const x1 = Math.min(innerWidth, x + w);
    const y1 = Math.min(innerHeight, y + h);
    return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
  });
}

const area = (b: Box) => b.width * b.height;
/** Area covered by two boxes together (their overlap counted once). */
function unionArea(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return area(a) + area(b) - w * h;
}

/** True when the element is entirely inside the viewport. */
const onScreen = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return (
      r.width > 0 && r.left >= -0.5 && r.top >= -0.5 && r.right <= innerWidth + 0.5 && r.bottom <= innerHeight + 0.5
    );
  });

const labOf = (page: Page) => page.getByRole('region', { name: 'Le labo 2D' });
const epochOf = async (lab: Locator) => Number(await lab.getByTestId('labo-epoque').textContent());
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** Presses Tab until the focused element's text is `name` (at most `max` presses). */
async function tabTo(page: Page, name: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedText(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`« ${name} » jamais atteint au clavier`);
}

/**
 * The lab's place in the page and its charts' sizes, to compare before and after (the charts'
 * heights in the page move with what the lab says, e.g. « En pause. », so not their places).
 */
const layoutOf = (lab: Locator) =>
  lab.evaluate((el) => {
    const box = (e: Element | null) => e!.getBoundingClientRect();
    const r = box(el);
    return {
      lab: [r.left + scrollX, r.top + scrollY, r.width].map(Math.round),
      charts: [box(el.querySelector('canvas')), box(el.querySelector('svg[role="img"]'))].map((c) =>
        [c.width, c.height].map(Math.round),
      ),
    };
  });

for (const { width, height, fullscreen } of [
  { width: 1280, height: 720, fullscreen: false },
  { width: 1920, height: 1080, fullscreen: true },
]) {
  test(`the 2D lab presented at ${width}×${height} (${fullscreen ? 'Fullscreen API' : 'fullscreen refused: the window'}): charts on half the screen, panel, keyboard, way back`, async () => {
    const { page, context, errors } = await openPage(browser, 'demo/labo-2d/', { viewport: { width, height } });
    if (!fullscreen)
      await page.addInitScript(() => {
        Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('refusé par le test'));
      });
    if (!fullscreen) await page.reload();
    const lab = labOf(page);
    await hydrated(lab);
    const before = await layoutOf(lab);

    await lab.getByRole('button', { name: 'Présenter' }).click();
    const quit = lab.getByRole('button', { name: 'Quitter la présentation' });
    await quit.waitFor();
    expect(await lab.getAttribute('data-presentation')).toBe(fullscreen ? 'plein-ecran' : 'fenetre');
    expect(await page.evaluate(() => document.fullscreenElement?.id ?? null)).toBe(fullscreen ? 'demo-labo-2d' : null);

    // The settings panel starts folded: the room sees the charts.
    const panelToggle = lab.getByRole('button', { name: 'Réglages' });
    const dataset = lab.getByRole('combobox', { name: 'Jeu de données' });
    expect(await panelToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await dataset.isVisible()).toBe(false);

    const plot = lab.getByRole('img', { name: /^Surface de décision/ }).locator('canvas');
    const loss = lab.getByRole('img', { name: /^Perte d’entraînement/ });
    const chartShare = async () => unionArea(await drawnBox(plot), await drawnBox(loss)) / (width * height);
    const folded = await chartShare();
    expect(folded).toBeGreaterThanOrEqual(0.5);
    // plot, curves and scores on one screen
    for (const id of ['labo-epoque', 'labo-perte-validation', 'labo-precision-entrainement', 'labo-precision-test'])
      expect(await onScreen(lab.getByTestId(id)), id).toBe(true);
    for (const button of ['Démarrer', 'Une époque', 'Réinitialiser'])
      expect(await onScreen(lab.getByRole('button', { name: button })), button).toBe(true);

    // Unfolded, the panel sits beside the charts (not over them) and its controls are reachable.
    await panelToggle.click();
    expect(await panelToggle.getAttribute('aria-expanded')).toBe('true');
    expect(await onScreen(dataset)).toBe(true);
    const panelLeft = await dataset.evaluate((e) => e.closest('.presentation-panneau')!.getBoundingClientRect().left);
    for (const chart of [plot, loss]) {
      const b = await drawnBox(chart);
      expect(b.x + b.width).toBeLessThanOrEqual(panelLeft + 0.5);
      expect(area(b)).toBeGreaterThan(0);
    }
    const unfolded = await chartShare();
    await panelToggle.click();
    expect(await panelToggle.getAttribute('aria-expanded')).toBe('false');
    expect(await dataset.isVisible()).toBe(false);
    console.log(
      `${width}×${height} : graphiques ${(100 * folded).toFixed(0)} % de l’écran (réglages repliés), ${(100 * unfolded).toFixed(0)} % (dépliés)`,
    );

    // The keyboard alone: Tab to « Démarrer », train, Tab to « Pause », pause.
    await quit.focus();
    await tabTo(page, 'Démarrer');
    await page.keyboard.press('Enter');
    await expect.poll(() => epochOf(lab)).toBeGreaterThan(5);
    await tabTo(page, 'Pause');
    await page.keyboard.press('Enter');
    await lab.getByRole('button', { name: 'Reprendre' }).waitFor();
    const paused = await epochOf(lab);
    await page.waitForTimeout(300);
    expect(await epochOf(lab)).toBe(paused);

    // Leaving: Échap in the window view (the browser's own key in fullscreen), the button otherwise.
    if (fullscreen) await quit.click();
    else await page.keyboard.press('Escape');
    await lab.getByRole('button', { name: 'Présenter' }).waitFor();
    expect(await lab.getAttribute('data-presentation')).toBeNull();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
    expect(await layoutOf(lab)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });
}

/** Demos whose main visual is a table, not a chart (the reason is printed): their widest table is measured. */
const TABLE_DEMOS: Record<string, string> = {
  'compteur-parametres': 'le tableau des paramètres par couche',
  'gradients-evanescents': 'le tableau des couches, un petit histogramme par ligne',
};

test('every /demo/<id>/ enters presentation without error and shows its main chart on 40 % of the width or more', async () => {
  const demos = parse(readFileSync('src/content/demos.yaml', 'utf8')) as { id: string; titre: string }[];
  const width = 1280;
  const height = 720;
  const { page, context, errors } = await openPage(browser, 'demo/', { viewport: { width, height } });
  const widths: string[] = [];
  for (const { id } of demos) {
    await page.goto(new URL(`demo/${id}/`, siteUrl()).href, { waitUntil: 'load' });
    const island = page.locator('section.island').first();
    await hydrated(island);
    await island.getByRole('button', { name: 'Présenter' }).click();
    await island.getByRole('button', { name: 'Quitter la présentation' }).waitFor();
    expect(await island.getAttribute('data-presentation'), id).not.toBeNull();
    // the widest chart the island draws, as drawn (or its main table)
    const visuals = island.locator(TABLE_DEMOS[id] ? 'table' : 'svg[viewBox], canvas');
    let best = 0;
    for (let i = 0; i < (await visuals.count()); i++) best = Math.max(best, (await drawnBox(visuals.nth(i))).width);
    widths.push(`${id} ${Math.round((100 * best) / width)} %${TABLE_DEMOS[id] ? ` (${TABLE_DEMOS[id]})` : ''}`);
    expect(best / width, id).toBeGreaterThanOrEqual(0.4);
    await island.getByRole('button', { name: 'Quitter la présentation' }).click();
    expect(await island.getAttribute('data-presentation'), id).toBeNull();
  }
  console.log(`Largeur du graphique principal en présentation (${width}×${height}) : ${widths.join(', ')}`);
  expect(errors).toEqual([]);
  await context.close();
});
