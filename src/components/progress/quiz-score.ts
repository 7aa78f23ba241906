import { update } from './store';

/** What Quiz.astro's script dispatches on `document` each time the reader checks an answer. */
interface QuizAnswer {
  chapter: string;
  question: string;
  correct: boolean;
}

/** Keeps the last checked answer of each question of this chapter's quiz, which has `n` in all. */
export function recordQuiz(n: number, onChange: () => void): void {
  document.addEventListener('npn:quiz-answer', (e) => {
    const { chapter, question, correct } = (e as CustomEvent<QuizAnswer>).detail;
    const saved = update((p) => {
      const q = (p.quiz[chapter] ??= { n, r: {} });
      q.n = n;
      q.r[question] = correct;
    });
    if (saved) onChange();
  });
}
