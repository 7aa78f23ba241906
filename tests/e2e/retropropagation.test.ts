/**
 * Chapter 6's islands driven by role and French name: "Rétropropagation pas à pas" (every step's
 * value against the reference engine, computed here with the same src/nn functions; "Vérifier";
 * editable numbers; a malformed link) and "Gradients qui s’évanouissent" (sigmoid with tiny
 * weights against ReLU with He, read from the island).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { hydrated, launchBrowser, openPage } from './browser';
import { backward, formatNumber, forward, get, type Gradients, type ForwardPass } from '../../src/nn';
import {
  chainExample,
  chainProblem,
  wideExample,
  wideProblem,
  type Problem,
} from '../../src/components/islands/backprop-pas/networks';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const stepper = (page: Page): Locator => page.getByRole('region', { name: 'Rétropropagation pas à pas' });
const gradients = (page: Page): Locator => page.getByRole('region', { name: 'Gradients qui s’évanouissent' });

/** What the engine says each symbol of a network is, independently of the island's step list. */
function expectedValues(p: Problem, wide: boolean): Record<string, number> {
  const pass: ForwardPass = forward(p.spec, p.weights, p.X);
  const g: Gradients = backward(p.spec, p.weights, pass, p.Y);
  const common = { L: g.loss, ŷ: get(pass.A[2]!, 0, 0), '∂L/∂ŷ': get(g.dA[2]!, 0, 0) };
  if (!wide)
    return {
      ...common,
      'z₁': get(pass.Z[0]!, 0, 0),
      'a₁': get(pass.A[1]!, 0, 0),
      'z₂': get(pass.Z[1]!, 0, 0),
      '∂L/∂z₂': get(g.dZ[1]!, 0, 0),
      '∂L/∂w₂': get(g.dW[1]!, 0, 0),
      '∂L/∂b₂': g.db[1]![0]!,
      '∂L/∂a₁': get(g.dA[1]!, 0, 0),
      '∂L/∂z₁': get(g.dZ[0]!, 0, 0),
      '∂L/∂w₁': get(g.dW[0]!, 0, 0),
      '∂L/∂b₁': g.db[0]![0]!,
    };
  const out: Record<string, number> = { ...common, '∂L/∂c': g.db[1]![0]! };
  for (const j of [0, 1]) {
    const s = ['₁', '₂'][j]!;
    out[`z${s}`] = get(pass.Z[0]!, 0, j);
    out[`a${s}`] = get(pass.A[1]!, 0, j);
    out[`∂L/∂v${s}`] = get(g.dW[1]!, j, 0);
    out[`∂L/∂a${s}`] = get(g.dA[1]!, 0, j);
    out[`∂L/∂z${s}`] = get(g.dZ[0]!, 0, j);
    out[`∂L/∂b${s}`] = g.db[0]![j]!;
    for (const i of [0, 1]) out[`∂L/∂w${['₁', '₂'][i]}${s}`] = get(g.dW[0]!, i, j);
  }
  return out;
}

/** Clicks "Étape suivante" until it is disabled; returns [symbol, value] of every step. */
async function stepThrough(demo: Locator): Promise<[string, number][]> {
  const next = demo.getByRole('button', { name: 'Étape suivante' });
  const seen: [string, number][] = [];
  while (await next.isEnabled()) {
    await next.click();
    const n = seen.length + 1;
    await expect.poll(() => demo.getByTestId('numero-etape').textContent()).toBe(String(n));
    const symbol = (await demo.getByTestId('symbole-etape').textContent())!;
    const value = Number(await demo.getByTestId('valeur-etape').getAttribute('data-valeur'));
    seen.push([symbol, value]);
  }
  return seen;
}

