// Finds the Chromium the browser tests and benches drive. No browser is downloaded (the machines
// reach only the npm registry and Debian's packages):
//   1. CHROMIUM_PATH, else Debian's `chromium` package (/usr/bin/chromium) where it is installed;
//   2. else the headless Chromium shipped inside the npm package `@sparticuz/chromium` (a
//      devDependency): it unpacks itself once into the system's temp folder (~2 s) and needs no root.
// Both give a software WebGPU adapter with --enable-unsafe-webgpu on an http://127.0.0.1 page.
import { existsSync } from 'node:fs';

const SYSTEM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

/** @returns {string | null} a Chromium installed on the system, if any */
export function findSystemChromium() {
  return SYSTEM_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * The browser to launch: the system's when there is one, else the bundled one, unpacked on
 * first use. `NPN_BROWSER=bundled` forces the bundled one (to time the suite on each).
 * @returns {Promise<{ executablePath: string, source: 'system' | 'bundled' }>}
 */
export async function findChromium() {
  const system = process.env.NPN_BROWSER === 'bundled' ? null : findSystemChromium();
  if (system) return { executablePath: system, source: 'system' };
  try {
    const { default: bundled } = await import('@sparticuz/chromium');
    return { executablePath: await bundled.executablePath(), source: 'bundled' };
  } catch (cause) {
    throw new Error(CHROMIUM_MISSING, { cause });
  }
}

export const CHROMIUM_MISSING = `No Chromium found (looked at: ${SYSTEM_CANDIDATES.join(', ')}),
and the Chromium bundled in the npm package @sparticuz/chromium could not be unpacked.
Run \`npm install\` again, or point CHROMIUM_PATH at a Chromium or Chrome binary
(Debian: apt-get install chromium).`;
