import { update, type Progress } from './store';
import { score } from './summary';

/**
 * The chapter end's box (Finish.astro): « J’ai terminé ce chapitre », ticked by the reader
 * rather than inferred from the quiz, since a reader may finish a chapter and skip its quiz, or
 * try the quiz first; then the quiz score (showScore). When the browser refuses storage (`p`
 * null), the box says so instead.
 */
export function finishBox(box: HTMLElement, chapter: string, p: Progress | null, onChange: () => void): void {
  const input = box.querySelector('input')!;
  box.hidden = false;
  if (!p) {
    input.parentElement!.hidden = true;
    box.querySelector('p')!.hidden = false;
    return;
  }
  input.checked = !!p.done[chapter];
  input.onchange = () => {
    update((p) => (input.checked ? (p.done[chapter] = 1) : delete p.done[chapter]));
    onChange();
  };
}

/** The box's last line, « Votre score au quiz : 7 sur 10. », once the reader has answered. */
export function showScore(box: HTMLElement, p: Progress): void {
  const line = box.lastElementChild as HTMLElement;
  line.hidden = !(line.firstElementChild!.textContent = score(p, box.dataset['chapitre']!));
}
