/**
 * The address a printed island points to: its demo page (/demo/<id>/), on the public site when
 * the build knows it (astro.config `site`), with the island's settings when they are known.
 */

/**
 * `permalink` is the island's own link (chapter page, its settings in the query): its query is
 * kept. Null (at build time, where no page URL exists) gives the demo page as it opens. Returns
 * null when no origin is known (a build without `site`, before the page runs).
 */
export function demoLink(id: string, permalink: string | null): string | null {
  const origin = import.meta.env.SITE || (typeof location === 'undefined' ? null : location.origin);
  if (!origin) return null;
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const url = new URL(`${base}demo/${id}/`, origin);
  if (permalink) url.search = new URL(permalink).search;
  return url.href;
}

/** What a reader can type: host and path, no scheme, no settings (the QR code carries those). */
export function shortLink(href: string): string {
  const url = new URL(href);
  return `${url.host}${url.pathname}`;
}
