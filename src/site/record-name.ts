/**
 * The name a trainee may type for their printed record, remembered on this device so they need not
 * type it each time. Kept apart from progress: it is not something done, so export, import and
 * clear leave it be, and it is never sent anywhere. Blank means no name is printed.
 */
export const recordNameKey = 'recovery-coach-practice:record-name';

/** Longer than any name, short enough that a pasted paragraph cannot fill the printed page. */
export const recordNameLimit = 80;

/** The name saved on this device, or blank. */
export function loadRecordName(): string {
  try {
    return (localStorage.getItem(recordNameKey) ?? '').slice(0, recordNameLimit);
  } catch {
    return '';
  }
}

/** Saves the name, or forgets it when blank; false if the browser would not keep it (private mode, storage full). */
export function saveRecordName(name: string): boolean {
  try {
    if (name.trim()) localStorage.setItem(recordNameKey, name.slice(0, recordNameLimit));
    else localStorage.removeItem(recordNameKey);
    return true;
  } catch {
    return false;
  }
}
