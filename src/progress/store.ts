/**
 * Reading and writing progress in localStorage, behind the one schema. Stored data that is
 * corrupt, from another version or hand-edited never breaks a page: whatever entries are still
 * valid are kept, the rest is dropped with a notice, and the unreadable original is set aside
 * under its own key so nothing is silently lost. A write that fails (storage full, or saving not
 * allowed) is reported to the caller, never passed off as saved. Nothing here leaves the device.
 */
import { define, mergeProgress } from './merge.ts';
import { emptyProgress, finishedRunSchema, progressSchema, progressVersion, recordSections, type Progress, type RunInProgress } from './schema.ts';
import { storageKey } from './storage-key.ts';

export { storageKey };
/** Where an unreadable record is set aside (with the time after a colon), to recover by hand. */
export const setAsideKey = `${storageKey}:unreadable`;
/** Where a run that no longer replays is set aside, as `…:unplayable:<scenario id>:<time>`. */
export const unplayableKey = `${storageKey}:unplayable`;
const changeEvent = 'rcp:progress-change';

export interface LoadedProgress {
  readonly progress: Progress;
  /** Said to the reader when stored data could not be used as it was. */
  readonly notice?: string;
}

/** What became of a change: it is kept in this page either way, and on this device only if `saved`. */
export interface SaveOutcome {
  readonly progress: Progress;
  /** True only when the change was written to this browser's storage. */
  readonly saved: boolean;
  /** Why it was not saved, said to the reader. */
  readonly problem?: string;
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
      if (parsed.success) define(progress[section] as Record<string, unknown>, id, parsed.data);
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

/** Progress from parsed JSON: valid as it is, or salvaged, saying how much was dropped and whether it is from a newer version. */
function readProgress(data: unknown): { progress: Progress; dropped: number; newerVersion?: number } {
  const parsed = progressSchema.safeParse(data);
  if (parsed.success) return { progress: parsed.data, dropped: 0 };
  const version = (data as { version?: unknown } | null)?.version;
  return { ...salvage(data), ...(typeof version === 'number' && version > progressVersion ? { newerVersion: version } : {}) };
}

const entries = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

/** Reads progress from text as stored: valid as it is, or salvaged with a notice. */
export function parseProgress(text: string | null): LoadedProgress {
  if (text === null || text === '') return { progress: emptyProgress() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), notice: 'Your saved progress could not be read, so a fresh record was started. The old data was set aside on this device.' };
  }
  const { progress, dropped, newerVersion } = readProgress(data);
  if (newerVersion !== undefined) {
    return { progress, notice: `Your saved progress comes from a newer version of this course (version ${newerVersion}). What this version understands was kept; the rest was set aside on this device.` };
  }
  return { progress, notice: dropped > 0 ? `Some saved progress could not be read (${entries(dropped)}), so it was set aside. Everything else was kept.` : undefined };
}

/**
 * Whether an error from writing to storage means it is full. Browsers name it differently:
 * `QuotaExceededError` (code 22) in Chrome and Safari, where Safari's private windows also throw
 * it for any write, and `NS_ERROR_DOM_QUOTA_REACHED` (code 1014) in older Firefox.
 */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

/** What the reader is told when a write fails, by why it failed. */
const problems = {
  full: 'This browser’s storage for this site is full, so this was not saved on this device. Export your progress to keep a copy.',
  blocked: 'This browser does not allow this site to save, so this was not saved on this device. Export your progress to keep a copy.',
  keepingUnreadable:
    'This was not saved: your earlier saved progress could not be read and there was no room to set it aside, so it is left untouched until you download or delete it on My progress. Export your progress to keep a copy of what you do now.',
} as const;

/** Writes one item; says why not if it could not. */
function write(key: string, text: string): keyof typeof problems | undefined {
  try {
    localStorage.setItem(key, text);
    return undefined;
  } catch (error) {
    return isStorageFull(error) ? 'full' : 'blocked';
  }
}

let cache: LoadedProgress | undefined;
/** The stored text as this page last read or wrote it: anything else there now was written by another tab. */
let lastText: string | null | undefined;
/** True while this page holds changes it could not write (storage full): they are merged into what is stored, not dropped. */
let unsaved = false;
/**
 * True while the stored record is unreadable and could not be set aside (it is too big for the
 * room left): writing over it would lose it, so nothing is written until the reader deals with it.
 */
let keepingUnreadable = false;

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
  lastText = text;
  keepingUnreadable = false;
  if (cache.notice && text !== null) {
    if (write(`${setAsideKey}:${new Date().toISOString()}`, text)) {
      keepingUnreadable = true;
      cache = {
        progress: cache.progress,
        notice: 'Your saved progress could not be read as it was, and there is no room on this device to set it aside. It is left untouched, so nothing new will be saved until you download or delete it on My progress.',
      };
    } else {
      // If this fails too, nothing is lost: the original is already set aside.
      const mended = JSON.stringify(cache.progress);
      if (!write(storageKey, mended)) lastText = mended;
    }
  }
  return cache;
}

/**
 * Progress as stored now. Another tab may have written since this page read it (a reflection
 * saved on a module page while the group page was open): its record is the one to change, or
 * this page would write back its older copy over it. What this page could not save is merged in.
 */
