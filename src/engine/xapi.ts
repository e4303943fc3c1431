/**
 * What an xAPI statement about the course is: the one place that knows the course's xAPI profile
 * (docs/xapi-profile.md, with its JSON-LD beside it). A scenario step becomes a `responded`
 * statement with the node, the option, its behaviour code and the feedback shown as result
 * extensions; an ending becomes a `completed` statement with the ending and the MITI-style summary;
 * a knowledge-check answer, a module marked complete and a finished check become `answered`,
 * `completed` and `passed` or `failed`. Everything here is built from the engine's run (picks,
 * offered choices, the debrief), never from a page, and is plain data: the edge that sends a
 * statement adds who, when and which registration, and the cmi5 shape where an LMS asks for it.
 */
import { debriefOf } from './debrief.ts';
import { offeredAt, picks, type Run } from './run.ts';
import type { MitiSummary } from './score.ts';

/** The base of every IRI the profile defines. Reserved at w3id.org; see docs/xapi-profile.md. */
export const profileBase = 'https://w3id.org/xapi/recovery-coach-practice';

/** The profile's version, as every statement names it in `context.contextActivities.category`. */
export const profileVersion = `${profileBase}/v1`;

/** The verbs the profile uses: ADL's, where one says exactly what happened. */
export const verbs = {
  /** Picked an option at a step of a scenario. */
  responded: { id: 'http://adlnet.gov/expapi/verbs/responded', display: { en: 'responded' } },
  /** Answered a knowledge-check question. */
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered' } },
  /** Played a scenario to an ending, or marked a module complete. */
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { en: 'completed' } },
  /** Finished a module's knowledge check at or above the pass mark. */
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { en: 'passed' } },
  /** Finished a module's knowledge check below the pass mark. */
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { en: 'failed' } },
} as const;

/** The activity types of the things statements are about. */
export const activityTypes = {
  module: 'http://adlnet.gov/expapi/activities/module',
  /** A module's knowledge check, as one assessment. */
  check: 'http://adlnet.gov/expapi/activities/assessment',
  /** A knowledge-check question, or a step of a scenario: both offer options to pick from. */
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  scenario: `${profileBase}/activity-types/scenario`,
} as const;

/** The profile's extensions: what the engine knows about a step or an ending, as data. */
export const extensions = {
  /** Result: the node a choice was made at, `{ id, heading }`. */
  node: `${profileBase}/extensions/node`,
  /** Result: the option picked, `{ id, number, says }` (number among those offered, from 1). */
  option: `${profileBase}/extensions/option`,
  /** Result: the option's behaviour code, `{ name, countsAs, stance }`. */
  code: `${profileBase}/extensions/code`,
  /** Result: the feedback shown after the choice, as Markdown. */
  feedback: `${profileBase}/extensions/feedback`,
  /** Result: the ending reached, `{ id, heading, outcome }`. */
  ending: `${profileBase}/extensions/ending`,
  /** Result: the MITI-style summary of the run's coded choices. */
  summary: `${profileBase}/extensions/summary`,
  /** Context: which run of the scenario this is on the trainee's record, from 1. */
  attempt: `${profileBase}/extensions/attempt`,
} as const;

/** A language map: text by language tag. The course is written in English. */
export type LanguageMap = Readonly<Record<string, string>>;

export interface Activity {
  readonly objectType: 'Activity';
  readonly id: string;
  readonly definition?: {
    readonly type: string;
    readonly name?: LanguageMap;
    readonly description?: LanguageMap;
    readonly interactionType?: 'choice';
    readonly choices?: ReadonlyArray<{ readonly id: string; readonly description: LanguageMap }>;
    readonly correctResponsesPattern?: readonly string[];
  };
}

export interface Score {
  readonly scaled: number;
  readonly raw: number;
  readonly min: number;
  readonly max: number;
}

