// @vitest-environment jsdom
/** Progress in this browser's storage: nothing saved is lost, and nothing unsaved is called saved. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyProgress, type Progress } from '../../src/progress/schema.ts';

type Store = typeof import('../../src/progress/store.ts');
let store: Store;

const key = 'recovery-coach-practice:progress';
const record = (change: Partial<Progress> = {}): Progress => ({ ...emptyProgress(), ...change });
const jordanRun = { choices: [0, 1, 99], acknowledged: true, updatedAt: '2026-03-01T10:00:00.000Z' };

/** Makes every write fail as it does when storage is full. */
function fillStorage() {
  return vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

beforeEach(async () => {
  localStorage.clear();
  // Each test is a fresh page: the store keeps what it read in memory.
  vi.resetModules();
  store = await import('../../src/progress/store.ts');
});

afterEach(() => vi.restoreAllMocks());

describe('knowing when storage is full', () => {
  it('recognises each browser’s name for it, and nothing else', () => {
    expect(store.isStorageFull(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(store.isStorageFull({ name: 'NS_ERROR_DOM_QUOTA_REACHED', code: 1014 })).toBe(true);
    expect(store.isStorageFull({ name: 'Error', code: 22 })).toBe(true);
    expect(store.isStorageFull(new DOMException('no', 'SecurityError'))).toBe(false);
    expect(store.isStorageFull(new TypeError('x'))).toBe(false);
  });
});

describe('saving', () => {
  it('says a change was saved only when it was written', () => {
    const outcome = store.updateProgress((p) => ({ ...p, modules: { 'mi-oars': { completedAt: '2026-03-01T10:00:00.000Z' } } }));
    expect(outcome).toMatchObject({ saved: true });
    expect(JSON.parse(localStorage.getItem(key)!).modules['mi-oars']).toBeTruthy();
  });

  it('when storage is full, says the change was not saved and keeps it in the page for export', () => {
    fillStorage();
    const outcome = store.updateProgress((p) => ({ ...p, reflections: { 'mi-oars/why': { text: 'Because it matters.', savedAt: '2026-03-01T10:00:00.000Z' } } }));
    expect(outcome.saved).toBe(false);
    expect(outcome.problem).toMatch(/storage for this site is full, so this was not saved on this device\. Export your progress/);
    expect(localStorage.getItem(key)).toBeNull();
    expect(store.loadProgress().progress.reflections['mi-oars/why']?.text).toBe('Because it matters.');
  });
});

describe('unreadable saved progress', () => {
  it('is set aside under its own key before the salvaged record is saved', () => {
    localStorage.setItem(key, '{not json');
    expect(store.loadProgress().notice).toMatch(/could not be read/);
    const [item] = store.setAsideItems();
    expect(item).toMatchObject({ kind: 'unreadable' });
    expect(store.setAsideText(item!)).toBe('{not json');
    expect(JSON.parse(localStorage.getItem(key)!)).toEqual(emptyProgress());
  });

  it('is left untouched, and nothing is written over it, when there is no room to set it aside', () => {
    const corrupt = `{"version":1,"modules":${'x'.repeat(1000)}`;
    localStorage.setItem(key, corrupt);
    const full = fillStorage();
    expect(store.loadProgress().notice).toMatch(/no room on this device to set it aside\. It is left untouched/);
    full.mockRestore();
    // Even with room again, the next save does not overwrite it.
    const outcome = store.updateProgress((p) => ({ ...p, modules: { 'mi-oars': { completedAt: '2026-03-01T10:00:00.000Z' } } }));
    expect(outcome).toMatchObject({ saved: false });
    expect(outcome.problem).toMatch(/earlier saved progress could not be read/);
    expect(localStorage.getItem(key)).toBe(corrupt);

    const [item] = store.setAsideItems();
    expect(item).toEqual({ key, kind: 'unreadable' });
    expect(store.setAsideText(item!)).toBe(corrupt);
    // Deleting it at the reader's request saves this page's progress in its place.
    expect(store.deleteSetAside(item!)).toMatchObject({ saved: true });
    expect(JSON.parse(localStorage.getItem(key)!).modules['mi-oars']).toBeTruthy();
    expect(store.setAsideItems()).toEqual([]);
  });
});

describe('a run in progress that no longer replays', () => {
  it('is set aside under its own key and taken out of progress', () => {
    localStorage.setItem(key, JSON.stringify(record({ inProgress: { 'first-conversation-with-jordan': jordanRun } })));
    expect(store.setAsideUnplayableRun('first-conversation-with-jordan')).toMatchObject({ saved: true });
    expect(store.loadProgress().progress.inProgress).toEqual({});
    const [item] = store.setAsideItems();
    expect(item).toMatchObject({ kind: 'unplayable', scenarioId: 'first-conversation-with-jordan' });
    expect(JSON.parse(store.setAsideText(item!))).toEqual({ scenarioId: 'first-conversation-with-jordan', ...jordanRun });
  });

  it('stays where it was when there is no room to set it aside', () => {
    localStorage.setItem(key, JSON.stringify(record({ inProgress: { 'first-conversation-with-jordan': jordanRun } })));
    fillStorage();
    expect(store.setAsideUnplayableRun('first-conversation-with-jordan')).toMatchObject({ saved: false });
    expect(JSON.parse(localStorage.getItem(key)!).inProgress['first-conversation-with-jordan']).toEqual(jordanRun);
  });
});
