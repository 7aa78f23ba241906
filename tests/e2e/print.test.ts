/**
 * A chapter printed as a handout (src/styles/print.css, src/components/print/): Chromium prints
 * chapter 7 to an A4 PDF, as a reader's « Imprimer » would, after its 2D lab has hydrated with
 * settings from the link; unpdf reads the PDF's text back. No button's text may be in it, the
 * page count stays within bounds, the quiz ends with its answer key, and the lab prints its
 * demo's address and a QR code that decodes (jsQR, in the page) to that demo with its settings.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { hydrated, launchBrowser, openPage } from './browser';

/** Chapter 7 printed in 21 A4 pages before print.css and 16 with it (most of them its code blocks). */
const MAX_PAGES = 18;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Compares texts across PDF line breaks, no-break spaces and ligatures: no whitespace at all. */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/gu, '');

test('chapter 7 prints without controls, with its islands’ links and QR codes and the quiz’s answer key', async () => {
  const { page, context, errors } = await openPage(browser, 'regularisation/?labo.bruit=0.25');
  const lab = page.getByRole('region', { name: 'Le labo 2D' });
  await hydrated(lab.getByRole('button', { name: 'Lien vers cette démo' }));

  // Every button's text, as a reader sees them on screen, and the page's other text (a label
  // that is also a word of the prose, e.g. a preset named like a section, cannot be told apart).
  const { buttons, prose, questions, answers } = await page.evaluate(() => {
    const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('button, script, style, .print-corrige').forEach((el) => el.remove());
    const fieldsets = [...document.querySelectorAll<HTMLElement>('.quiz-question')];
    return {
      buttons: [...new Set([...document.querySelectorAll('button')].map(text).filter(Boolean))],
      prose: text(body),
      questions: fieldsets.map((f) => text(f.querySelector('legend')!)),
      answers: fieldsets.map((f) => text(f.querySelectorAll('label span')[Number(f.dataset['reponse'])]!)),
    };
  });
  const checked = buttons.filter((b) => !squash(prose).includes(squash(b)));
  expect(checked).toEqual(expect.arrayContaining(['Exécuter', 'Lien vers cette démo']));
  expect(checked.some((b) => b.startsWith('Vérifier la réponse'))).toBe(true);

  const pdf = await page.pdf({ format: 'A4' });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const printed = squash((await extractText(doc, { mergePages: true })).text);
  console.log(`regularisation : ${doc.numPages} pages A4 imprimées, ${checked.length} textes de boutons cherchés`);

  expect(checked.filter((b) => printed.includes(squash(b)))).toEqual([]);
  expect(doc.numPages).toBeGreaterThanOrEqual(5);
  expect(doc.numPages).toBeLessThanOrEqual(MAX_PAGES);

  // The quiz: its questions, then « Corrigé » with each right answer after the last question.
  const key = printed.lastIndexOf(squash('Corrigé'));
  expect(key).toBeGreaterThan(printed.indexOf(squash(questions.at(-1)!)));
  for (const answer of answers) expect(printed.indexOf(squash(answer), key), answer).toBeGreaterThan(key);

  // The lab: its demo's address as text, and a QR code of that demo with the link's settings,
  // printed at a size a phone reads.
  const qr = lab.locator('.print-demo-qr');
  const href = (await qr.getAttribute('data-lien'))!;
  expect(href).toMatch(/^https:\/\/neurone-par-neurone\.github\.io\/neurone-par-neurone\/demo\/labo-2d\/\?/);
  expect(new URL(href).searchParams.get('labo.bruit')).toBe('0.25');
  expect(printed).toContain(squash('neurone-par-neurone.github.io/neurone-par-neurone/demo/labo-2d/'));
  await page.emulateMedia({ media: 'print' });
  expect((await qr.boundingBox())!.width).toBeGreaterThan(90);
  // How fast the lab trains means nothing on paper; its other settings print as their values.
  expect(await lab.getByRole('combobox', { name: 'Vitesse' }).isVisible()).toBe(false);
  expect(await lab.getByRole('combobox', { name: 'Optimiseur' }).isVisible()).toBe(true);
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('jsqr') });
  const decoded = await qr.evaluate(async (svg) => {
    const image = new Image();
    const copy = svg.cloneNode(true) as SVGElement;
    copy.setAttribute('width', '400');
    copy.setAttribute('height', '400');
    image.src = `data:image/svg+xml,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const g = canvas.getContext('2d')!;
    g.drawImage(image, 0, 0, 400, 400);
    const { data } = g.getImageData(0, 0, 400, 400);
    type JsQr = (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null;
    return (window as unknown as { jsQR: JsQr }).jsQR(data, 400, 400)?.data ?? null;
  });
  expect(decoded).toBe(href);

  expect(errors).toEqual([]);
  await context.close();
});
