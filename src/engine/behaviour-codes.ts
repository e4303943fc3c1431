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

/**
 * What trainers often write instead of a code, by meaning, with the codes it may mean: the names
 * of OARS and MI training ("Reflective listening", "Affirmation"), other spellings
 * ("Emphasising autonomy") and behaviours MITI codes under another name ("Giving advice" is
 * Persuade, or Persuade with permission when the coach asked first). Keys as `meaningKey` writes them.
 */
export const codesByMeaning: ReadonlyMap<string, readonly string[]> = new Map([
  ['reflection', ['Simple reflection', 'Complex reflection']],
  ['reflective listening', ['Simple reflection', 'Complex reflection']],
  ['reflective statement', ['Simple reflection', 'Complex reflection']],
  ['listening', ['Simple reflection', 'Complex reflection']],
  ['repeat', ['Simple reflection']],
  ['rephrase', ['Simple reflection']],
  ['paraphrase', ['Complex reflection']],
  ['double sided reflection', ['Complex reflection']],
  ['amplified reflection', ['Complex reflection']],
  ['reflection of feeling', ['Complex reflection']],
  ['reframe', ['Complex reflection']],
  ['reframing', ['Complex reflection']],
  ['summarising', ['Summary']],
  ['summarizing', ['Summary']],
  ['summary reflection', ['Summary']],
  ['collecting summary', ['Summary']],
  ['linking summary', ['Summary']],
  ['transitional summary', ['Summary']],
  ['affirmation', ['Affirm']],
  ['affirming', ['Affirm']],
  ['praise', ['Affirm']],
  ['validation', ['Affirm']],
  ['encouragement', ['Affirm']],
  ['question', ['Open question', 'Closed question']],
  ['open ended question', ['Open question']],
  ['open', ['Open question']],
  ['closed ended question', ['Closed question']],
  ['yes no question', ['Closed question']],
  ['asking permission', ['Seeking collaboration', 'Persuade with permission']],
  ['permission', ['Seeking collaboration', 'Persuade with permission']],
  ['collaboration', ['Seeking collaboration']],
  ['partnership', ['Seeking collaboration']],
  ['agenda setting', ['Seeking collaboration']],
  ['emphasising autonomy', ['Emphasizing autonomy']],
  ['autonomy', ['Emphasizing autonomy']],
  ['autonomy support', ['Emphasizing autonomy']],
  ['supporting autonomy', ['Emphasizing autonomy']],
  ['information', ['Giving information']],
  ['providing information', ['Giving information']],
  ['education', ['Giving information']],
  ['psychoeducation', ['Giving information']],
  ['advice', ['Persuade', 'Persuade with permission']],
  ['giving advice', ['Persuade', 'Persuade with permission']],
  ['advice with permission', ['Persuade with permission']],
  ['elicit provide elicit', ['Persuade with permission', 'Giving information']],
  ['persuasion', ['Persuade']],
  ['persuading', ['Persuade']],
  ['righting reflex', ['Persuade']],
  ['fixing', ['Persuade']],
  ['lecturing', ['Persuade']],
  ['confrontation', ['Confront']],
  ['confronting', ['Confront']],
  ['arguing', ['Confront']],
  ['warning', ['Confront']],
  ['challenge', ['Confront']],
  ['blaming', ['Confront']],
  ['labelling', ['Confront']],
  ['labeling', ['Confront']],
]);

const byLowerName = new Map(behaviourCodes.map((code) => [code.name.toLowerCase(), code]));

/** The code a trainer wrote, matched ignoring case and extra spaces; undefined if unknown. */
export function findBehaviourCode(written: string): BehaviourCode | undefined {
  return byLowerName.get(written.trim().replace(/\s+/g, ' ').toLowerCase());
}
