/**
 * The one schema of what the site keeps in the browser (localStorage): modules completed,
 * knowledge-check answers, private reflections, scenario runs (alone or as a group), runs in
 * progress and group runs in progress. Everything that reads or writes progress goes through it.
 * zod/mini keeps it small enough for every page. (The observer's tally sheet records someone
 * else's coaching, not the reader's progress, so it is kept apart: src/observe/sheet.ts.)
 */
import { z } from 'zod/mini';
import { codeNames } from '../engine/coder/codes.ts';

/**
 * Bump when the shape changes, and add the step from the previous shape to `parseProgress` in
 * store.ts; until then, `salvage` keeps every entry that still fits. Sections and fields added
 * since version 1 began (group runs) are optional or default to empty, so a record
 * written before them reads as it is, and an older page reading a newer record keeps what it knows.
 */
export const progressVersion = 1;

/** A moment, as an ISO 8601 date and time (what `toISOString` writes; an offset is read too). */
const timestamp = z.iso.datetime({ offset: true });

/** A module marked as complete. */
export const moduleProgressSchema = z.object({ completedAt: timestamp });

/** The answer given to one knowledge-check question. */
export const answerSchema = z.object({
  /** The option chosen, by its position from 0. */
  choice: z.int().check(z.nonnegative()),
  correct: z.boolean(),
  answeredAt: timestamp,
});

/**
 * One attempt at a module's knowledge check: the seed that draws its questions and orders their
 * options (the same on reload, a new one on "Try again"), and when it began, so that only the
 * answers given since count towards it.
 */
export const checkAttemptSchema = z.object({ seed: z.string().check(z.minLength(1)), startedAt: timestamp });

/** A private reflection, kept on this device only. */
export const reflectionSchema = z.object({ text: z.string(), savedAt: timestamp });

/** The MITI-style summary figures of a finished run. */
export const runSummarySchema = z.object({
  questions: z.int().check(z.nonnegative()),
  reflections: z.int().check(z.nonnegative()),
  complexReflections: z.int().check(z.nonnegative()),
  miAdherent: z.int().check(z.nonnegative()),
  miNonAdherent: z.int().check(z.nonnegative()),
});

/** A reply written in the trainee's own words at one step, as the coder on the device read it. */
export const ownReplySchema = z.object({
  /** What they wrote, as typed. */
  text: z.string(),
  /** The coder's code. */
  code: z.enum(codeNames),
  /** The coder's confidence, 0 to 1. */
  confidence: z.number().check(z.gte(0), z.lte(1)),
  /** What the trainee thought it was, if they said. */
  own: z.optional(z.enum([...codeNames, 'unsure'])),
});

/**
 * The replies written in own words, one per choice in the run's `choices` (null where the trainee
 * skipped to the options): kept beside the choices so that undo takes back both together.
 */
const ownWordsSchema = z.optional(z.array(z.nullable(ownReplySchema)));

/** A reply a group member typed during the pause, without their name. */
export const groupReplySchema = z.object({ text: z.string(), code: z.enum(codeNames) });

/** How a group played a finished run. */
export const groupRunSchema = z.object({
  /** The room's mode: `vote` or `hot-seat`. */
  mode: z.string(),
  /** Who played, in turn order; empty if nobody was named. */
  players: z.array(z.string()),
  /** The votes at each step, by choice number. */
  votes: z.array(z.record(z.string(), z.int().check(z.nonnegative()))),
  /** The replies typed at each step (on phones, or the hot seat's typed by the facilitator), where any were. */
  replies: z.optional(z.array(z.array(groupReplySchema))),
});

/** A scenario played to an ending. */
export const finishedRunSchema = z.object({
  scenarioId: z.string().check(z.minLength(1)),
  /** The scenario's title when it was played, for the progress page. */
  title: z.string(),
  endedAt: timestamp,
  ending: z.string(),
  outcome: z.enum(['positive', 'mixed', 'negative']),
  /** The choices picked, by their index in the file: enough to replay the run. */
  choices: z.array(z.int().check(z.nonnegative())),
  summary: runSummarySchema,
  /** Present when the run was played in the trainee's own words. */
  ownWords: ownWordsSchema,
  /** Present when a group played it together. */
  group: z.optional(groupRunSchema),
});

/** A scenario left part-way, to resume. */
export const runInProgressSchema = z.object({
  choices: z.array(z.int().check(z.nonnegative())),
  /** Replies written in own words so far, one per choice (see `ownWordsSchema`). */
  ownWords: ownWordsSchema,
  /** The content notes were acknowledged. */
  acknowledged: z.boolean(),
  updatedAt: timestamp,
});

/** Everything kept, by section. Each section is keyed by id. */
export const progressSchema = z.object({
  version: z.literal(progressVersion),
  /** Completed modules, by module id. */
  modules: z.record(z.string(), moduleProgressSchema),
  /** Knowledge-check answers, by `moduleId/questionId`. */
  answers: z.record(z.string(), answerSchema),
  /** Reflections, by `moduleId/reflectionId`. */
  reflections: z.record(z.string(), reflectionSchema),
  /** Finished runs, oldest first. */
  runs: z.array(finishedRunSchema),
  /** Runs in progress, by scenario id. */
  inProgress: z.record(z.string(), runInProgressSchema),
  /**
   * Group runs in progress on this screen, by scenario id, as saved rooms. The rooms module checks
   * a saved room when it resumes one (src/rooms/schema.ts), so every page that reads progress need
   * not carry the room's schema; one that no longer fits is dropped then, with a notice.
   */
  groupsInProgress: z._default(z.record(z.string(), z.unknown()), () => ({})),
  /** The current attempt at each module's knowledge check, by module id. */
  checks: z._default(z.record(z.string(), checkAttemptSchema), () => ({})),
});

export type Progress = z.infer<typeof progressSchema>;
export type FinishedRun = z.infer<typeof finishedRunSchema>;
export type RunInProgress = z.infer<typeof runInProgressSchema>;
export type GroupRun = z.infer<typeof groupRunSchema>;
export type OwnReplyRecord = z.infer<typeof ownReplySchema>;
export type CheckAttempt = z.infer<typeof checkAttemptSchema>;

/** A fresh, empty record. */
export function emptyProgress(): Progress {
  return { version: progressVersion, modules: {}, answers: {}, reflections: {}, runs: [], inProgress: {}, groupsInProgress: {}, checks: {} };
}

/** The record-shaped sections and the schema of one entry in each. */
export const recordSections = {
  modules: moduleProgressSchema,
  answers: answerSchema,
  reflections: reflectionSchema,
  inProgress: runInProgressSchema,
  groupsInProgress: z.unknown(),
  checks: checkAttemptSchema,
} as const;
