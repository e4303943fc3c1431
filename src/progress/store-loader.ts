/**
 * The progress store, fetched when a page first needs it rather than with the page: it brings the
 * progress schema and zod, which check every record read, and on a scenario page they were the
 * largest part of the page's own JavaScript. A reader with nothing kept on this device needs
 * none of it until they make a choice to save.
 */
import { loadOnce } from '../site/load-once.ts';
import { storageKey } from './storage-key.ts';

export type ProgressStore = typeof import('./store.ts');

/** The store's module, loaded once; a failed load is tried again on the next call. */
export const loadProgressStore = loadOnce<ProgressStore>(() => import('./store.ts'));

/**
 * Whether reading progress could say anything but "nothing kept": something is stored, or storage
 * cannot be read at all (the store then tells the reader that saving is not allowed).
 */
export function hasStoredProgress(): boolean {
  try {
    return localStorage.getItem(storageKey) !== null;
  } catch {
    return true;
  }
}
