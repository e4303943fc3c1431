/**
 * What the trainee did between two readings of their progress record, for one package item, as
 * statements of the course's xAPI profile. The site's pages write the record as they always have;
 * the launch page reads each change and asks the engine what it means: a run's new choices are
 * replayed to find the node, the option, its code and its feedback, and a finished run is
 * debriefed for its ending and summary. So the statements come from the engine's run, the same
 * one the page showed, and no page changes for a package.
 */
import { replay, RunError, type Run } from '../engine/run.ts';
import { answerStatement, checkStatement, endingStatement, moduleCompletedStatement, stepStatement, type CheckScore, type CourseIris, type StatementBody } from '../engine/xapi.ts';
import type { FinishedRun, Progress } from '../progress/schema.ts';
import { answerId, scoreOf } from '../site/check-attempt.ts';
import { currentAttempt } from '../site/current-attempt.ts';
import { type CourseItem, type ModuleItem, type ScenarioItem } from './course.ts';

/** What the LMS is told about an item, besides the statements: enough to set its status and score. */
export interface ItemStatus {
  /** The module is marked complete, or the scenario has been played to an ending. */
  readonly completed: boolean;
  /** The knowledge check's score, once every question it asks has an answer in the current attempt. */
  readonly score?: CheckScore;
}

/**
 * The knowledge check's score in the current attempt, once every question it drew has an answer
 * given since the attempt began; the draw is the page's own (the attempt's seed, through
 * check-attempt.ts), so the LMS hears the score the trainee was shown.
 */
export function checkScore(progress: Progress, item: ModuleItem): CheckScore | undefined {
  const attempt = item.check && currentAttempt(progress, item.id, item.check);
  if (!attempt) return undefined;
  const { drawn, correct } = attempt;
  const score = scoreOf(drawn, correct, new Map(), []);
  return score && { correct: score.correct, asked: score.of };
}

/** The item's status in a progress record. */
export function itemStatus(progress: Progress, item: CourseItem): ItemStatus {
  if (item.kind === 'scenario') return { completed: progress.runs.some((run) => run.scenarioId === item.id && !run.group) };
  const score = checkScore(progress, item);
  return { completed: progress.modules[item.id] !== undefined, ...(score ? { score } : {}) };
}

const sameScore = (a: CheckScore | undefined, b: CheckScore | undefined) => a?.correct === b?.correct && a?.asked === b?.asked;

/** How many leading choices two runs share. */
function sharedSteps(a: readonly number[], b: readonly number[]): number {
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared;
}

const runKey = (run: FinishedRun) => run.endedAt;

/** The statements of a module between two records: answers given, the module marked complete, the check finished. */
function moduleStatements(iris: CourseIris, item: ModuleItem, before: Progress, after: Progress, passMark: number): StatementBody[] {
  const statements: StatementBody[] = [];
  const module = { id: item.id, title: item.title };
  for (const { id } of item.check?.questions ?? []) {
    const key = answerId(item.id, id);
    const answer = after.answers[key];
    if (answer && answer.answeredAt !== before.answers[key]?.answeredAt) statements.push(answerStatement(iris, { module, id }, answer.choice, answer.correct));
  }
  if (after.modules[item.id] && !before.modules[item.id]) statements.push(moduleCompletedStatement(iris, module));
  const score = checkScore(after, item);
  if (score && !sameScore(score, checkScore(before, item))) statements.push(checkStatement(iris, module, score, passMark));
  return statements;
}

/**
 * Replays stored choices; undefined if the scenario no longer offers them (the page sets such a
 * run aside and says so; there is nothing true to report about it).
 */
function replayed(item: ScenarioItem, choices: readonly number[]): Run | undefined {
  try {
    return replay(item.scenario, choices);
  } catch (error) {
    if (error instanceof RunError) return undefined;
    throw error;
  }
}

/**
 * The statements of a scenario between two records: each choice made since (the steps after the
 * ones both records share, so an undo and a new choice report the new one), and each run that
 * reached an ending. `attempt` numbers a trainee's runs of the scenario from 1.
 */
function scenarioStatements(iris: CourseIris, item: ScenarioItem, before: Progress, after: Progress): StatementBody[] {
  const statements: StatementBody[] = [];
  const beforeChoices = before.inProgress[item.id]?.choices ?? [];
  const finishedBefore = new Set(before.runs.filter((run) => run.scenarioId === item.id).map(runKey));
  const finishedRuns = after.runs.filter((run) => run.scenarioId === item.id && !run.group);
  const newlyFinished = finishedRuns.filter((run) => !finishedBefore.has(runKey(run)));
  for (const finished of newlyFinished) {
    const run = replayed(item, finished.choices);
    if (!run) continue;
    const attempt = finishedRuns.indexOf(finished) + 1;
    for (let step = sharedSteps(beforeChoices, finished.choices); step < finished.choices.length; step++) statements.push(stepStatement(iris, run, step, attempt));
    statements.push(endingStatement(iris, run, attempt));
  }
  const afterChoices = after.inProgress[item.id]?.choices;
  if (afterChoices) {
    const run = replayed(item, afterChoices);
    // A run in progress is the next one; a run that just ended started from none, not from the one before it.
    const from = newlyFinished.length > 0 ? 0 : sharedSteps(beforeChoices, afterChoices);
    if (run) for (let step = from; step < afterChoices.length; step++) statements.push(stepStatement(iris, run, step, finishedRuns.length + 1));
  }
  return statements;
}

/** The statements of what happened to an item between two progress records, in the order it happened. */
export function statementsBetween(iris: CourseIris, item: CourseItem, before: Progress, after: Progress, passMark: number): StatementBody[] {
  return item.kind === 'module' ? moduleStatements(iris, item, before, after, passMark) : scenarioStatements(iris, item, before, after);
}
