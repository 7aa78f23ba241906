/**
 * French typography on every page Astro renders (at build time for this static site, and in
 * `astro dev`): a no-break space before ; : ! ? % and », after « (src/markdown/).
 *
 * Why here and not in the MDX pipeline: a page's text also comes from components the MDX
 * pipeline never sees (the quiz, the glossary, Starlight's sidebar, page titles and <title>,
 * the demo catalogue), and this is the one place all of it passes through. Strings that islands
 * render in the browser cannot be fixed here: they are written correctly in their source
 * (tests/unit/typography-sources.test.ts checks them).
 */
import { defineMiddleware } from 'astro:middleware';
import { frenchTypographyHtml } from './markdown/french-typography-html.mjs';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.includes('text/html')) return response;
  const html = frenchTypographyHtml(await response.text());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
