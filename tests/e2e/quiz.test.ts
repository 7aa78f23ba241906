/**
 * The quiz teaches: checking a wrong choice shows that choice's own `retour` (read here from the
 * quiz YAML, never typed in the test) in the status line, the right choice says so and unfolds
 * the explanation, each check tells the page with an `npn:quiz-answer` event, and without
 * JavaScript every `retour` sits in the folded explanation.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { parse } from 'yaml';
import { launchBrowser, openPage } from './browser';
import { chapters } from '../../src/chapters.mjs';
import { quizSchema } from '../../src/content/schemas';

const quizOf = (slug: string) =>
  quizSchema.parse(parse(readFileSync(`src/content/quiz/${slug}.yaml`, 'utf8'))).questions;
/** The build adds French no-break spaces (src/middleware.ts): compare text with every space as one. */
const flat = (s: string | null) => (s ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Checks the choice whose text is `texte` (choices are shuffled at build time) and clicks « Vérifier ». */
async function answer(question: Locator, texte: string): Promise<void> {
  const labels = question.locator('label');
  const shown = (await labels.allTextContents()).map(flat);
  const at = shown.indexOf(flat(texte));
  expect(at, `« ${texte} » among ${shown.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await labels.nth(at).click();
  await question.getByRole('button', { name: /^Vérifier la réponse/ }).click();
}

describe('chapter 1’s quiz, clicked as a reader would', () => {
  test('each wrong choice shows its own retour; the right one, « Bonne réponse » and the explanation', async () => {
    const { page, context, errors } = await openPage(browser, 'introduction/');
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { answers: unknown[] }).answers = seen;
      document.addEventListener('npn:quiz-answer', (e) => seen.push((e as CustomEvent).detail));
    });
    const expected: unknown[] = [];
    for (const q of quizOf('introduction')) {
      const question = page.locator(`fieldset[data-question="${q.id}"]`);
      const status = question.getByRole('status');
      const details = question.locator('details');
      for (const [j, c] of q.choix.entries()) {
        if (j === q.reponse) continue;
        await answer(question, c.texte);
        expect(flat(await status.textContent())).toBe(flat(`Ce n’est pas la bonne réponse. ${c.retour}`));
        expected.push({ chapter: 'introduction', question: q.id, correct: false });
      }
      // Focus stays on the button: the status line is announced, not focused.
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toMatch(/^Vérifier la réponse/);
      await details.evaluate((d: HTMLDetailsElement) => (d.open = false));
      await answer(question, q.choix[q.reponse]!.texte);
      expect(flat(await status.textContent())).toBe('Bonne réponse !');
      expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
      expect(flat(await details.innerText())).toContain(flat(q.explication));
      expected.push({ chapter: 'introduction', question: q.id, correct: true });
    }
    expect(await page.evaluate(() => (window as unknown as { answers: unknown[] }).answers)).toEqual(expected);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(chapters.filter((c) => c.slug !== 'introduction'))('quiz of $slug', ({ slug }) => {
  test('every wrong choice shows its own retour once checked', async () => {
    const { page, context, errors } = await openPage(browser, `${slug}/`);
    // Checked through the DOM, not clicked one by one: the same script runs, in a fraction of the time.
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].flatMap((question) =>
        [...question.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((input) => {
          input.click();
          question.querySelector<HTMLButtonElement>('.quiz-verifier')!.click();
          return {
            id: question.dataset['question'],
            texte: input.closest('label')!.textContent,
            status: question.querySelector('[role=status]')!.textContent,
          };
        }),
      ),
    );
    const byChoice = new Map(shown.map((s) => [`${s.id}/${flat(s.texte)}`, flat(s.status)]));
    for (const q of quizOf(slug))
      for (const [j, c] of q.choix.entries())
        expect(byChoice.get(`${q.id}/${flat(c.texte)}`), `${q.id}: « ${c.texte} »`).toBe(
          j === q.reponse ? 'Bonne réponse !' : flat(`Ce n’est pas la bonne réponse. ${c.retour}`),
        );
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('without JavaScript, the folded explanation holds every wrong choice with its retour', async () => {
  const { page, context } = await openPage(browser, 'pertes/', { javaScriptEnabled: false });
  for (const q of quizOf('pertes')) {
    const details = page.locator(`fieldset[data-question="${q.id}"] details`);
    await details.locator('summary').click();
    const text = flat(await details.innerText());
    for (const [j, c] of q.choix.entries())
      if (j !== q.reponse) expect(text, q.id).toContain(flat(`${c.texte} ${c.retour}`));
  }
  await context.close();
});
