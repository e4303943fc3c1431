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

export interface BehaviourCode {
  /** The code as the format spells it, e.g. `Complex reflection`. */
  readonly name: string;
  /** The summary category the code counts towards. */
  readonly countsAs: SummaryCategory;
  /** MI-adherent, MI non-adherent, or neither. */
  readonly group?: MitiGroup;
}

/** Every code a choice may carry, in the order of the format's table. */
export const behaviourCodes: readonly BehaviourCode[] = [
  { name: 'Open question', countsAs: 'question' },
  { name: 'Closed question', countsAs: 'question' },
  { name: 'Simple reflection', countsAs: 'simple reflection' },
  { name: 'Complex reflection', countsAs: 'complex reflection' },
  { name: 'Summary', countsAs: 'complex reflection' },
  { name: 'Affirm', countsAs: 'affirm', group: 'MI-adherent' },
  { name: 'Seeking collaboration', countsAs: 'seeking collaboration', group: 'MI-adherent' },
  { name: 'Emphasizing autonomy', countsAs: 'emphasizing autonomy', group: 'MI-adherent' },
  { name: 'Giving information', countsAs: 'giving information' },
  { name: 'Persuade with permission', countsAs: 'persuade with permission' },
  { name: 'Persuade', countsAs: 'persuade', group: 'MI non-adherent' },
  { name: 'Confront', countsAs: 'confront', group: 'MI non-adherent' },
];

const byLowerName = new Map(behaviourCodes.map((code) => [code.name.toLowerCase(), code]));

/** The code a trainer wrote, matched ignoring case and extra spaces; undefined if unknown. */
export function findBehaviourCode(written: string): BehaviourCode | undefined {
  return byLowerName.get(written.trim().replace(/\s+/g, ' ').toLowerCase());
}
