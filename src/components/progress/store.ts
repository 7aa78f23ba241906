/**
 * The reader's progress, kept in this browser only: one localStorage entry, never sent anywhere.
 * Every change reads it afresh first, so that two open tabs add to each other instead of
 * overwriting what the other one saved.
 */
export interface Progress {
  /** Quiz results per chapter: `n` questions in all, `r`: question id → whether its last checked answer was right. */
  quiz: Record<string, { n: number; r: Record<string, boolean> }>;
  /** The chapters the reader marked as finished. */
  done: Record<string, 1>;
  /** Where the reader last was: the chapter's slug, and the id and text of the last heading passed. */
  last?: { c: string; h?: string; t?: string };
}

const KEY = 'npn-progression';

/** The saved progress (empty when there is none or it is unreadable); null when the browser refuses storage. */
export function read(): Progress | null {
  let p;
  try {
    p = localStorage.getItem(KEY);
  } catch {
    return null;
  }
  try {
    p = JSON.parse(p!);
  } catch {
    // A hand-edited or truncated entry: start afresh rather than break every page.
  }
  return { quiz: {}, done: {}, ...p };
}

/** Applies `change` to the saved progress and saves it; false when storage is refused (or full). */
export function update(change: (p: Progress) => void): boolean {
  const p = read();
  if (!p) return false;
  change(p);
  try {
    localStorage.setItem(KEY, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

/** Forgets everything. */
export function erase(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Refused storage holds nothing to erase.
  }
}
