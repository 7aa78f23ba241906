/**
 * The progress script, which every page loads (Footer.astro), so kept tiny and in one file: it
 * writes each chapter's progress beside its links; on a chapter page, it keeps the quiz answers,
 * the reading position and the « terminé » box; on the home page, it fills the « Reprendre » block.
 */
import { read } from './store';
import { mark } from './marks';
import { finishBox, showScore } from './finish';
import { recordQuiz } from './quiz-score';
import { recordReading } from './reading';
import { resume } from './resume';

const box = document.querySelector<HTMLElement>('.npn-fin');
const home = document.querySelector<HTMLElement>('.npn-progression');
const refresh = () => {
  const p = read();
  if (p) {
    mark(p);
    if (box) showScore(box, p);
  }
};
if (home) resume(home, read());
if (box) {
  const chapter = box.dataset['chapitre']!;
  finishBox(box, chapter, read(), refresh);
  recordReading(chapter);
  recordQuiz(Number(box.dataset['total']), refresh);
}
refresh();
