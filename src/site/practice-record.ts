/**
 * The record a trainee can hand in, as plain data from their progress: the modules completed with
 * the date and the knowledge check's score, the scenarios played with their endings and figures,
 * how much practice that is, and the figures of their replies in their own words. My progress
 * prints it on one page (PrintedRecord.tsx); nothing here touches the DOM, so it is tested alone.
 */
import { ownWordsSummary, type OwnReply } from '../engine/own-words.ts';
import type { FinishedRun, Progress } from '../progress/schema.ts';
import { scoreOf, type QuestionShape } from './check-attempt.ts';
import { currentAttempt } from './current-attempt.ts';

/** A module of the course, as the record needs it. */
export interface CourseModule {
  readonly id: string;
  readonly title: string;
  /** The module's own estimate of its reading and practice time. */
  readonly minutes: number;
  /** Its knowledge check, if it has one: how many questions an attempt draws, from which. */
  readonly check?: { readonly draw: number; readonly questions: readonly QuestionShape[] };
}

/** A scenario of the course, as the record needs it. */
export interface CourseScenario {
  readonly title: string;
  /** The scenario's own estimate of a run's time, if it gives one. */
  readonly minutes?: number;
}

/** Where a module's knowledge check stands in the latest attempt. */
export type CheckStanding =
  | { readonly kind: 'scored'; readonly correct: number; readonly of: number }
  | { readonly kind: 'unfinished'; readonly answered: number; readonly of: number }
  | { readonly kind: 'not tried' }
  | { readonly kind: 'no check' };

/** One module in the record: completed, or with a knowledge check finished. */
export interface ModuleLine {
  readonly id: string;
  readonly title: string;
  readonly completedAt?: string;
  readonly check: CheckStanding;
}

/** One scenario in the record, with every run of it and the latest one's figures. */
export interface ScenarioLine {
  readonly id: string;
  readonly title: string;
  readonly runs: number;
  /** How many runs reached each kind of ending. */
  readonly outcomes: Readonly<Record<FinishedRun['outcome'], number>>;
  /** Runs played as a group, among `runs`. */
  readonly asGroup: number;
  /** The most recent run: its date, ending and figures are the ones shown. */
  readonly latest: FinishedRun;
}

/** The figures of every reply written in own words, as the coder on the device read them. */
export interface OwnWordsLine {
  readonly runs: number;
  readonly replies: number;
  /** Reflections per question; null with no questions. */
  readonly reflectionsPerQuestion: number | null;
  /** Open questions as a share of questions, 0 to 1; null with no questions. */
  readonly openShare: number | null;
  /** MI-adherent replies as a share of coded replies, 0 to 1; null with none coded. */
  readonly adherentShare: number | null;
}

export interface PracticeRecord {
  readonly modules: readonly ModuleLine[];
  readonly modulesCompleted: number;
  readonly modulesInCourse: number;
  /** Newest first. */
  readonly scenarios: readonly ScenarioLine[];
  readonly runs: number;
  /** The first and last moments anything was recorded, if anything was. */
  readonly span?: { readonly from: string; readonly to: string };
  /**
   * The course's own estimate of the practice recorded, in minutes: each completed module's and
   * each finished run's `minutes`. Progress keeps no durations, so this is the only time there is.
   */
  readonly estimatedMinutes: number;
  /** Finished runs of scenarios that give no time estimate, left out of `estimatedMinutes`. */
  readonly runsWithoutEstimate: number;
  readonly ownWords?: OwnWordsLine;
}

/** Where the module page keeps the answer to one question of its check (see knowledge-check.ts). */

/**
 * The knowledge check in its latest attempt, the only one progress keeps whole (a new attempt
 * starts afresh, and the answers before it no longer count): scored once every question it drew
 * has an answer given since it began. The draw is the page's own, from the attempt's seed, so the
 * score is the one the trainee was shown.
 */
export function latestCheck(progress: Progress, module: CourseModule): CheckStanding {
  if (!module.check || module.check.draw === 0) return { kind: 'no check' };
  const attempt = currentAttempt(progress, module.id, module.check);
  if (!attempt) return { kind: 'not tried' };
  const { drawn, correct } = attempt;
  const score = scoreOf(drawn, correct, new Map(), []);
  return score ? { kind: 'scored', correct: score.correct, of: score.of } : { kind: 'unfinished', answered: correct.size, of: drawn.length };
}

