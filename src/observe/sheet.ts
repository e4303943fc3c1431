/**
 * The tally sheet as kept on this device: its own schema and its own localStorage key, apart from
 * the reader's progress, because it records someone else's coaching and has its own exports.
 * Data that cannot be read starts a fresh sheet, with a notice, and is never sent anywhere.
 */
import { z } from 'zod/mini';
import { behaviourCodes } from '../engine/behaviour-codes.ts';

export const sheetKey = 'recovery-coach-practice:tally-sheet';

/** One tap on the sheet: a behaviour code heard, when, and a note. */
const tallySchema = z.object({
  code: z.enum(behaviourCodes.map((code) => code.name) as [string, ...string[]]),
  /** Time on the sheet's clock when it was tapped, in milliseconds. */
  atMs: z.int().check(z.nonnegative()),
  note: z.string(),
});

/** A line the observer types about the role-play: short, as the exports' file names carry it. */
const aboutField = z.string().check(z.maxLength(80));

/** What the sheet is about, so five triads' sheets can be told apart: carried into every export and its file name. */
const aboutSchema = z.object({
  /** The scenario played (its title, or what the group calls it). */
  scenario: aboutField,
  /** Who played the coach. */
  coach: aboutField,
  /** Who filled in this sheet. */
  observer: aboutField,
  /** Which round of the practice, such as 2. */
  round: aboutField,
});

export type About = z.infer<typeof aboutSchema>;

export const emptyAbout: About = { scenario: '', coach: '', observer: '', round: '' };

/** The observer's tally sheet for a live role-play. */
export const observationSchema = z.object({
  /** Sheets kept before these fields read as about nothing yet. */
  about: z._default(aboutSchema, () => ({ ...emptyAbout })),
  tallies: z.array(tallySchema),
  /** Time gathered so far, and when the clock was last started while it runs. */
  clock: z.object({ elapsedMs: z.int().check(z.nonnegative()), runningSince: z.optional(z.number()) }),
});

export type Observation = z.infer<typeof observationSchema>;
export type Tally = Observation['tallies'][number];

/** An empty tally sheet with its clock stopped at zero. */
export function emptyObservation(): Observation {
  return { about: { ...emptyAbout }, tallies: [], clock: { elapsedMs: 0 } };
}

/** Reads a stored sheet: as it was, or a fresh one with a notice if it cannot be read. */
export function parseSheet(text: string | null): { sheet: Observation; notice?: string } {
  if (text === null || text === '') return { sheet: emptyObservation() };
  try {
    const parsed = observationSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { sheet: parsed.data };
  } catch {
    // Not JSON: a fresh sheet, below.
  }
  return { sheet: emptyObservation(), notice: 'The tally sheet kept on this device could not be read, so a new one was started.' };
}

/** The sheet kept in this browser. */
export function loadSheet(): { sheet: Observation; notice?: string } {
  try {
    return parseSheet(localStorage.getItem(sheetKey));
  } catch {
    return { sheet: emptyObservation(), notice: 'This browser does not allow saving, so the tally sheet lasts only while this page is open.' };
  }
}

/** Keeps the sheet in this browser (in memory only if storage is blocked or full). */
export function saveSheet(sheet: Observation): void {
  try {
    localStorage.setItem(sheetKey, JSON.stringify(sheet));
  } catch {
    // Kept in the page's memory only.
  }
}
