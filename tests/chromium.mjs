// Finds the Chromium the browser tests drive. No browser is downloaded (the machines reach only
// the npm registry and Debian's packages): Debian's `chromium` package is used.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

export function findChromium() {
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const CHROMIUM_MISSING = `No Chromium found (looked at: ${CANDIDATES.join(', ')}).
The browser tests drive Debian's Chromium. Install it with:
  sudo apt-get install -y chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary. (Playwright's own browser download
is not used: 'npx playwright install' cannot reach its servers from here.)`;
