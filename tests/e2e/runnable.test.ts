/**
 * Runnable code blocks of chapter 2 (neurone), driven as a reader would, by role and French
 * name: running, stopping an infinite loop, errors, edits kept across a reload, shared links,
 * the sandbox, exercises, the keyboard, axe and a phone's width.
 */
import { deflateRawSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openPage, siteUrl } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CHAPTER = 'neurone/';
const block = (page: Page, title: string): Locator =>
  page.getByRole('region', { name: new RegExp(`^Code exécutable\\s*:\\s*${title}$`) });
const output = (b: Locator) => b.locator('.npn-run__result');
const status = (b: Locator) => b.locator('.npn-run__status');
const notice = (b: Locator) => b.locator('.npn-run__notice');

/** What `?code.<id>=` carries: base64url(deflate-raw(source)), as the page makes it. */
const sharedLink = (id: string, source: string) =>
  `${CHAPTER}?code.${id}=${deflateRawSync(Buffer.from(source)).toString('base64url')}#code-${id}`;

/** Opens the editor with « Modifier » and replaces the whole code, typing it in. */
async function replaceCode(b: Locator, code: string) {
  await b.getByRole('button', { name: 'Modifier' }).click();
  const editor = b.getByRole('textbox', { name: /^Code modifiable/ });
  await editor.focus();
  await b.page().keyboard.press('ControlOrMeta+A');
  await b.page().keyboard.insertText(code);
  await expect.poll(() => editor.textContent()).toContain(code.split('\n')[0]!);
}

async function runAndWait(b: Locator, name = 'Exécuter') {
  await b.getByRole('button', { name, exact: true }).click();
  await expect.poll(() => status(b).textContent(), { timeout: 30_000 }).toMatch(/^Terminé/);
}

