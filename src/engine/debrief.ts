/**
 * What a trainee reads at an ending, as data: the outcome and its debrief, the MITI-style summary
 * with the notes that put it in context, and each step with what was picked and, where a better
 * move was really offered (a safety step, or a more MI-consistent option), that option and its
 * feedback. The site, the terminal, the transcript and the group debrief all render this one
 * model, so they say the same thing, and none of them calls the model answer a miss.
 */
import { stanceOrder } from './behaviour-codes.ts';
import { currentVariables, endingOf, offeredAt, picks, type Run } from './run.ts';
import { summarise, summaryNotes, summaryRows, type MitiSummary, type SummaryRow } from './score.ts';
import { shownDebrief } from './shown.ts';
import type { Choice, EndingNode } from './types.ts';

/**
 * An option the debrief points to at a step: a safety step the scenario models (a choice tagged
 * `safety`, such as asking directly about suicide, which MITI codes as a plain question), a
 * straight answer to what the person asked (tagged `straight-answer`), or else an option
 * of a more MI-consistent stance than the one picked.
 */
export interface Suggestion {
  readonly choice: Choice;
  readonly reason: 'safety step' | 'straight answer' | 'more MI-consistent';
}

/** One step of the run, looked back on. */
export interface DebriefStep {
  /** The node the choice was made at. */
  readonly node: string;
  readonly picked: Choice;
  /** The first offered option that ranks above the one picked, if it was really a better move. */
  readonly suggestion?: Suggestion;
}

export interface Debrief {
  readonly ending: EndingNode;
  /** The ending's debrief as this run reads it: its parts (block Markdown) whose conditions hold. */
  readonly text: readonly string[];
  readonly summary: MitiSummary;
  readonly rows: readonly SummaryRow[];
  /** Sentences to show beside the summary, in order. */
  readonly notes: readonly string[];
  readonly steps: readonly DebriefStep[];
}

/** A safety step the scenario models (tagged `safety`), such as asking directly about suicide, which MITI codes as a plain question. */
const isSafetyStep = (choice: Choice) => choice.tags.includes('safety');

/**
 * A straight answer to what the person asked (tagged `straight-answer`): a direct question such as
 * "Are you going to report back to her?" answered honestly, a request met with a kind, clear no,
 * or the information they said yes to hearing. MITI codes it as information, but it is what the
 * moment calls for: a reflection offered instead only delays the answer.
 */
const isStraightAnswer = (choice: Choice) => choice.tags.includes('straight-answer');

/**
 * How good a move a choice is, higher is better: safety steps first (they are what the scenario
 * teaches at that point), then MI stance, with a straight answer to what the person asked as good
 * as an MI-consistent code. Persuade with permission ranks with the neutral codes here: MITI counts
 * it as neither adherent nor non-adherent, and where the person has asked for information, plainly
 * giving it is as good.
 */
export const moveRank = (choice: Choice): number => {
  if (isSafetyStep(choice)) return stanceOrder.length;
  if (isStraightAnswer(choice)) return stanceOrder.indexOf('consistent');
  return stanceOrder.indexOf(choice.code.countsAs === 'persuade with permission' ? 'neutral' : choice.code.stance);
};

/**
 * Whether a pick is a good move: an MI-consistent code, a safety step or a straight answer to what
 * the person asked. The group debrief counts these, so that a model run counts every step.
 */
export function isGoodMove(choice: Choice): boolean {
  return isSafetyStep(choice) || isStraightAnswer(choice) || choice.code.stance === 'consistent';
}

const reasonFor = (choice: Choice): Suggestion['reason'] => (isSafetyStep(choice) ? 'safety step' : isStraightAnswer(choice) ? 'straight answer' : 'more MI-consistent');

/** The debrief of a finished run; undefined while it goes on. */
export function debriefOf(run: Run): Debrief | undefined {
  const ending = endingOf(run);
  if (!ending) return undefined;
  const taken = picks(run);
  const summary = summarise(taken.map((pick) => pick.choice.code));
  const steps = taken.map((pick, i): DebriefStep => {
    const best = offeredAt(run, i)
      .map((option) => option.choice)
      .reduce((top, choice) => (moveRank(choice) > moveRank(top) ? choice : top), pick.choice);
    // A good move and then the safety step at the very next turn (reflecting the fear, then being
    // honest about confidentiality) is how the scenarios model it: the step was taken, not missed.
    const next = taken[i + 1]?.choice;
    const listenedFirst = isSafetyStep(best) && isGoodMove(pick.choice) && next !== undefined && isSafetyStep(next);
    const suggestion: Suggestion | undefined = best === pick.choice || listenedFirst ? undefined : { choice: best, reason: reasonFor(best) };
    return { node: pick.node, picked: pick.choice, ...(suggestion ? { suggestion } : {}) };
  });
  return { ending, text: shownDebrief(ending, currentVariables(run)), summary, rows: summaryRows(summary), notes: summaryNotes(summary), steps };
}

/** How a suggestion is introduced, the same on every screen. */
export function suggestionLead(suggestion: Suggestion): string {
  return { 'safety step': 'The safety step here', 'straight answer': 'The straight answer here', 'more MI-consistent': 'A more MI-consistent option here' }[suggestion.reason];
}
