/**
 * Content checks that need no build: every chapter of src/chapters.mjs has its MDX file with
 * coherent frontmatter; a finished chapter has objectives, an island, "À retenir" and a valid
 * quiz; every demo of the catalogue has its standalone page. Schemas reject bad input and name
 * the field.
 */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { chapters } from '../../src/chapters.mjs';

const read = (p: string) => readFileSync(p, 'utf8');
const frontmatter = (mdx: string) => parse(mdx.split(/^---$/m)[1] ?? '') as Record<string, unknown>;

describe.each(chapters)('chapter $order $slug', ({ slug, order, title }) => {
  const path = `src/content/docs/${slug}.mdx`;
  test('has its MDX file, with the order and title of src/chapters.mjs and objectives', () => {
    expect(existsSync(path)).toBe(true);
    const fm = frontmatter(read(path));
    expect(fm['order']).toBe(order);
    expect(fm['title']).toBe(title);
    expect((fm['objectives'] as string[]).length).toBeGreaterThanOrEqual(3);
  });

  test('once finished, has an island, "À retenir" and a quiz of 8 to 15 questions', () => {
    const mdx = read(path);
    if (frontmatter(mdx)['status'] === 'en-preparation') {
      expect(mdx).toContain('Chapitre en préparation');
      return;
    }
    expect(mdx).toMatch(/client:visible/);
    expect(mdx).toMatch(/^## À retenir$/m);
    expect(mdx).toContain(`<Quiz chapitre="${slug}" />`);
    const quiz = parse(read(`src/content/quiz/${slug}.yaml`)) as { chapitre: string; questions: unknown[] };
    expect(quiz.chapitre).toBe(slug);
    expect(quiz.questions.length).toBeGreaterThanOrEqual(8);
    expect(quiz.questions.length).toBeLessThanOrEqual(15);
  });
});

test('the neuron chapter is finished (the vertical slice every chapter copies)', () => {
  expect(frontmatter(read('src/content/docs/neurone.mdx'))['status']).not.toBe('en-preparation');
});

test('every demo of the catalogue has a line in the standalone demo page', () => {
  const demos = parse(read('src/content/demos.yaml')) as { id: string; chapitre: string }[];
  const page = read('src/pages/demo/[id].astro');
  expect(demos.length).toBeGreaterThanOrEqual(2);
  for (const d of demos) {
    expect(page).toContain(`demo.id === '${d.id}'`);
    expect(chapters.map((c) => c.slug)).toContain(d.chapitre);
  }
});

test('MDX links never start with "/" (the site may live under a sub-path)', () => {
  for (const { slug } of chapters) {
    const mdx = read(`src/content/docs/${slug}.mdx`);
    expect(mdx).not.toMatch(/\]\(\/[^)]*\)/);
    expect(mdx).not.toMatch(/href="\/[^"]*"/);
  }
});
