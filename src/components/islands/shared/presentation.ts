/**
 * Presentation mode of an island: its section fills the screen (Fullscreen API) or, when the
 * browser refuses or offers no fullscreen (an iframe without allowfullscreen, an old phone), the
 * whole window. The look is CSS keyed on `data-presentation` (presentation.css); this module only
 * enters, leaves, and keeps the keyboard inside the island while it covers the page.
 */

/** How the island covers the screen: the real fullscreen, or a fixed view over the page. */
export type PresentationMode = 'plein-ecran' | 'fenetre';

/** Marks the controls that fold into the side panel in presentation mode (one per island). */
export const PANEL_CLASS = 'presentation-panneau';

/** Tries the real fullscreen first; any refusal falls back to the full-window view. */
export async function enterPresentation(island: HTMLElement): Promise<PresentationMode> {
  if (document.fullscreenEnabled && typeof island.requestFullscreen === 'function') {
    try {
      await island.requestFullscreen({ navigationUI: 'hide' });
      return 'plein-ecran';
    } catch {
      // refused (no user gesture, permissions policy): the window view still serves the class
    }
  }
  // The window view goes to the top layer as a manual popover, above the site's header whatever
  // the stacking contexts around the island (a z-index alone stays inside them).
  if (typeof island.showPopover === 'function') {
    island.popover = 'manual';
    island.showPopover();
  }
  return 'fenetre';
}

/** Leaves the fullscreen if this island holds it, or the top layer of the window view. */
export async function leavePresentation(island: HTMLElement): Promise<void> {
  if (island.popover) {
    if (island.matches(':popover-open')) island.hidePopover();
    island.removeAttribute('popover');
  }
  if (document.fullscreenElement === island) await document.exitFullscreen().catch(() => undefined);
}

/** True when the browser itself left the fullscreen (Échap, F11, another element took it). */
export const lostFullscreen = (island: HTMLElement) => document.fullscreenElement !== island;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The island's visible focusable elements, in tab order (hidden panel contents excluded). */
function focusables(island: HTMLElement): HTMLElement[] {
  return [...island.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

/**
 * While the island covers the page, Tab past its last control comes back to its first (and
 * Shift+Tab the other way), instead of reaching links hidden under it; Échap leaves the window
 * view (the browser handles it for the real fullscreen). Returns the function that removes this.
 */
export function holdKeyboard(island: HTMLElement, leave: () => void): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      leave();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusables(island);
    if (!items.length) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    const outside = !(active instanceof Node) || !island.contains(active);
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
