/**
 * The studio keeps one draft in this browser's localStorage, so closing the tab loses nothing.
 * It is never sent anywhere. Stored data that cannot be read is ignored, never fatal.
 */

/** A draft as kept on the device. */
export interface Draft {
  /** The name it will be downloaded as, such as `meeting-alex.md`. */
  readonly fileName: string;
  /** The Markdown in the editor. */
  readonly text: string;
}

export const draftStorageKey = 'recovery-coach-practice:studio-draft';

/** The draft kept on this device, if there is one that can be read. */
export function loadDraft(): Draft | undefined {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(draftStorageKey) ?? 'null');
    if (data && typeof data === 'object' && typeof (data as Draft).fileName === 'string' && typeof (data as Draft).text === 'string') {
      return { fileName: (data as Draft).fileName, text: (data as Draft).text };
    }
  } catch {
    // Unreadable or blocked storage: start as if there were no draft.
  }
  return undefined;
}

/** Keeps the draft on this device; false when the browser refuses (private mode, storage full). */
export function saveDraft(draft: Draft): boolean {
  try {
    localStorage.setItem(draftStorageKey, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}
