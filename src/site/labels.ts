import type { FrontMatter, Level } from '../engine/front-matter-schema.ts';
import type { FinishedRun } from '../progress/schema.ts';

type RunSummary = FinishedRun['summary'];

/** A level as shown: `Beginner`. */
export function levelLabel(level: Level): string {
  return level[0]!.toUpperCase() + level.slice(1);
}

/** Level and estimated time, as shown with every scenario, on the site and in the terminal: `Beginner · about 10 minutes`. */
export function scenarioFacts(meta: FrontMatter): string {
  return `${levelLabel(meta.level)}${meta.minutes ? ` · about ${meta.minutes} minute${meta.minutes === 1 ? '' : 's'}` : ''}`;
}

/** A finished run's figures as shown in the run history: `2 reflections to 1 question · 3 MI-adherent, 0 non-adherent`. */
export function runFigures(summary: RunSummary): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(summary.reflections, 'reflection')} to ${plural(summary.questions, 'question')} · ${summary.miAdherent} MI-adherent, ${summary.miNonAdherent} non-adherent`;
}

/** When a run ended, as shown in the run history: the reader's own date and time format. */
export function runDate(endedAt: string): string {
  return new Date(endedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A day on its own, in the same style as `runDate` (the reader's own format, medium length), for
 * lists where the time of day says nothing: when a module was completed, when a record was printed.
 */
export function dayDate(moment: string | Date): string {
  return new Date(moment).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The id of a past run's place on its scenario page, which My progress links to. */
export function runAnchor(endedAt: string): string {
  return `run-${endedAt.replace(/[^0-9A-Za-z]/g, '')}`;
}
