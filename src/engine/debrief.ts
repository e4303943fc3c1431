/**
 * What a trainee reads at an ending, as data: the outcome and its debrief, the MITI-style summary
 * with the notes that put it in context, and each step with what was picked and, where a more
 * MI-consistent option was offered, that option and its feedback. The site, the terminal and the
 * transcript all render this one model, so they say the same thing.
 */
import { stanceOrder } from './behaviour-codes.ts';
import { endingOf, offeredAt, picks, type Run } from './run.ts';
import { summarise, summaryNotes, summaryRows, type MitiSummary, type SummaryRow } from './score.ts';
import type { Choice, EndingNode } from './types.ts';

/** One step of the run, looked back on. */
export interface DebriefStep {
  /** The node the choice was made at. */
  readonly node: string;
  readonly picked: Choice;
  /** The first offered option of the most MI-consistent stance, where it beats the one picked. */
  readonly moreConsistent?: Choice;
}

export interface Debrief {
  readonly ending: EndingNode;
  readonly summary: MitiSummary;
  readonly rows: readonly SummaryRow[];
  /** Sentences to show beside the summary, in order. */
  readonly notes: readonly string[];
  readonly steps: readonly DebriefStep[];
}

const rank = (choice: Choice) => stanceOrder.indexOf(choice.code.stance);

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
    return { node: pick.node, picked: pick.choice, ...(best !== pick.choice ? { moreConsistent: best } : {}) };
  });
  return { ending, summary, rows: summaryRows(summary), notes: summaryNotes(summary), steps };
}
