/**
 * The behaviour-code table of scenario format version 1: MITI 4.2.1 behaviour codes with the
 * open/closed question split that OARS training uses. Everything that names, counts or groups a
 * code imports it from here.
 */

/** How a code is counted in the MITI-style summary at the end of a scenario. */
export type SummaryCategory =
  | 'question'
  | 'simple reflection'
  | 'complex reflection'
  | 'affirm'
  | 'seeking collaboration'
  | 'emphasizing autonomy'
  | 'giving information'
  | 'persuade with permission'
  | 'persuade'
  | 'confront';

/** The MITI group a code falls in, where it has one. */
export type MitiGroup = 'MI-adherent' | 'MI non-adherent';

/**
 * How a choice with this code sits with MI, for the teaching check and the debrief's "a more
 * MI-consistent option": `consistent` (OARS, the MI-adherent codes and persuading with
 * permission), `neutral` (closed questions and information, which can go either way) or
 * `inconsistent` (the MI non-adherent codes).
 */
export type Stance = 'consistent' | 'neutral' | 'inconsistent';

/** Stances from least to most MI-consistent, so that they can be compared. */
export const stanceOrder: readonly Stance[] = ['inconsistent', 'neutral', 'consistent'];

export interface BehaviourCode {
  /** The code as the format spells it, e.g. `Complex reflection`. */
  readonly name: string;
  /** The summary category the code counts towards. */
  readonly countsAs: SummaryCategory;
  /** MI-adherent, MI non-adherent, or neither. */
  readonly group?: MitiGroup;
  /** How the code sits with MI. */
  readonly stance: Stance;
}

/** Every code a choice may carry, in the order of the format's table. */
export const behaviourCodes: readonly BehaviourCode[] = [
  { name: 'Open question', countsAs: 'question', stance: 'consistent' },
  { name: 'Closed question', countsAs: 'question', stance: 'neutral' },
  { name: 'Simple reflection', countsAs: 'simple reflection', stance: 'consistent' },
  { name: 'Complex reflection', countsAs: 'complex reflection', stance: 'consistent' },
  { name: 'Summary', countsAs: 'complex reflection', stance: 'consistent' },
  { name: 'Affirm', countsAs: 'affirm', group: 'MI-adherent', stance: 'consistent' },
  { name: 'Seeking collaboration', countsAs: 'seeking collaboration', group: 'MI-adherent', stance: 'consistent' },
  { name: 'Emphasizing autonomy', countsAs: 'emphasizing autonomy', group: 'MI-adherent', stance: 'consistent' },
  { name: 'Giving information', countsAs: 'giving information', stance: 'neutral' },
  { name: 'Persuade with permission', countsAs: 'persuade with permission', stance: 'consistent' },
  { name: 'Persuade', countsAs: 'persuade', group: 'MI non-adherent', stance: 'inconsistent' },
  { name: 'Confront', countsAs: 'confront', group: 'MI non-adherent', stance: 'inconsistent' },
];

const byLowerName = new Map(behaviourCodes.map((code) => [code.name.toLowerCase(), code]));

/** The code a trainer wrote, matched ignoring case and extra spaces; undefined if unknown. */
export function findBehaviourCode(written: string): BehaviourCode | undefined {
  return byLowerName.get(written.trim().replace(/\s+/g, ' ').toLowerCase());
}
