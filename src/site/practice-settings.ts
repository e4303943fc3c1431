/**
 * How the reader likes to practise, remembered on this device: whether to write their own reply
 * before the options, and whether to say first what kind of reply they think it was. Kept apart
 * from progress: a preference, not something done, so export and import leave it be.
 */
export const practiceSettingsKey = 'recovery-coach-practice:practice-settings';

export interface PracticeSettings {
  /** Write my own reply first, then see the options. */
  readonly ownWords: boolean;
  /** Say what kind of reply I think it was before seeing the coder's; unset means "on for my first runs". */
  readonly ownCall?: boolean;
}

/** Runs in own words after which saying your own call is no longer on unless chosen. */
export const firstRunsWithOwnCall = 3;

/** The settings saved on this device; the defaults where none are, or they cannot be read. */
export function loadPracticeSettings(): PracticeSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(practiceSettingsKey) ?? '{}') as Partial<PracticeSettings>;
    return { ownWords: stored.ownWords === true, ...(typeof stored.ownCall === 'boolean' ? { ownCall: stored.ownCall } : {}) };
  } catch {
    return { ownWords: false };
  }
}

/** Saves the settings; false if the browser would not keep them (private mode, storage full). */
export function savePracticeSettings(settings: PracticeSettings): boolean {
  try {
    localStorage.setItem(practiceSettingsKey, JSON.stringify(settings));
    return true;
  } catch {
    return false;
  }
}

/** Whether to ask for the trainee's own call: as they chose, or on until they have finished a few runs in their own words. */
export function asksOwnCall(settings: PracticeSettings, runsInOwnWords: number): boolean {
  return settings.ownCall ?? runsInOwnWords < firstRunsWithOwnCall;
}
