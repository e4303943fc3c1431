import type { FrontMatter, Level } from '../engine/front-matter-schema.ts';
import type { FinishedRun } from '../progress/schema.ts';

type RunSummary = FinishedRun['summary'];

/** A level as shown: `Beginner`. */
export function levelLabel(level: Level): string {
  return level[0]!.toUpperCase() + level.slice(1);
}

/** Level and estimated time, as shown with every scenario, on the site and in the terminal: `Beginner · about 10 minutes`. */
export function scenarioFacts(meta: FrontMatter): string {
  return `${levelLabel(meta.level)}${meta.minutes ? ` · about ${plural(meta.minutes, 'minute')}` : ''}`;
}

/**
 * A finished run's figures as shown in the run history: `2 reflections to 1 question · 3 MI-adherent,
 * 0 non-adherent`. A run with neither reflections nor questions leaves the ratio out: "0 reflections
 * to 0 questions" reads as a slip, and says nothing the reader can use.
 */
export function runFigures(summary: RunSummary): string {
  const ratio = summary.reflections + summary.questions > 0 ? `${plural(summary.reflections, 'reflection')} to ${plural(summary.questions, 'question')} · ` : '';
  return `${ratio}${summary.miAdherent} MI-adherent, ${summary.miNonAdherent} non-adherent`;
}

/** A count and its noun, singular for one: `1 question`, `0 questions`, `2 questions`. */
function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Dates as the whole course writes them (src/engine/dates.ts), for the site's components to import with the other labels. */
export { dayDate, runDate } from '../engine/dates.ts';

/**
 * The id of the conversation's heading on a scenario page. A link to it (the break page's "Back to
 * the scenario") goes on with the run in progress at once, at the last step, rather than at the top
 * of the page with an offer to resume.
 */
export const conversationAnchor = 'conversation-title';

/** The id of a past run's place on its scenario page, which My progress links to. */
export function runAnchor(endedAt: string): string {
  return `run-${endedAt.replace(/[^0-9A-Za-z]/g, '')}`;
}
