/**
 * The reader's edits, kept in localStorage per block under `npn.code.<chapter>/<id>`. Every
 * access may throw (storage disabled, private mode, quota): callers learn it from the result.
 */
const PREFIX = 'npn.code.';

export function loadCode(runId: string): string | null {
  try {
    return localStorage.getItem(PREFIX + runId);
  } catch {
    return null;
  }
}

/** False when the browser refuses to keep it. */
export function saveCode(runId: string, code: string): boolean {
  try {
    localStorage.setItem(PREFIX + runId, code);
    return true;
  } catch {
    return false;
  }
}

export function clearCode(runId: string) {
  try {
    localStorage.removeItem(PREFIX + runId);
  } catch {
    // Nothing was kept, then.
  }
}

/** The block ids of `chapter` with kept edits. */
export function savedRunIds(chapter: string): string[] {
  try {
    const ids: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(`${PREFIX}${chapter}/`)) ids.push(key.slice(PREFIX.length));
    }
    return ids;
  } catch {
    return [];
  }
}

export function storageWorks(): boolean {
  try {
    const probe = `${PREFIX}__probe`;
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return true;
  } catch {
    return false;
  }
}