/** The figures of all the replies written in own words, or undefined if none were. */
function ownWordsLine(runs: readonly FinishedRun[]): OwnWordsLine | undefined {
  const inOwnWords = runs.filter((run) => run.ownWords?.some(Boolean));
  if (inOwnWords.length === 0) return undefined;
  const replies = inOwnWords.flatMap((run) => (run.ownWords ?? []).filter((reply): reply is OwnReply => Boolean(reply)));
  const summary = ownWordsSummary(replies);
  return {
    runs: inOwnWords.length,
    replies: replies.length,
    reflectionsPerQuestion: summary.questions === 0 ? null : summary.reflections / summary.questions,
    openShare: summary.questions === 0 ? null : summary.openQuestions / summary.questions,
    adherentShare: summary.coded === 0 ? null : summary.miAdherent / summary.coded,
  };
}

/** The record of a trainee's progress against the course as it is now. */
export function practiceRecord(progress: Progress, modules: readonly CourseModule[], scenarios: Readonly<Record<string, CourseScenario>>): PracticeRecord {
  const moduleLines = modules.flatMap((module): ModuleLine[] => {
    const completedAt = progress.modules[module.id]?.completedAt;
    const check = latestCheck(progress, module);
    // A module appears once it is completed, or once its check has a score worth handing in.
    if (!completedAt && check.kind !== 'scored') return [];
    return [{ id: module.id, title: module.title, ...(completedAt ? { completedAt } : {}), check }];
  });

  const byScenario = new Map<string, FinishedRun[]>();
  for (const run of progress.runs) byScenario.set(run.scenarioId, [...(byScenario.get(run.scenarioId) ?? []), run]);
  const scenarioLines = [...byScenario].map(([id, runs]): ScenarioLine => {
    const latest = runs.reduce((a, b) => (b.endedAt > a.endedAt ? b : a));
    const count = (outcome: FinishedRun['outcome']) => runs.filter((run) => run.outcome === outcome).length;
    return {
      id,
      title: scenarios[id]?.title ?? (latest.title || id),
      runs: runs.length,
      outcomes: { positive: count('positive'), mixed: count('mixed'), negative: count('negative') },
      asGroup: runs.filter((run) => run.group).length,
      latest,
    };
  });
  scenarioLines.sort((a, b) => b.latest.endedAt.localeCompare(a.latest.endedAt));

  const moments = [
    ...Object.values(progress.modules).map((module) => module.completedAt),
    ...Object.values(progress.answers).map((answer) => answer.answeredAt),
    ...progress.runs.map((run) => run.endedAt),
  ].sort((a, b) => Date.parse(a) - Date.parse(b));

  const completed = modules.filter((module) => progress.modules[module.id]);
  const runsWithoutEstimate = progress.runs.filter((run) => !scenarios[run.scenarioId]?.minutes).length;
  const estimatedMinutes = completed.reduce((sum, module) => sum + module.minutes, 0) + progress.runs.reduce((sum, run) => sum + (scenarios[run.scenarioId]?.minutes ?? 0), 0);
  const ownWords = ownWordsLine(progress.runs);

  return {
    modules: moduleLines,
    modulesCompleted: completed.length,
    modulesInCourse: modules.length,
    scenarios: scenarioLines,
    runs: progress.runs.length,
    ...(moments.length > 0 ? { span: { from: moments[0]!, to: moments.at(-1)! } } : {}),
    estimatedMinutes,
    runsWithoutEstimate,
    ...(ownWords ? { ownWords } : {}),
  };
}

/** Minutes in words, rounded to the nearest 5 as an estimate should be: `about 3 hours 25 minutes`. */
export function aboutDuration(minutes: number): string {
  const rounded = Math.round(minutes / 5) * 5;
  const hours = Math.floor(rounded / 60);
  const rest = rounded % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (rounded === 0) return 'under 5 minutes';
  return `about ${[hours > 0 ? part(hours, 'hour') : '', rest > 0 ? part(rest, 'minute') : ''].filter(Boolean).join(' ')}`;
}