describe('running', () => {
  test('« Exécuter » shows the output under the block, with the status', async () => {
    const { page, context, errors, external } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    await runAndWait(neuron);
    expect(await output(neuron).locator('pre').textContent()).toBe('3.75\n0.977\n0.5665');
    expect(await status(neuron).textContent()).toMatch(/^Terminé en [\d\u202f]+\u00a0ms\.$/);
    // A second run reuses the warm worker and replaces the output.
    await runAndWait(neuron);
    expect(await output(neuron).locator('pre').count()).toBe(1);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  });

  test('plots, tables: the activations block draws two plots and a table', async () => {
    const { page, context, errors } = await openPage(browser, CHAPTER);
    const activations = block(page, 'Les activations et leurs dérivées');
    await runAndWait(activations);
    await expect.poll(() => output(activations).locator('figure svg').count(), { timeout: 30_000 }).toBe(2);
    expect(await output(activations).getByRole('img', { name: 'Activations' }).count()).toBe(1);
    expect(await output(activations).getByRole('region').locator('table').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('« Arrêter » ends an infinite loop; the page stays responsive and the next run works', async () => {
    const { page, context, errors } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    await replaceCode(neuron, 'print("avant");\nwhile (true) {}');
    await neuron.getByRole('button', { name: 'Exécuter' }).click();
    await expect.poll(() => status(neuron).textContent()).toBe('Exécution…');
    // Long enough for the worker to be inside the loop (it is warm: it ran nothing yet, but loads in well under this).
    await page.waitForTimeout(1500);
    const stop = neuron.getByRole('button', { name: 'Arrêter' });
    expect(await stop.isEnabled()).toBe(true);
    // The page answers while the loop spins (it runs in the worker, not on the page).
    expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('image suivante'))))).toBe(
      'image suivante',
    );
    expect(await status(neuron).textContent()).toBe('Exécution…');
    // What was printed before the loop is on the page (the worker posts a run's first output at once).
    expect(await output(neuron).textContent()).toContain('avant');
    await stop.click();
    await expect.poll(() => status(neuron).textContent()).toBe('Arrêté.');
    expect(await stop.isDisabled()).toBe(true);
    await replaceCode(neuron, 'print(1 + 1);');
    await runAndWait(neuron);
    expect(await output(neuron).textContent()).toContain('2');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('an error names its line and column in the reader’s code and quotes that line', async () => {
    const { page, context } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    await replaceCode(neuron, 'const a: number = 1;\nprint(a);\nconst o: any = null;\nprint(o.champ);');
    await neuron.getByRole('button', { name: 'Exécuter' }).click();
    const alert = neuron.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toMatch(/ligne 4, colonne \d+/);
    // One French sentence, said once: « Erreur ligne 4, colonne 9 : … » (in French).
    expect(await alert.locator('p').textContent()).toMatch(
      /^Erreur ligne 4, colonne \d+\u00a0: impossible de lire la propriété .*champ.* de null$/,
    );
    expect(await alert.locator('pre').textContent()).toContain('4 | print(o.champ);');
    expect(await status(neuron).textContent()).toMatch(/^Terminé avec une erreur/);
    await context.close();
  });
});

test('every kind of output: an image, a progress line, a scatter plot, a heat map, a graph, and the fast engine (WASM here)', async () => {
  const { page, context, errors, external } = await openPage(browser, CHAPTER);
  const neuron = block(page, 'La sortie d’un neurone');
  await replaceCode(
    neuron,
    [
      'showImage(Array.from({ length: 784 }, (_, i) => (i % 28) / 27), { caption: "dégradé" });',
      'for (let e = 1; e <= 20; e++) progress("Époque", e, 20);',
      'plotScatter([{ name: "a", x: [0, 1], y: [1, 0] }], { title: "Points" });',
      'plotHeatmap([[0, 1], [1, 0]], { title: "Carte" });',
      'const a = new Value(2, "a");',
      'const out = a.mul(a).add(1);',
      'out.backward();',
      'drawGraph(out);',
      'const tf = await loadFastEngine();',
      'const t = tf.tensor([1, 2, 3]);',
      'print(tf.getBackend(), Array.from(await t.square().data()));',
      't.dispose();',
    ].join('\n'),
  );
  await runAndWait(neuron);
  const result = output(neuron);
  expect(
    await result
      .getByRole('img', { name: /dégradé/ })
      .locator('xpath=self::canvas')
      .count(),
  ).toBe(1);
  const bar = result.getByRole('progressbar', { name: 'Époque' });
  expect(await bar.count()).toBe(1);
  expect(await bar.getAttribute('value')).toBe('20');
  await expect.poll(() => result.getByRole('img', { name: 'Points' }).count(), { timeout: 30_000 }).toBe(1);
  expect(await result.getByRole('img', { name: 'Carte' }).count()).toBe(1);
  expect(await result.getByRole('img', { name: /^Graphe de calcul \(\d+ nœuds\)$/ }).count()).toBe(1);
  // In CI the only GPU is a software one, so the fast engine runs on WASM, inside the sandbox.
  expect(await result.locator('pre').textContent()).toContain('wasm [1, 4, 9]');
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
  await context.close();
});

describe('edits', () => {
  test('are kept across a reload, reset per block and for the whole chapter', async () => {
    const { page, context, errors } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    const softmax = block(page, 'La softmax, naïve et stable');
    const chapterReset = page.getByRole('button', { name: 'Revenir au code d’origine pour tout le chapitre' });
    expect(await chapterReset.count()).toBe(0);
    await replaceCode(neuron, 'print("modifié 1");');
    await replaceCode(softmax, 'print("modifié 2");');
    await page.reload();
    await expect.poll(() => notice(neuron).textContent()).toMatch(/^Code modifié par vous/);
    expect((await neuron.locator('.npn-run__plain').textContent())?.trimEnd()).toBe('print("modifié 1");');
    await runAndWait(neuron);
    expect(await output(neuron).textContent()).toBe('modifié 1');
    // One block back to its original code.
    await neuron.getByRole('button', { name: 'Revenir au code d’origine', exact: true }).click();
    expect(await notice(neuron).isHidden()).toBe(true);
    expect(await neuron.locator('.npn-run__code').isVisible()).toBe(true);
    await page.reload();
    await expect
      .poll(async () => (await softmax.locator('.npn-run__plain').textContent())?.trimEnd())
      .toBe('print("modifié 2");');
    expect(await neuron.locator('.npn-run__plain').count()).toBe(0);
    // The whole chapter.
    await chapterReset.click();
    expect(await softmax.locator('.npn-run__plain').count()).toBe(0);
    expect(await chapterReset.isHidden()).toBe(true);
    await page.reload();
    expect(await page.locator('.npn-run__notice:not([hidden])').count()).toBe(0);
    expect(await chapterReset.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('when storage is refused, the page says edits will not be kept', async () => {
    const watched = await openPage(browser, CHAPTER);
    await watched.page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('refusé', 'SecurityError');
        },
      });
    });
    await watched.page.reload();
    const neuron = block(watched.page, 'La sortie d’un neurone');
    await replaceCode(neuron, 'print(3);');
    await expect.poll(() => notice(neuron).textContent()).toMatch(/ne permet pas de garder vos modifications/);
    await watched.context.close();
  });
});

