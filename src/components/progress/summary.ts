import type { Progress } from './store';

/**
 * A chapter's quiz score, « 7 sur 10 », or '' before any answer. It counts the questions whose
 * last checked answer was right: a reader who tries again and gets it right sees it rise, as the
 * quiz is there to learn, not to grade.
 */
export function score(p: Progress, slug: string): string {
  const q = p.quiz[slug];
  return q ? `${Object.values(q.r).filter(Boolean).length} sur ${q.n}` : '';
}

/**
 * A chapter's progress in words, for the sidebar and the home page's cards: « Terminé · Quiz : 7
 * sur 10 », « Quiz : 3 sur 10 », « Terminé », or '' when there is nothing yet.
 */
export function summary(p: Progress, slug: string): string {
  const s = score(p, slug);
  return [p.done[slug] && 'Terminé', s && `Quiz\u00a0: ${s}`].filter(Boolean).join(' · ');
}
