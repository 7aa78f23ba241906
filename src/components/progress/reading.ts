import { update } from './store';

/**
 * Keeps where the reader is in `chapter`: the chapter on opening, then the last heading that
 * entered the top third of the window, scrolling down or back up. An IntersectionObserver costs
 * nothing between those crossings, unlike a scroll listener.
 */
export function recordReading(chapter: string): void {
  update((p) => (p.last = { c: chapter }));
  const seen = new IntersectionObserver(
    (entries) => {
      const h = entries.filter((e) => e.isIntersecting).pop()?.target;
      if (h) update((p) => (p.last = { c: chapter, h: h.id, t: h.textContent! }));
    },
    { rootMargin: '0px 0px -66% 0px' },
  );
  for (const h of document.querySelectorAll('.sl-markdown-content h2[id], .sl-markdown-content h3[id]'))
    seen.observe(h);
}