describe('shared links', () => {
  test('« Lien vers ce code » copies a link that shows the code and runs it only on a click', async () => {
    const { page, context } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    await replaceCode(neuron, 'print("partagé");');
    await neuron.getByRole('button', { name: 'Lien vers ce code' }).click();
    await expect.poll(() => neuron.getByText('Lien copié dans le presse-papiers.').count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect([...url.searchParams.keys()]).toEqual(['code.sortie-neurone']);
    expect(url.hash).toBe('#code-sortie-neurone');
    await context.close();

    const opened = await openPage(browser, copied);
    const shared = block(opened.page, 'La sortie d’un neurone');
    await expect.poll(() => notice(shared).textContent()).toMatch(/vient d’un lien/);
    expect((await shared.locator('.npn-run__plain').textContent())?.trimEnd()).toBe('print("partagé");');
    // Not run: no output, no worker frame on the page.
    await opened.page.waitForTimeout(500);
    expect(await shared.locator('.npn-run__output').isHidden()).toBe(true);
    expect(await opened.page.locator('iframe').count()).toBe(0);
    await runAndWait(shared);
    expect(await output(shared).textContent()).toBe('partagé');
    // The shared code does not replace the reader's own kept edits.
    expect(await opened.page.evaluate(() => localStorage.getItem('npn.code.neurone/sortie-neurone'))).toBeNull();
    await opened.context.close();
  });

  test('a malformed link shows the original code with a notice', async () => {
    const { page, context } = await openPage(
      browser,
      `${CHAPTER}?code.sortie-neurone=pas%20du%20code#code-sortie-neurone`,
    );
    const neuron = block(page, 'La sortie d’un neurone');
    await expect.poll(() => notice(neuron).textContent()).toMatch(/illisible/);
    expect(await neuron.locator('.npn-run__code').isVisible()).toBe(true);
    await context.close();
  });

  test('code from a link cannot read the site’s localStorage, IndexedDB or Cache Storage', async () => {
    const probe = [
      'const report = (what: string, f: () => unknown) =>',
      '  Promise.resolve().then(f).then((v) => print(`${what} lu : ${v}`), (e) => print(`${what} refusé : ${(e as Error).name}`));',
      "await report('localStorage', () => localStorage.getItem('npn.secret'));",
      "await report('IndexedDB', () => new Promise((ok, ko) => { const r = indexedDB.open('npn-secret'); r.onsuccess = () => ok(r.result.objectStoreNames.length); r.onerror = () => ko(r.error); }));",
      "await report('Cache Storage', async () => (await caches.keys()).join());",
      "await report('parent', () => (globalThis as any).parent?.document?.title);",
    ].join('\n');
    const { page, context } = await openPage(browser, CHAPTER);
    // What the site keeps: a localStorage key, an IndexedDB database, a cache.
    await page.evaluate(async () => {
      localStorage.setItem('npn.secret', 'secret du site');
      await new Promise((done) => (indexedDB.open('npn-secret').onsuccess = done));
      await caches.open('npn-secret');
    });
    await page.goto(new URL(sharedLink('sortie-neurone', probe), siteUrl()).href);
    const neuron = block(page, 'La sortie d’un neurone');
    await runAndWait(neuron);
    const printed = await output(neuron).textContent();
    expect(printed).toMatch(/localStorage refusé : ReferenceError/);
    expect(printed).toMatch(/IndexedDB refusé : SecurityError/);
    expect(printed).toMatch(/Cache Storage refusé : SecurityError/);
    expect(printed).toMatch(/parent lu : undefined/);
    expect(printed).not.toContain('secret du site');
    // The site's own storage is intact.
    expect(await page.evaluate(() => localStorage.getItem('npn.secret'))).toBe('secret du site');
    await context.close();
  });
});

describe('exercises', () => {
  test('« Vérifier » lists each case, hints come one at a time, the solution passes', async () => {
    const { page, context, errors } = await openPage(browser, CHAPTER);
    const exercise = block(page, 'La dérivée de la sigmoïde');
    await runAndWait(exercise, 'Vérifier');
    const summary = exercise.locator('.npn-run-check-summary');
    expect(await summary.textContent()).toMatch(/^\d+ cas sur 13 réussis?\.$/);
    expect(await exercise.locator('.npn-run-checks li[data-pass="false"]').first().textContent()).toMatch(
      /attendu .+, reçu 0/,
    );
    // Hints: none shown, then one per click, then the button goes.
    const hints = exercise.locator('.npn-run__hints details');
    const next = exercise.getByRole('button', { name: 'Indice suivant' });
    expect(await hints.filter({ visible: true }).count()).toBe(0);
    await next.click();
    expect(await hints.filter({ visible: true }).count()).toBe(1);
    await next.click();
    await next.click();
    expect(await hints.filter({ visible: true }).count()).toBe(3);
    expect(await next.isHidden()).toBe(true);
    // The solution, typed in, passes every case.
    await exercise.getByText('Voir la solution').click();
    const solution = (await exercise.locator('.npn-run__solution pre').textContent()) ?? '';
    expect(solution).toContain('sigmoidPrime');
    await replaceCode(
      exercise,
      'function sigmoidPrime(z: number): number {\nconst s = sigmoid(z);\nreturn s * (1 - s);\n}',
    );
    await runAndWait(exercise, 'Vérifier');
    expect(await summary.textContent()).toMatch(/^13 cas sur 13 réussis\u00a0: bravo\u202f!$/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('keyboard, axe, phone', () => {
  test('everything works from the keyboard: run, edit, Ctrl + Enter, Escape', async () => {
    const { page, context } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    const run = neuron.getByRole('button', { name: 'Exécuter' });
    // From the start of the block (focused as a skip link would leave it), Tab until « Exécuter » has it.
    await neuron.evaluate((section) => {
      section.tabIndex = -1;
      section.focus();
    });
    let found = false;
    for (let i = 0; i < 10 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await run.evaluate((el) => el === document.activeElement);
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => status(neuron).textContent(), { timeout: 30_000 }).toMatch(/^Terminé/);
    await page.keyboard.press('Tab'); // « Arrêter » is disabled: next is « Modifier »
    expect(await neuron.getByRole('button', { name: 'Modifier' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await page.keyboard.press('Enter');
    const editor = neuron.getByRole('textbox', { name: /^Code modifiable/ });
    await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText('print("au clavier");');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => output(neuron).textContent(), { timeout: 30_000 }).toBe('au clavier');
    await page.keyboard.press('Escape');
    expect(await neuron.getByRole('button', { name: 'Modifier' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await context.close();
  });

  test('no axe violation with the editor open and output shown, in light and dark mode', async () => {
    const { page, context } = await openPage(browser, CHAPTER);
    const neuron = block(page, 'La sortie d’un neurone');
    await replaceCode(neuron, 'print(1);\nprint(o);');
    await runAndWait(neuron);
    const exercise = block(page, 'La dérivée de la sigmoïde');
    await runAndWait(exercise, 'Vérifier');
    for (const scheme of ['light', 'dark'] as const) {
      await page.evaluate((s) => (document.documentElement.dataset['theme'] = s), scheme);
      // The build's highlighted code (Expressive Code) is the page test's to check (pages.test.ts).
      const axe = await new AxeBuilder({ page }).include('.npn-run').exclude('.npn-run__code').analyze();
      expect(
        axe.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
      ).toEqual([]);
    }
    await context.close();
  });

  test('no sideways scroll on a 375 px phone with outputs, the editor and a shared-link field', async () => {
    const { page, context } = await openPage(browser, CHAPTER, { viewport: { width: 375, height: 800 } });
    const activations = block(page, 'Les activations et leurs dérivées');
    await runAndWait(activations);
    await expect.poll(() => output(activations).locator('figure svg').count(), { timeout: 30_000 }).toBe(2);
    const neuron = block(page, 'La sortie d’un neurone');
    await replaceCode(neuron, `print("${'x'.repeat(120)}");\nprint(o);`);
    await runAndWait(neuron);
    // The clipboard refused: the link is shown in a field to copy by hand.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('refusé', 'NotAllowedError'));
    });
    await neuron.getByRole('button', { name: 'Lien vers ce code' }).click();
    const field = neuron.getByRole('textbox', { name: 'Lien du code' });
    await expect.poll(() => field.inputValue()).toContain('?code.sortie-neurone=');
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const scrollers = await new AxeBuilder({ page })
      .include('.npn-run')
      .withRules(['scrollable-region-focusable'])
      .analyze();
    expect(scrollers.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    await context.close();
  });
});