describe('Rétropropagation pas à pas', () => {
  test('stepping through the chain: every value, forward and backward, is the engine’s', async () => {
    const { page, context, errors } = await openPage(browser, 'retropropagation/');
    const demo = stepper(page);
    await hydrated(demo);
    const expected = expectedValues(chainProblem(chainExample), false);
    const seen = await stepThrough(demo);
    expect(seen.map(([s]) => s)).toEqual([
      'z₁',
      'a₁',
      'z₂',
      'ŷ',
      'L',
      '∂L/∂ŷ',
      '∂L/∂z₂',
      '∂L/∂w₂',
      '∂L/∂b₂',
      '∂L/∂a₁',
      '∂L/∂z₁',
      '∂L/∂w₁',
      '∂L/∂b₁',
    ]);
    for (const [symbol, value] of seen) expect(value, symbol).toBeCloseTo(expected[symbol]!, 14);
    // The displayed text is the value the French way.
    expect(await demo.getByTestId('valeur-etape').textContent()).toMatch(/^−0,0222$/);
    await expect.poll(() => page.url()).toContain('bp.etape=13');
    // Back one step, then start again, from the keyboard.
    const previous = demo.getByRole('button', { name: 'Étape précédente' });
    await previous.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => demo.getByTestId('symbole-etape').textContent()).toBe('∂L/∂w₁');
    await demo.getByRole('button', { name: 'Recommencer' }).press('Space');
    await expect.poll(() => demo.getByTestId('symbole-etape').count()).toBe(0);
    expect(await previous.isDisabled()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('"Vérifier" sets every gradient beside a centred difference: relative errors < 1e-6', async () => {
    const { page, context } = await openPage(browser, 'demo/retropropagation-pas-a-pas/');
    const demo = stepper(page);
    await hydrated(demo);
    await demo.getByRole('button', { name: 'Vérifier' }).click();
    const worst = demo.getByTestId('erreur-max');
    await worst.waitFor();
    expect(Number(await worst.getAttribute('data-valeur'))).toBeLessThan(1e-6);
    const rows = demo.getByTestId('erreur-relative');
    expect(await rows.count()).toBe(4);
    for (const r of await rows.all()) expect(Number(await r.getAttribute('data-valeur'))).toBeLessThan(1e-6);
    const analytic = Number(await demo.getByTestId('grad-analytique').first().getAttribute('data-valeur'));
    expect(analytic).toBeCloseTo(expectedValues(chainProblem(chainExample), false)['∂L/∂w₁']!, 14);
    await context.close();
  });

  test('the wider network: twenty steps, all the engine’s, and its nine gradients check out', async () => {
    const { page, context } = await openPage(browser, 'demo/retropropagation-pas-a-pas/');
    const demo = stepper(page);
    await hydrated(demo);
    await demo.getByRole('combobox', { name: 'Réseau' }).selectOption('large');
    await expect.poll(() => page.url()).toContain('bp.reseau=large');
    const expected = expectedValues(wideProblem(wideExample), true);
    const seen = await stepThrough(demo);
    expect(seen).toHaveLength(20);
    for (const [symbol, value] of seen) expect(value, symbol).toBeCloseTo(expected[symbol]!, 14);
    await demo.getByRole('button', { name: 'Vérifier' }).click();
    expect(await demo.getByTestId('erreur-relative').count()).toBe(9);
    expect(Number(await demo.getByTestId('erreur-max').getAttribute('data-valeur'))).toBeLessThan(1e-6);
    await context.close();
  });

  test('typed numbers recompute every step and go into the link: x = 0 leaves w₁ nothing to learn', async () => {
    const { page, context } = await openPage(browser, 'demo/retropropagation-pas-a-pas/?bp.etape=12');
    const demo = stepper(page);
    await hydrated(demo);
    await expect.poll(() => demo.getByTestId('symbole-etape').textContent()).toBe('∂L/∂w₁');
    await demo.getByRole('spinbutton', { name: 'Entrée x' }).fill('0');
    await expect.poll(() => page.url()).toContain('bp.x=0');
    await expect.poll(() => demo.getByTestId('valeur-etape').getAttribute('data-valeur')).toBe('0');
    const expected = expectedValues(chainProblem({ ...chainExample, x: 0 }), false);
    await demo.getByRole('button', { name: 'Étape suivante' }).click();
    const b1 = Number(await demo.getByTestId('valeur-etape').getAttribute('data-valeur'));
    expect(b1).toBeCloseTo(expected['∂L/∂b₁']!, 14);
    expect(b1).not.toBe(0);
    await context.close();
  });

  test('a malformed link falls back to the defaults with a French notice', async () => {
    const { page, context, errors } = await openPage(
      browser,
      'demo/retropropagation-pas-a-pas/?bp.w1=abc&bp.reseau=profond&bp.x=99',
    );
    const demo = stepper(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('invalides');
    for (const key of ['bp.w1', 'bp.reseau', 'bp.x']) expect(await notice.textContent()).toContain(key);
    // Written the French way, as the text around it (0,8).
    expect(await demo.getByRole('spinbutton', { name: 'Poids w₁' }).inputValue()).toBe(formatNumber(chainExample.w1));
    expect(await demo.getByRole('combobox', { name: 'Réseau' }).inputValue()).toBe('chaine');
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Waits for the island's result for these settings, then reads ‖dW‖ of each layer. */
async function norms(demo: Locator, key: string): Promise<number[]> {
  await expect.poll(() => demo.getByTestId('resultats').getAttribute('data-reglages'), { timeout: 30_000 }).toBe(key);
  const out: number[] = [];
  for (let l = 1; l <= 11; l++) out.push(Number(await demo.getByTestId(`norme-${l}`).getAttribute('data-valeur')));
  return out;
}

describe('Gradients qui s’évanouissent', () => {
  test('sigmoid with 0.01·N(0, 1): the first layer’s gradient is orders of magnitude below the last; ReLU with He: not', async () => {
    const { page, context, errors } = await openPage(browser, 'retropropagation/');
    const demo = gradients(page);
    await hydrated(demo);
    const tiny = await norms(demo, 'sigmoid/tiny/64/1');
    expect(tiny[0]! / tiny[10]!).toBeLessThan(1e-3);
    expect(Number(await demo.getByTestId('rapport').getAttribute('data-valeur'))).toBeCloseTo(tiny[0]! / tiny[10]!, 12);
    await demo.getByRole('combobox', { name: 'Activation' }).selectOption('relu');
    await demo.getByRole('combobox', { name: 'Initialisation' }).selectOption('he');
    await expect.poll(() => page.url()).toContain('grad.init=he');
    const he = await norms(demo, 'relu/he/64/1');
    expect(he[0]! / he[10]!).toBeGreaterThan(1e-2);
    expect(he[0]! / he[10]!).toBeLessThan(1e2);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a wider network is computed in chunks, with a progress indicator, without freezing the page', async () => {
    const { page, context } = await openPage(
      browser,
      'demo/gradients-evanescents/?grad.largeur=256&grad.act=tanh&grad.init=xavier',
    );
    const demo = gradients(page);
    await hydrated(demo);
    await norms(demo, 'tanh/xavier/256/1');
    // A new draw starts a new pass; watch the page for 1.5 s meanwhile: the frames keep coming
    // while the island reports its progress.
    await demo.getByRole('button', { name: 'Nouveau tirage' }).click();
    const watched = await page.evaluate(
      () =>
        new Promise<{ worst: number; progress: number[] }>((resolve) => {
          let last = performance.now();
          let worst = 0;
          const start = last;
          const progress = new Set<number>();
          const tick = () => {
            const now = performance.now();
            worst = Math.max(worst, now - last);
            last = now;
            const bar = document.querySelector<HTMLProgressElement>('#demo-gradients-evanescents progress');
            if (bar) progress.add(bar.value);
            if (now - start < 1500) requestAnimationFrame(tick);
            else resolve({ worst, progress: [...progress] });
          };
          requestAnimationFrame(tick);
        }),
    );
    const values = await norms(demo, 'tanh/xavier/256/2');
    expect(values.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    // Several intermediate counts were shown: the pass was spread over many frames…
    expect(watched.progress.filter((v) => v > 0 && v < 128).length).toBeGreaterThanOrEqual(3);
    // …and no frame waited long (a generous bound: this machine may be busy with other work).
    expect(watched.worst).toBeLessThan(1000);
    await context.close();
  });

  test('a malformed link falls back to the defaults with a French notice', async () => {
    const { page, context } = await openPage(browser, 'demo/gradients-evanescents/?grad.act=softplus&grad.largeur=500');
    const demo = gradients(page);
    await hydrated(demo);
    const notice = demo.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('grad.act');
    expect(await notice.textContent()).toContain('grad.largeur');
    expect(await demo.getByRole('combobox', { name: 'Activation' }).inputValue()).toBe('sigmoid');
    await norms(demo, 'sigmoid/tiny/64/1');
    await context.close();
  });
});

test('the chapter prints the build-time gradient check of softmax regression', async () => {
  const { page, context } = await openPage(browser, 'retropropagation/');
  const table = page.getByRole('table', { name: /Gradient de la régression softmax/ });
  expect(await table.getByRole('row').count()).toBe(10);
  await context.close();
});
