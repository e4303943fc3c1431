/** Where progress is kept in localStorage: apart from the store, so a page can see whether anything is kept without loading it. */
export const storageKey = 'recovery-coach-practice:progress';
