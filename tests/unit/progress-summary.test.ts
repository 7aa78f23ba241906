/**
 * The words a chapter's progress is shown in (sidebar, home page's cards, chapter end): the
 * score counts the questions whose last checked answer was right, out of the quiz's length.
 */
import { expect, test } from 'vitest';
import { score, summary } from '../../src/components/progress/summary';
import type { Progress } from '../../src/components/progress/store';

const progress: Progress = {
  quiz: { neurone: { n: 12, r: { a: true, b: false, c: true } }, pertes: { n: 10, r: { a: false } } },
  done: { neurone: 1, reseaux: 1 },
};

test('a score counts the right answers out of all the questions, and is empty before any answer', () => {
  expect(score(progress, 'neurone')).toBe('2 sur 12');
  expect(score(progress, 'pertes')).toBe('0 sur 10');
  expect(score(progress, 'introduction')).toBe('');
});

test('a summary says « Terminé » and the quiz score, whichever there is, with a no-break space before « : »', () => {
  expect(summary(progress, 'neurone')).toBe('Terminé · Quiz\u00a0: 2 sur 12');
  expect(summary(progress, 'pertes')).toBe('Quiz\u00a0: 0 sur 10');
  expect(summary(progress, 'reseaux')).toBe('Terminé');
  expect(summary(progress, 'introduction')).toBe('');
});