function latestProgress(): Progress {
  const here = loadProgress().progress;
  if (keepingUnreadable) return here;
  let text: string | null;
  try {
    text = localStorage.getItem(storageKey);
  } catch {
    return here;
  }
  if (text === lastText) return here;
  // Read afresh, as on load: anything unreadable is set aside first.
  cache = undefined;
  const stored = loadProgress().progress;
  return unsaved ? mergeProgress(stored, here) : stored;
}

/**
 * Changes progress and saves it, reading what is stored first and changing that (never this
 * page's older copy), so a change in one tab never erases another tab's; every open island hears of it.
 */
export function updateProgress(change: (progress: Progress) => Progress): SaveOutcome {
  const progress = change(latestProgress());
  // Kept in memory either way, so the page goes on working and an export includes the change.
  cache = { progress };
  const text = JSON.stringify(progress);
  const problem = keepingUnreadable ? 'keepingUnreadable' : write(storageKey, text);
  unsaved = problem !== undefined;
  if (!problem) lastText = text;
  window.dispatchEvent(new CustomEvent(changeEvent));
  return problem ? { progress, saved: false, problem: problems[problem] } : { progress, saved: true };
}

/** Replaces all progress (an import), or clears it. */
export function replaceProgress(progress: Progress): SaveOutcome {
  return updateProgress(() => progress);
}

/** Something set aside on this device: an unreadable record or a run that no longer replays. */
export interface SetAside {
  readonly key: string;
  readonly kind: 'unreadable' | 'unplayable';
  /** When it was set aside, if the key says. */
  readonly setAsideAt?: string;
  /** For a run, the scenario it belongs to. */
  readonly scenarioId?: string;
}

/**
 * Everything set aside on this device, oldest first, and the stored record itself while it is
 * unreadable and could not be set aside.
 */
export function setAsideItems(): SetAside[] {
  const items: SetAside[] = keepingUnreadable ? [{ key: storageKey, kind: 'unreadable' }] : [];
  const keys: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) keys.push(localStorage.key(i)!);
  } catch {
    return items;
  }
  for (const key of keys.sort()) {
    if (key === setAsideKey || key.startsWith(`${setAsideKey}:`)) {
      items.push({ key, kind: 'unreadable', ...(key.length > setAsideKey.length ? { setAsideAt: key.slice(setAsideKey.length + 1) } : {}) });
    } else if (key.startsWith(`${unplayableKey}:`)) {
      // `<scenario id>:<time>`; scenario ids never contain a colon.
      const rest = key.slice(unplayableKey.length + 1);
      const colon = rest.indexOf(':');
      items.push({ key, kind: 'unplayable', scenarioId: rest.slice(0, colon), setAsideAt: rest.slice(colon + 1) });
    }
  }
  return items;
}

/** The text kept under a set-aside item's key, to download. */
export function setAsideText(item: SetAside): string {
  return localStorage.getItem(item.key) ?? '';
}

/**
 * Deletes something set aside, at the reader's request. Deleting the unreadable stored record
 * itself lets this page's progress be saved over it at once.
 */
export function deleteSetAside(item: SetAside): SaveOutcome {
  if (item.key !== storageKey) {
    localStorage.removeItem(item.key);
    window.dispatchEvent(new CustomEvent(changeEvent));
    return { progress: loadProgress().progress, saved: true };
  }
  // The reader chose to delete it: free its room first, then save this page's progress in its place.
  localStorage.removeItem(storageKey);
  keepingUnreadable = false;
  return updateProgress((progress) => progress);
}

/**
 * Sets a run in progress aside under its own key, because the scenario no longer offers its
 * choices (it changed, or the record was edited), and takes it out of progress. If there is no
 * room to set it aside, it is left where it was and the outcome says so.
 */
export function setAsideUnplayableRun(scenarioId: string): SaveOutcome {
  const saved = loadProgress().progress.inProgress[scenarioId];
  if (!saved) return { progress: loadProgress().progress, saved: true };
  const problem = write(`${unplayableKey}:${scenarioId}:${new Date().toISOString()}`, JSON.stringify({ scenarioId, ...saved } satisfies RunInProgress & { scenarioId: string }));
  if (problem) return { progress: loadProgress().progress, saved: false, problem: problems[problem] };
  return updateProgress((progress) => {
    const { [scenarioId]: _setAside, ...others } = progress.inProgress;
    return { ...progress, inProgress: others };
  });
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

/** The largest file an import reads: a browser keeps about 5 MB for a site, so a larger file could not be kept anyway. */
export const maxImportBytes = 5 * 1024 * 1024;

/** Why a file is too large to import, or undefined: said before reading it, as a 20 MB file froze the page for half a minute. */
export function importTooLarge(bytes: number): string | undefined {
  if (bytes <= maxImportBytes) return undefined;
  return `That file is ${(bytes / 1024 / 1024).toFixed(1)} MB, more than this browser can keep (about 5 MB): it is not a progress export from this course, or it was changed. Choose a file saved with "Export progress".`;
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
  const { progress, dropped, newerVersion } = readProgress(data);
  if (newerVersion !== undefined) return { ok: true, progress, notice: `This file comes from a newer version of this course (version ${newerVersion}): only what this version understands can be imported.` };
  return { ok: true, progress, ...(dropped > 0 ? { notice: `Some of this file could not be read (${entries(dropped)}); everything else in it can be imported.` } : {}) };
}
