/**
 * A launch's conversation with the LMS, whatever the format: who the trainee is (only what the
 * LMS says), the pass mark the LMS set, what it kept from last time, and how to tell it the item's
 * status. SCORM (scorm.ts) and cmi5 (cmi5.ts) each implement it.
 */
import type { Actor, Context, StatementBody } from '../engine/xapi.ts';
import type { Progress } from '../progress/schema.ts';
import type { ItemStatus } from './progress-events.ts';
import type { Destination } from './statement-queue.ts';
import type { Suspended } from './suspend-data.ts';

/** The LMS's own LRS (cmi5), with what every statement sent to it must carry. */
export interface LmsRecordStore {
  readonly destination: Destination;
  readonly registration: string;
  readonly contextTemplate: Context;
}

export interface LmsSession {
  /** The LMS's name for the trainee, as an xAPI actor; absent if it gives none. */
  readonly learner?: Actor;
  /** The pass mark the LMS set for this item (0 to 1), which overrides the package's. */
  readonly passMark?: number;
  /** What the LMS kept from the last launch. */
  readonly suspended: Suspended;
  /** The LMS's own LRS, where it has one (cmi5). */
  readonly recordStore?: LmsRecordStore;
  /**
   * Tells the LMS the item's status and keeps the item's progress as suspend data. Returns the
   * statements the format itself defines for this change (cmi5's Completed, Passed, Failed), to
   * send to its LRS after the profile's.
   */
  report(status: ItemStatus, progress: Progress): StatementBody[];
  /** Ends the session, saying so to the LMS; returns what to send last (cmi5's Terminated). */
  end(): StatementBody[];
}
