/**
 * Suspend data: an item's share of the progress record as the LMS keeps it between launches (SCORM
 * `suspend_data`, or a cmi5 State document), so that a trainee who comes back on another day or
 * another device resumes where they were. It fits the LMS's limit by leaving out the oldest
 * finished runs first; the run in progress, the module's completion and its check answers stay.
 */
import { mergeProgress } from '../progress/merge.ts';
import { emptyProgress, type Progress } from '../progress/schema.ts';
import { parseProgress } from '../progress/store.ts';

/** The most characters each format's LMS must keep: SCORM 1.2's `cmi.suspend_data` is 4,096; SCORM 2004 4th edition's 64,000. */
export const suspendLimits = { scorm12: 4096, scorm2004: 64_000, cmi5: 64_000 } as const;

/** Which cmi5-defined statements were already sent in this registration: each may be sent only once. */
export interface Reported {
  readonly completed?: true;
  readonly passed?: true;
}

export interface Suspended {
  readonly progress: Progress;
  readonly reported: Reported;
}

/** The suspend data of an item's progress: JSON, under `limit` characters, oldest finished runs left out first; undefined if even the rest will not fit. */
export function encodeSuspendData(suspended: Suspended, limit: number): string | undefined {
  let runs = suspended.progress.runs;
  for (;;) {
    const text = JSON.stringify({ v: 1, progress: { ...suspended.progress, runs }, reported: suspended.reported });
    if (text.length <= limit) return text;
    if (runs.length === 0) return undefined;
    runs = runs.slice(1);
  }
}

/** The progress and reports in suspend data; empty for none, or for data this course did not write. */
export function decodeSuspendData(text: string | undefined | null): Suspended {
  if (!text) return { progress: emptyProgress(), reported: {} };
  try {
    const data = JSON.parse(text) as { v?: unknown; progress?: unknown; reported?: Reported };
    if (data.v !== 1) return { progress: emptyProgress(), reported: {} };
    const reported = data.reported && typeof data.reported === 'object' ? { ...(data.reported.completed === true ? { completed: true as const } : {}), ...(data.reported.passed === true ? { passed: true as const } : {}) } : {};
    return { progress: parseProgress(JSON.stringify(data.progress)).progress, reported };
  } catch {
    return { progress: emptyProgress(), reported: {} };
  }
}

/**
 * The record to continue with on this device: what it already keeps merged with what the LMS
 * kept (the newer run in progress, every finished run, the first completion), so nothing done on
 * either side is lost.
 */
export function resumeFrom(onDevice: Progress, fromLms: Progress): Progress {
  return mergeProgress(onDevice, fromLms);
}
