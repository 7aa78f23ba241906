import { erase, type Progress } from './store';

/**
 * The home page's progress block (Resume.astro): « Reprendre » to the last heading passed, and
 * « Effacer ma progression », after a confirmation, which also clears the cards' marks. When
 * the browser refuses storage (`p` null), the block shows its notice instead.
 */
export function resume(block: HTMLElement, p: Progress | null): void {
  const [link, refused, button, status] = block.children as unknown as HTMLElement[];
  const titles = JSON.parse(block.dataset['titres']!);
  // A position in a chapter that no longer exists (renamed) is forgotten, not shown as « undefined ».
  const last = p?.last && titles[p.last.c] ? p.last : undefined;
  block.hidden = !!p && !last && !Object.keys(p.done).length && !Object.keys(p.quiz).length;
  refused!.hidden = !!p;
  button!.hidden = !p;
  if (last) {
    link!.hidden = false;
    (link as HTMLAnchorElement).href = `${import.meta.env.BASE_URL}${last.c}/${last.h ? `#${last.h}` : ''}`;
    // U+202F inside « » (this text never goes through the build's typography).
    link!.lastElementChild!.textContent = titles[last.c] + (last.t ? `, «\u202f${last.t}\u202f»` : '');
  }
  button!.onclick = () => {
    if (!confirm(button!.dataset['confirmer'])) return;
    erase();
    for (const m of document.querySelectorAll('.npn-marque')) m.remove();
    link!.hidden = button!.hidden = true;
    status!.firstElementChild!.toggleAttribute('hidden');
  };
}
