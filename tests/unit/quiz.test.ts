/**
 * A quiz must not give its answers away. In the order the reader sees (choices shuffled at build
 * time by src/components/quiz-order.ts), no place holds the right answer in more than 40 % of a
 * chapter's questions; and, whatever the order, the right answer is the longest choice (ties
 * included) in at most half of them. The shuffle keeps every choice and the right answer, and is
 * the same at every build.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { chapters } from '../../src/chapters.mjs';
import { quizSchema, type QuizChoice, type QuizQuestion } from '../../src/content/schemas';
import { orderChoices } from '../../src/components/quiz-order';

const quizOf = (slug: string) =>
  quizSchema.parse(parse(readFileSync(`src/content/quiz/${slug}.yaml`, 'utf8'))).questions;
const length = (c: QuizChoice) => [...c.texte].length;
const byText = (a: QuizChoice, b: QuizChoice) => a.texte.localeCompare(b.texte);

describe.each(chapters)('quiz of $slug', ({ slug }) => {
  const questions = quizOf(slug);
  const seen = orderChoices(slug, questions);

  test('the reader sees every choice once, and « Réponse » shows the right one', () => {
    seen.forEach((q, i) => {
      const written = questions[i]!;
      expect(q.id).toBe(written.id);
      expect([...q.choix].sort(byText)).toEqual([...written.choix].sort(byText));
      expect(q.choix[q.reponse]).toEqual(written.choix[written.reponse]);
    });
  });

  test('no place holds the right answer in more than 40 % of the questions', () => {
    const perPlace = [0, 0, 0, 0, 0, 0];
    for (const q of seen) perPlace[q.reponse]! += 1;
    expect(Math.max(...perPlace), `right answers per place: ${perPlace.join(', ')}`).toBeLessThanOrEqual(
      0.4 * questions.length,
    );
  });

  test('the right answer is the longest choice in at most half of the questions', () => {
    const isLongest = (q: QuizQuestion) => q.choix.every((c) => length(c) <= length(q.choix[q.reponse]!));
    const longest = questions.filter(isLongest).map((q) => q.id);
    expect(longest.length, `longest right answers: ${longest.join(', ')}`).toBeLessThanOrEqual(questions.length / 2);
  });
});

test('the order is the same at every build, and a reworded question keeps its order', () => {
  const questions = quizOf('retropropagation');
  expect(orderChoices('retropropagation', questions)).toEqual(orderChoices('retropropagation', questions));
  const reworded = questions.map((q) => ({ ...q, question: `${q.question} (reformulée)`, explication: 'autre' }));
  expect(orderChoices('retropropagation', reworded).map((q) => q.choix)).toEqual(
    orderChoices('retropropagation', questions).map((q) => q.choix),
  );
});

test('the order follows the question ids: other ids give another order', () => {
  const questions = quizOf('neurone');
  const renamed = questions.map((q) => ({ ...q, id: `${q.id}-bis` }));
  expect(orderChoices('neurone', renamed).map((q) => q.choix)).not.toEqual(
    orderChoices('neurone', questions).map((q) => q.choix),
  );
});

test('every wrong choice says why it is wrong (`retour`), and the right one does not', () => {
  for (const { slug } of chapters)
    for (const q of quizOf(slug))
      q.choix.forEach((c, j) => expect(c.retour === undefined, `${slug}/${q.id}, choice ${j}`).toBe(j === q.reponse));
});

test('a wrong choice without `retour` is rejected, naming it in French; so is a `retour` on the right one', () => {
  const data = parse(readFileSync('src/content/quiz/neurone.yaml', 'utf8')) as {
    questions: { reponse: number; choix: { texte: string; retour?: string }[] }[];
  };
  const q = data.questions[2]!;
  const wrong = q.reponse === 0 ? 1 : 0;
  delete q.choix[wrong]!.retour;
  q.choix[q.reponse]!.retour = 'Une ligne qui n’a rien à faire ici.';
  const r = quizSchema.safeParse(data);
  expect(r.success).toBe(false);
  const issues = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
  expect(issues).toContainEqual([
    `questions.2.choix.${wrong}.retour`,
    expect.stringMatching(/^le choix «\u202f.+\u202f» est faux mais n’a pas de `retour`/u),
  ]);
  expect(issues).toContainEqual([
    `questions.2.choix.${q.reponse}.retour`,
    expect.stringMatching(/^la bonne réponse «\u202f.+\u202f» ne prend pas de `retour`/u),
  ]);
});

test('a misspelt key in a choice is reported, not dropped', () => {
  const data = parse(readFileSync('src/content/quiz/neurone.yaml', 'utf8')) as {
    questions: { choix: Record<string, string>[] }[];
  };
  const c = data.questions[0]!.choix[0]!;
  c['retours'] = c['retour']!;
  delete c['retour'];
  expect(quizSchema.safeParse(data).error?.issues.map((i) => i.path.join('.'))).toContain('questions.0.choix.0');
});

test('a quiz whose two questions share an id is rejected, naming the second', () => {
  const data = parse(readFileSync('src/content/quiz/neurone.yaml', 'utf8')) as { questions: { id: string }[] };
  data.questions[3]!.id = data.questions[1]!.id;
  const r = quizSchema.safeParse(data);
  expect(r.success).toBe(false);
  expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('questions.3.id');
});