export interface Result {
  readonly response?: string;
  readonly success?: boolean;
  readonly completion?: boolean;
  readonly score?: Score;
  readonly duration?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface Context {
  readonly registration?: string;
  readonly contextActivities?: {
    readonly parent?: readonly Activity[];
    readonly grouping?: readonly Activity[];
    readonly category?: readonly Activity[];
  };
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** What happened, before the edge says who did it and when: verb, object, result and context. */
export interface StatementBody {
  readonly verb: { readonly id: string; readonly display: LanguageMap };
  readonly object: Activity;
  readonly result?: Result;
  readonly context: Context;
}

/** Who did it, as the LMS names them: an account (`homePage`, `name`), with a display name if the LMS gives one. */
export interface Actor {
  readonly objectType: 'Agent';
  readonly name?: string;
  readonly account: { readonly homePage: string; readonly name: string };
}

/** A statement ready to send. */
export interface Statement extends StatementBody {
  readonly id: string;
  readonly actor: Actor;
  readonly timestamp: string;
}

/** Where the course's activities live: a deployment's course IRI (`coach package` names it). */
export interface CourseIris {
  readonly course: string;
}

const en = (text: string): LanguageMap => ({ en: text });

/** The profile category every statement carries, so that an LRS can tell which profile it follows. */
const profileCategory: Activity = { objectType: 'Activity', id: profileVersion };

/** The activity of a scenario. */
export function scenarioActivity(iris: CourseIris, run: Run): Activity {
  const { scenario } = run;
  return { objectType: 'Activity', id: `${iris.course}/scenarios/${scenario.id}`, definition: { type: activityTypes.scenario, name: en(scenario.meta.title) } };
}

/** The activity of a module. */
export function moduleActivity(iris: CourseIris, module: { readonly id: string; readonly title: string }): Activity {
  return { objectType: 'Activity', id: `${iris.course}/modules/${module.id}`, definition: { type: activityTypes.module, name: en(module.title) } };
}

/** The activity of a module's knowledge check. */
export function checkActivity(iris: CourseIris, module: { readonly id: string; readonly title: string }): Activity {
  return { objectType: 'Activity', id: `${iris.course}/modules/${module.id}/check`, definition: { type: activityTypes.check, name: en(`Knowledge check: ${module.title}`) } };
}

/** An option's id in a step's interaction: its place in the file, from 1, so it stays the same whichever options a run was offered. */
export const optionId = (index: number): string => `option-${index + 1}`;

/**
 * The statement of one step of a run (0 is the first choice): the trainee picked an option at a
 * node. The step's activity lists every option the node has; the result says which was picked,
 * its code, and the feedback the trainee read after it.
 */
export function stepStatement(iris: CourseIris, run: Run, step: number, attempt: number): StatementBody {
  const pick = picks(run)[step];
  if (!pick) throw new RangeError(`The run has no step ${step + 1}`);
  const node = run.scenario.nodes.find((candidate) => candidate.id === pick.node);
  if (node?.kind !== 'choice') throw new RangeError(`The node \`${pick.node}\` is not a choice node`);
  const offered = offeredAt(run, step);
  const number = offered.find((option) => option.index === pick.index)?.number ?? pick.index + 1;
  const scenario = scenarioActivity(iris, run);
  return {
    verb: verbs.responded,
    object: {
      objectType: 'Activity',
      id: `${scenario.id}/nodes/${encodeURIComponent(node.id)}`,
      definition: {
        type: activityTypes.interaction,
        name: en(node.heading),
        interactionType: 'choice',
        choices: node.choices.map((choice, index) => ({ id: optionId(index), description: en(choice.says) })),
      },
    },
    result: {
      response: optionId(pick.index),
      extensions: {
        [extensions.node]: { id: node.id, heading: node.heading },
        [extensions.option]: { id: optionId(pick.index), number, says: pick.choice.says },
        [extensions.code]: { name: pick.choice.code.name, countsAs: pick.choice.code.countsAs, stance: pick.choice.code.stance },
        [extensions.feedback]: pick.choice.feedback,
      },
    },
    context: { contextActivities: { parent: [scenario], category: [profileCategory] }, extensions: { [extensions.attempt]: attempt } },
  };
}

/** The summary figures a statement carries: counts, and the two ratios (null where there is nothing to divide by). */
function summaryFigures(summary: MitiSummary): Readonly<Record<string, number | null>> {
  return {
    coded: summary.coded,
    questions: summary.questions,
    reflections: summary.reflections,
    complexReflections: summary.complexReflections,
    reflectionToQuestion: summary.reflectionToQuestion.value,
    percentComplexReflections: summary.percentComplexReflections.value,
    miAdherent: summary.miAdherent,
    miNonAdherent: summary.miNonAdherent,
  };
}

/**
 * The statement of a run played to its ending: `completed` on the scenario, with the ending and
 * the MITI-style summary as result extensions. No score: a scenario has no pass mark.
 */
export function endingStatement(iris: CourseIris, run: Run, attempt: number): StatementBody {
  const debrief = debriefOf(run);
  if (!debrief) throw new RangeError(`The run of \`${run.scenario.id}\` has not reached an ending`);
  return {
    verb: verbs.completed,
    object: scenarioActivity(iris, run),
    result: {
      completion: true,
      extensions: {
        [extensions.ending]: { id: debrief.ending.id, heading: debrief.ending.heading, outcome: debrief.ending.outcome },
        [extensions.summary]: summaryFigures(debrief.summary),
      },
    },
    context: { contextActivities: { category: [profileCategory] }, extensions: { [extensions.attempt]: attempt } },
  };
}

/** A knowledge-check question, as the statement of an answer needs it. */
export interface CheckQuestion {
  readonly module: { readonly id: string; readonly title: string };
  /** The question's id within the module's check. */
  readonly id: string;
}

/** The statement of a knowledge-check answer: the option picked (by its position from 0) and whether it was right. */
export function answerStatement(iris: CourseIris, question: CheckQuestion, choice: number, correct: boolean): StatementBody {
  const check = checkActivity(iris, question.module);
  return {
    verb: verbs.answered,
    object: { objectType: 'Activity', id: `${check.id}/questions/${encodeURIComponent(question.id)}`, definition: { type: activityTypes.interaction, interactionType: 'choice' } },
    result: { response: optionId(choice), success: correct },
    context: { contextActivities: { parent: [check], grouping: [moduleActivity(iris, question.module)], category: [profileCategory] } },
  };
}

/** The statement of a module marked complete. */
export function moduleCompletedStatement(iris: CourseIris, module: { readonly id: string; readonly title: string }): StatementBody {
  return { verb: verbs.completed, object: moduleActivity(iris, module), result: { completion: true }, context: { contextActivities: { category: [profileCategory] } } };
}

/** How a knowledge check went: right answers out of the questions it asks. */
export interface CheckScore {
  readonly correct: number;
  readonly asked: number;
}

/** A check's score as xAPI gives one: scaled from 0 to 1, and raw out of the questions asked. */
export function scoreOf({ correct, asked }: CheckScore): Score {
  return { scaled: asked === 0 ? 0 : Math.round((correct / asked) * 10_000) / 10_000, raw: correct, min: 0, max: asked };
}

/** Whether a check's score meets a pass mark (a share from 0 to 1). */
export const meetsPassMark = (score: CheckScore, passMark: number): boolean => scoreOf(score).scaled >= passMark;

/**
 * The statement of a finished knowledge check: `passed` or `failed` against the pass mark, with
 * the score. The only profile statement with a score: the check is the only thing with a pass mark.
 */
export function checkStatement(iris: CourseIris, module: { readonly id: string; readonly title: string }, score: CheckScore, passMark: number): StatementBody {
  const passed = meetsPassMark(score, passMark);
  return {
    verb: passed ? verbs.passed : verbs.failed,
    object: checkActivity(iris, module),
    result: { success: passed, score: scoreOf(score) },
    context: { contextActivities: { parent: [moduleActivity(iris, module)], category: [profileCategory] } },
  };
}

/** Who, when and where, as the edge knows them when a statement is made. */
export interface Sending {
  readonly id: string;
  readonly timestamp: string;
  readonly actor: Actor;
  /** The LMS's registration (cmi5), if there is one. */
  readonly registration?: string;
  /** The cmi5 context template from the LMS's launch data: its activities and extensions go in every statement. */
  readonly contextTemplate?: Context;
}

/** Joins two lists of context activities, the template's first. */
const joined = (a: readonly Activity[] | undefined, b: readonly Activity[] | undefined): readonly Activity[] | undefined => (a || b ? [...(a ?? []), ...(b ?? [])] : undefined);

/** A statement ready to send: the body, with who, when, and the LMS's registration and context template. */
export function completeStatement(body: StatementBody, sending: Sending): Statement {
  const template = sending.contextTemplate ?? {};
  const activities = {
    parent: joined(template.contextActivities?.parent, body.context.contextActivities?.parent),
    grouping: joined(template.contextActivities?.grouping, body.context.contextActivities?.grouping),
    category: joined(template.contextActivities?.category, body.context.contextActivities?.category),
  };
  const contextExtensions = { ...template.extensions, ...body.context.extensions };
  const context: Context = {
    ...(sending.registration ? { registration: sending.registration } : {}),
    contextActivities: Object.fromEntries(Object.entries(activities).filter(([, list]) => list !== undefined)),
    ...(Object.keys(contextExtensions).length > 0 ? { extensions: contextExtensions } : {}),
  };
  return { id: sending.id, actor: sending.actor, verb: body.verb, object: body.object, ...(body.result ? { result: body.result } : {}), context, timestamp: sending.timestamp };
}

/** The cmi5 IRIs a cmi5-defined statement needs (cmi5 Quartz, section 9). */
export const cmi5 = {
  category: { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' } satisfies Activity,
  moveOnCategory: { objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' } satisfies Activity,
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
} as const;

/** What a cmi5-defined statement says about the AU: it was completed, passed or failed. */
export type Cmi5Outcome = { readonly verb: 'completed' } | { readonly verb: 'passed' | 'failed'; readonly score: CheckScore };

/**
 * A cmi5-defined statement about the launched AU (cmi5 section 9.3): `completed` with no score, or
 * `passed` or `failed` with the check's score and the mastery score the LMS set, which decides
 * which of the two it is. cmi5 allows a score only here; other figures are result extensions.
 */
export function cmi5Statement(auId: string, outcome: Cmi5Outcome, duration: string, masteryScore: number | undefined): StatementBody {
  const moveOn = { contextActivities: { category: [cmi5.category, cmi5.moveOnCategory] } };
  if (outcome.verb === 'completed') return { verb: verbs.completed, object: { objectType: 'Activity', id: auId }, result: { completion: true, duration }, context: moveOn };
  return {
    verb: verbs[outcome.verb],
    object: { objectType: 'Activity', id: auId },
    result: { success: outcome.verb === 'passed', score: scoreOf(outcome.score), duration },
    context: { ...moveOn, ...(masteryScore === undefined ? {} : { extensions: { [cmi5.masteryScore]: masteryScore } }) },
  };
}

/**
 * cmi5's Terminated statement about the AU, with the session's duration. (Initialized is sent by
 * `@xapi/cmi5` as it opens the session; Terminated goes through the outbox, with `keepalive`, as
 * the page closes.)
 */
export function cmi5TerminatedStatement(auId: string, duration: string): StatementBody {
  return {
    verb: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: en('terminated') },
    object: { objectType: 'Activity', id: auId },
    result: { duration },
    context: { contextActivities: { category: [cmi5.category] } },
  };
}

/** An ISO 8601 duration between two moments, to the hundredth of a second, as xAPI writes one. */
export function isoDuration(from: Date, to: Date): string {
  const hundredths = Math.max(0, Math.round((to.getTime() - from.getTime()) / 10));
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6_000);
  const seconds = (hundredths % 6_000) / 100;
  return `PT${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds}S`;
}
