/**
 * Reading and writing progress in localStorage, behind the one schema. Stored data that is
 * corrupt, from another version or hand-edited never breaks a page: whatever entries are still
 * valid are kept, the rest is dropped with a notice, and the unreadable original is set aside
 * under its own key so nothing is silently lost. Nothing here ever leaves the device.
 */
import { emptyProgress, finishedRunSchema, progressSchema, progressVersion, recordSections, type Progress } from './schema.ts';

export const storageKey = 'recovery-coach-practice:progress';
/** Where an unreadable record is set aside, in case someone wants to recover it by hand. */
export const setAsideKey = `${storageKey}:unreadable`;
const changeEvent = 'rcp:progress-change';

export interface LoadedProgress {
  readonly progress: Progress;
  /** Said to the reader when stored data could not be used as it was. */
  readonly notice?: string;
}

/** Keeps what is valid in any object that looks like a progress record; says what was dropped. */
export function salvage(data: unknown): { progress: Progress; dropped: number } {
  const progress = emptyProgress();
  let dropped = 0;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { progress, dropped: 1 };
  const source = data as Record<string, unknown>;
  for (const [section, schema] of Object.entries(recordSections) as Array<[keyof typeof recordSections, (typeof recordSections)[keyof typeof recordSections]]>) {
    const entries = source[section];
    if (entries === undefined) continue;
    if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) {
      dropped++;
      continue;
    }
    for (const [id, entry] of Object.entries(entries)) {
      const parsed = schema.safeParse(entry);
      if (parsed.success) (progress[section] as Record<string, unknown>)[id] = parsed.data;
      else dropped++;
    }
  }
  if (Array.isArray(source.runs)) {
    for (const run of source.runs) {
      const parsed = finishedRunSchema.safeParse(run);
      if (parsed.success) progress.runs.push(parsed.data);
      else dropped++;
    }
  } else if (source.runs !== undefined) dropped++;
  return { progress, dropped };
}

/** Reads progress from text as stored or exported: valid as it is, or salvaged with a notice. */
export function parseProgress(text: string | null): LoadedProgress {
  if (text === null || text === '') return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), notice: 'Your saved progress could not be read, so a fresh record was started. The old data was set aside on this device.' };
  }
  const parsed = progressSchema.safeParse(data);
  if (parsed.success) return { progress: parsed.data };
  const version = (data as { version?: unknown } | null)?.version;
  const { progress, dropped } = salvage(data);
  if (typeof version === 'number' && version > progressVersion) {
    return { progress, notice: `Your saved progress comes from a newer version of this course (version ${version}). What this version understands was kept; the rest was set aside on this device.` };
  }
  return {
    progress,
    notice: dropped > 0 ? `Some saved progress could not be read (${dropped} ${dropped === 1 ? 'entry' : 'entries'}), so it was set aside. Everything else was kept.` : undefined,
  };
}

let cache: LoadedProgress | undefined;

/** The progress kept in this browser. A notice, if any, is given once per page. */
export function loadProgress(): LoadedProgress {
  if (typeof localStorage === 'undefined') return { progress: emptyProgress() }; // rendering on the server
  if (cache) return cache;
  let text: string | null = null;
  try {
    text = localStorage.getItem(storageKey);
  } catch {
    cache = { progress: emptyProgress(), notice: 'This browser does not allow saving, so your progress will last only while this page is open.' };
    return cache;
  }
  cache = parseProgress(text);
  if (cache.notice && text !== null) {
    try {
      localStorage.setItem(setAsideKey, text);
      localStorage.setItem(storageKey, JSON.stringify(cache.progress));
    } catch {
      // Storage full or blocked: the page still works with the salvaged record in memory.
    }
  }
  return cache;
}

/** Changes progress and saves it; every open island hears of the change. */
export function updateProgress(change: (progress: Progress) => Progress): Progress {
  const next = change(loadProgress().progress);
  cache = { progress: next };
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Kept in memory for this page only.
  }
  window.dispatchEvent(new CustomEvent(changeEvent));
  return next;
}

/** Replaces all progress (an import), or clears it. */
export function replaceProgress(progress: Progress): void {
  updateProgress(() => progress);
}

/** Calls `listener` when progress changes in this tab or another one. */
export function onProgressChange(listener: () => void): () => void {
  const fromStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    cache = undefined;
    listener();
  };
  window.addEventListener(changeEvent, listener);
  window.addEventListener('storage', fromStorage);
  return () => {
    window.removeEventListener(changeEvent, listener);
    window.removeEventListener('storage', fromStorage);
  };
}

/** Progress as a JSON file's contents, for export. */
export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/**
 * Reads an exported file for import. A file that is not a progress record at all is refused with
 * reasons; one with some unreadable entries is accepted with what is valid, and says so.
 */
export function importProgress(text: string): { ok: true; progress: Progress; notice?: string } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'That file is not a progress export: it is not JSON. Choose a file saved with "Export progress".' };
  }
  if (data === null || typeof data !== 'object' || !('version' in data)) {
    return { ok: false, reason: 'That file is not a progress export: it has no version. Choose a file saved with "Export progress".' };
  }
  const loaded = parseProgress(text);
  return { ok: true, progress: loaded.progress, ...(loaded.notice ? { notice: loaded.notice.replace('saved progress', 'file') } : {}) };
}
