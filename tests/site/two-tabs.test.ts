// @vitest-environment jsdom
/**
 * Two tabs, one store (the audit of issue 19): a page that changes progress reads what is stored
 * first, so it never writes back its older copy over another tab's change; and imported entries
 * named like a property of every object are kept, not lost.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mergeProgress, previewImport } from '../../src/progress/merge.ts';
import { emptyProgress, type Progress } from '../../src/progress/schema.ts';

type Store = typeof import('../../src/progress/store.ts');
let store: Store;
const key = 'recovery-coach-practice:progress';
const reflection = (text: string, savedAt: string) => ({ text, savedAt });

beforeEach(async () => {
  localStorage.clear();
  vi.resetModules();
  store = await import('../../src/progress/store.ts');
});

describe('a change in one tab', () => {
  it('keeps what another tab saved since this page read progress (the audit: a reflection erased by the group page)', () => {
    // This page (the group page, say) reads progress when it opens.
    expect(store.loadProgress().progress.reflections).toEqual({});
    // Another tab saves a reflection.
    const other: Progress = { ...emptyProgress(), reflections: { 'mi-oars/righting-reflex': reflection('I jump in to fix things.', '2026-05-01T10:00:00.000Z') } };
    localStorage.setItem(key, JSON.stringify(other));
    // This page then starts a group run.
    const outcome = store.updateProgress((progress) => ({ ...progress, modules: { ...progress.modules, 'mi-oars': { completedAt: '2026-05-01T10:05:00.000Z' } } }));
    expect(outcome.saved).toBe(true);
    const stored = JSON.parse(localStorage.getItem(key)!) as Progress;
    expect(Object.keys(stored.reflections)).toEqual(['mi-oars/righting-reflex']);
    expect(Object.keys(stored.modules)).toEqual(['mi-oars']);
  });

  it('keeps what this page could not save (storage full) when it saves again after another tab wrote', () => {
    store.loadProgress();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementationOnce(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(store.updateProgress((progress) => ({ ...progress, reflections: { a: reflection('Mine', '2026-05-01T10:00:00.000Z') } })).saved).toBe(false);
    setItem.mockRestore();
    localStorage.setItem(key, JSON.stringify({ ...emptyProgress(), reflections: { b: reflection('Theirs', '2026-05-01T10:01:00.000Z') } }));
    expect(store.updateProgress((progress) => progress).saved).toBe(true);
    expect(Object.keys((JSON.parse(localStorage.getItem(key)!) as Progress).reflections).sort()).toEqual(['a', 'b']);
  });
});

describe('imports with entries named like properties of every object', () => {
  it('merges `toString` and `constructor` as entries, and previews them as new', () => {
    const there: Progress = { ...emptyProgress(), reflections: { toString: reflection('One', '2026-05-01T10:00:00.000Z'), constructor: reflection('Two', '2026-05-01T10:00:00.000Z') } };
    expect(previewImport(emptyProgress(), there).added.reflections).toBe(2);
    const merged = mergeProgress(emptyProgress(), there);
    expect(JSON.parse(JSON.stringify(merged)).reflections).toEqual(there.reflections);
  });

  it('refuses a file larger than the browser could keep, before reading it', () => {
    expect(store.importTooLarge(20 * 1024 * 1024)).toBe('That file is 20.0 MB, more than this browser can keep (about 5 MB): it is not a progress export from this course, or it was changed. Choose a file saved with "Export progress".');
    expect(store.importTooLarge(200 * 1024)).toBeUndefined();
  });
});
