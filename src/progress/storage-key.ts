/** Where progress is kept in localStorage: apart from the store, so a page can see whether anything is kept without loading it. */
export const storageKey = 'recovery-coach-practice:progress';

/**
 * Where the reader last was (the module last opened, the scenario last played), for "Continue where
 * you left off": kept beside progress rather than in it, as a bookmark is not progress to export,
 * merge or hand in (src/site/last-place.ts).
 */
export const placeKey = 'recovery-coach-practice:last-place';
