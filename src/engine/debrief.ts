/**
 * What a trainee reads at an ending, as data: the outcome and its debrief, the MITI-style summary
 * with the notes that put it in context, and each step with what was picked and, where a more
 * MI-consistent option (or a safety step) was offered, that option and its feedback. The site, the terminal and the
 * transcript all render this one model, so they say the same thing.
 */
import { stanceOrder } from './behaviour-codes.ts';
import { endingOf, offeredAt, picks, type Run } from './run.ts';
import { summarise, summaryNotes, summaryRows, type MitiSummary, type SummaryRow } from './score.ts';
import type { Choice, EndingNode } from './types.ts';

/**
 * An option the debrief points to at a step: a safety step the scenario models (a choice tagged
 * `safety`, such as asking directly about suicide, which MITI codes as a plain question), or else
 * an option of a more MI-consistent stance than the one picked.
 */
export interface Suggestion {
  readonly choice: Choice;
  readonly reason: 'safety step' | 'more MI-consistent';
}

/** One step of the run, looked back on. */
export interface DebriefStep {
  /** The node the choice was made at. */
  readonly node: string;
  readonly picked: Choice;
  /** The first offered option that ranks above the one picked, if any. */
  readonly suggestion?: Suggestion;
}

export interface Debrief {
  readonly ending: EndingNode;
  readonly summary: MitiSummary;
  readonly rows: readonly SummaryRow[];
  /** Sentences to show beside the summary, in order. */
  readonly notes: readonly string[];
  readonly steps: readonly DebriefStep[];
}

/**
 * Safety steps first (they are what the scenario teaches at that point), then MI stance. Persuade
 * with permission ranks with the neutral codes here: MITI counts it as neither adherent nor
 * non-adherent, and where the person has asked for information, plainly giving it is as good.
 */
const isSafetyStep = (choice: Choice) => choice.tags.includes('safety');
const rank = (choice: Choice) =>
  isSafetyStep(choice) ? stanceOrder.length : stanceOrder.indexOf(choice.code.countsAs === 'persuade with permission' ? 'neutral' : choice.code.stance);

/** The debrief of a finished run; undefined while it goes on. */
export function debriefOf(run: Run): Debrief | undefined {
  const ending = endingOf(run);
  if (!ending) return undefined;
  const taken = picks(run);
  const summary = summarise(taken.map((pick) => pick.choice.code));
  const steps = taken.map((pick, i): DebriefStep => {
    const best = offeredAt(run, i)
      .map((option) => option.choice)
      .reduce((top, choice) => (rank(choice) > rank(top) ? choice : top), pick.choice);
    const suggestion: Suggestion | undefined = best === pick.choice ? undefined : { choice: best, reason: isSafetyStep(best) ? 'safety step' : 'more MI-consistent' };
    return { node: pick.node, picked: pick.choice, ...(suggestion ? { suggestion } : {}) };
  });
  return { ending, summary, rows: summaryRows(summary), notes: summaryNotes(summary), steps };
}

/** How a suggestion is introduced, the same on every screen. */
export function suggestionLead(suggestion: Suggestion): string {
  return suggestion.reason === 'safety step' ? 'The safety step here' : 'A more MI-consistent option here';
}
