import type { Progress } from './store';
import { summary } from './summary';

/**
 * Writes each chapter's progress as text under its link, in the sidebar and on the home page's
 * cards (found by their href, whose last segment is the chapter's slug). Text, so that it does
 * not rest on colour and screen readers say it as part of the link; the ✓ of a finished chapter
 * is CSS content with empty alternative text (Footer.astro).
 */
export function mark(p: Progress): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#starlight__sidebar a, .sl-link-card a')) {
    const slug = a.pathname.split('/').at(-2)!;
    const text = summary(p, slug);
    let m = a.querySelector<HTMLElement>('.npn-marque');
    if (!text) {
      m?.remove();
      continue;
    }
    m ??= a.appendChild(document.createElement('span'));
    m.className = p.done[slug] ? 'npn-marque npn-fait' : 'npn-marque';
    // The space keeps the link's accessible name from gluing the title to the progress.
    m.textContent = ` ${text}`;
  }
}
