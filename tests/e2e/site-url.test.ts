/**
 * The site's public address: every built page's canonical link and the sitemap name the origin
 * the build was given (SITE) under its base, and no page names a placeholder host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { listPages } from './pages-list';
import { TEST_BASE, TEST_SITE } from '../site-build.mjs';

const root = inject('sitePath');
const pages = listPages();
const read = (path: string) => readFileSync(join(root, path, 'index.html'), 'utf8');

describe.each(pages)('page /%s', (path) => {
  test('its canonical link is its public address, and it names no placeholder host', () => {
    const html = read(path);
    expect(html).not.toMatch(/example\.(org|com)/);
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical).toBe(`${TEST_SITE}${TEST_BASE}${path}`);
  });
});

test('the sitemap lists every page at its public address', () => {
  const index = join(root, 'sitemap-index.xml');
  expect(existsSync(index)).toBe(true);
  const sitemap = readFileSync(join(root, 'sitemap-0.xml'), 'utf8');
  const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  for (const path of pages.filter((p) => p !== '404/')) expect(urls).toContain(`${TEST_SITE}${TEST_BASE}${path}`);
  expect(sitemap).not.toMatch(/example\.(org|com)/);
});
