/**
 * SCORM 1.2 and 2004 from the content's side: find the LMS's API object in a parent frame (the
 * discovery the standards describe), then read the learner, the mastery score and the suspend
 * data, and write completion, success, score, suspend data and session time. The two versions
 * differ only in names, so each is a table of them and one piece of code uses either.
 */
import { scoreOf, type Actor } from '../engine/xapi.ts';
import type { Progress } from '../progress/schema.ts';
import type { ItemStatus } from './progress-events.ts';
import type { LmsSession } from './session.ts';
import { decodeSuspendData, encodeSuspendData, suspendLimits, type Reported } from './suspend-data.ts';

/** The calls both versions' API objects answer, under their own names. */
interface ScormCalls {
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  finish(): boolean;
}

interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSFinish(arg: ''): string;
}

interface Api2004 {
  Initialize(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  Terminate(arg: ''): string;
}

const ok = (answer: string) => answer === 'true';

/** The data model's names in each version. */
const names = {
  scorm12: {
    api: 'API',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
  },
  scorm2004: {
    api: 'API_1484_11',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    suspendData: 'cmi.suspend_data',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
  },
} as const;

export type ScormVersion = keyof typeof names;

/**
 * The API object in the nearest frame that has one: this window's parents, then its opener's,
 * as the SCORM run-time environment describes (at most 7 frames up, as its sample code does).
 */
function findApi(version: ScormVersion, from: Window): ScormCalls | undefined {
  const name = names[version].api;
  const search = (start: Window | null): unknown => {
    let frame = start;
    for (let depth = 0; frame && depth < 8; depth++) {
      try {
        const api = (frame as unknown as Record<string, unknown>)[name];
        if (api) return api;
      } catch {
        // A frame from another origin: its API is not ours to use; look further up.
      }
      if (frame.parent === frame) break;
      frame = frame.parent;
    }
    return undefined;
  };
  const api = search(from.parent === from ? null : from.parent) ?? search(from.opener as Window | null);
  if (!api) return undefined;
  if (version === 'scorm12') {
    const calls = api as Api12;
    return { initialize: () => ok(calls.LMSInitialize('')), get: (e) => calls.LMSGetValue(e), set: (e, v) => ok(calls.LMSSetValue(e, v)), commit: () => ok(calls.LMSCommit('')), finish: () => ok(calls.LMSFinish('')) };
  }
  const calls = api as Api2004;
  return { initialize: () => ok(calls.Initialize('')), get: (e) => calls.GetValue(e), set: (e, v) => ok(calls.SetValue(e, v)), commit: () => ok(calls.Commit('')), finish: () => ok(calls.Terminate('')) };
}

/** SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS`. */
function timespan12(milliseconds: number): string {
  const hundredths = Math.round(milliseconds / 10);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const seconds = (hundredths % 6000) / 100;
  return `${pad(Math.floor(hundredths / 360_000), 4)}:${pad(Math.floor((hundredths % 360_000) / 6000), 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004's timeinterval, an ISO 8601 duration to the hundredth of a second. */
function timeinterval(milliseconds: number): string {
  return `PT${(Math.round(milliseconds / 10) / 100).toFixed(2)}S`;
}

/**
 * Opens a SCORM session with the LMS, or undefined when the page is not in one (opened outside an
 * LMS, or the LMS would not start the session).
 */
export function openScormSession(version: ScormVersion, options: { readonly passMark: number; readonly window: Window; readonly now?: () => number }): LmsSession | undefined {
  const api = findApi(version, options.window);
  if (!api || !api.initialize()) return undefined;
  const now = options.now ?? Date.now;
  const started = now();
  const n = names[version];
  const learnerId = api.get(n.learnerId);
  const learnerName = api.get(n.learnerName);
  // The LMS may set its own pass mark: SCORM 1.2's mastery score (0 to 100), 2004's scaled passing score (-1 to 1).
  const lmsMark = version === 'scorm12' ? api.get('cmi.student_data.mastery_score') : api.get('cmi.scaled_passing_score');
  const passMark = lmsMark === '' || Number.isNaN(Number(lmsMark)) ? undefined : version === 'scorm12' ? Number(lmsMark) / 100 : Number(lmsMark);
  const suspended = decodeSuspendData(api.get(n.suspendData));
  // What the LMS already holds: once completed or passed, an item stays so (undoing "mark complete" on the page does not take it back).
  const priorStatus = version === 'scorm12' ? api.get('cmi.core.lesson_status') : `${api.get('cmi.completion_status')} ${api.get('cmi.success_status')}`;
  let reported: Reported = { ...(/passed|completed/.test(priorStatus) ? { completed: true } : {}), ...(/passed/.test(priorStatus) ? { passed: true } : {}) };
  const learner: Actor | undefined = learnerId ? { objectType: 'Agent', ...(learnerName ? { name: learnerName } : {}), account: { homePage: options.window.location.origin, name: learnerId } } : undefined;

  // A new attempt says it has begun; a resumed one already has its status.
  if (version === 'scorm12' && api.get('cmi.core.lesson_status') === 'not attempted') api.set('cmi.core.lesson_status', 'incomplete');
  if (version === 'scorm2004' && api.get('cmi.completion_status') === 'unknown') api.set('cmi.completion_status', 'incomplete');
  // Every exit is a suspend, so that the LMS resumes the attempt rather than starting a new one.
  api.set(n.exit, 'suspend');
  api.commit();

  return {
    ...(learner ? { learner } : {}),
    ...(passMark === undefined ? {} : { passMark }),
    suspended,
    report(status: ItemStatus, progress: Progress) {
      const mark = passMark ?? options.passMark;
      const passed = status.score ? reported.passed === true || scoreOf(status.score).scaled >= mark : undefined;
      const completed = status.completed || reported.completed === true;
      reported = { ...(completed ? { completed: true } : {}), ...(passed ? { passed: true } : {}) };
      if (version === 'scorm12') {
        // SCORM 1.2 has one status: a finished check decides passed or failed once the module is complete.
        api.set('cmi.core.lesson_status', !completed ? 'incomplete' : passed === true ? 'passed' : passed === false ? 'failed' : 'completed');
        if (status.score) {
          api.set('cmi.core.score.min', '0');
          api.set('cmi.core.score.max', '100');
          api.set('cmi.core.score.raw', String(Math.round(scoreOf(status.score).scaled * 100)));
        }
      } else {
        api.set('cmi.completion_status', completed ? 'completed' : 'incomplete');
        if (status.score) {
          const score = scoreOf(status.score);
          api.set('cmi.success_status', passed ? 'passed' : 'failed');
          api.set('cmi.score.scaled', String(score.scaled));
          api.set('cmi.score.raw', String(score.raw));
          api.set('cmi.score.min', String(score.min));
          api.set('cmi.score.max', String(score.max));
        }
      }
      const data = encodeSuspendData({ progress, reported }, suspendLimits[version]);
      if (data !== undefined) api.set(n.suspendData, data);
      api.commit();
      return [];
    },
    end() {
      const elapsed = now() - started;
      api.set(n.sessionTime, version === 'scorm12' ? timespan12(elapsed) : timeinterval(elapsed));
      api.commit();
      api.finish();
      return [];
    },
  };
}
