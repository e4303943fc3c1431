/**
 * cmi5 from the AU's side, through `@xapi/cmi5`: it reads the launch parameters, fetches the
 * one-time auth token, reads the LMS's launch data (mastery score, context template, launch mode)
 * and sends Initialized. This file adds what the course needs on top: the session kept across a
 * reload of the page (the fetch URL works only once), the item's progress kept in a State
 * document so the LMS resumes it, and cmi5's own statements at the moments its rules allow:
 * Completed and Passed once per registration, Failed at most once a session and never after Passed.
 */
import Cmi5 from '@xapi/cmi5';
import { cmi5Statement, cmi5TerminatedStatement, isoDuration, meetsPassMark, profileBase, type Actor, type Context, type StatementBody } from '../engine/xapi.ts';
import type { Progress } from '../progress/schema.ts';
import type { ItemStatus } from './progress-events.ts';
import type { LmsSession } from './session.ts';
import { decodeSuspendData, encodeSuspendData, suspendLimits, type Reported } from './suspend-data.ts';

/** The State document the item's progress is kept in, per learner, AU and registration. */
export const suspendStateId = `${profileBase}/state/suspend-data`;

/** What is kept in the tab between reloads of the launch page: the session the LMS started. */
interface KeptSession {
  readonly authToken: string;
  readonly initializedDate: string;
  /** Terminated was sent: the LMS has closed the session, and only a new launch opens another. */
  readonly terminated?: true;
}

/** Opens the cmi5 session this page was launched into, or undefined when it was not launched by a cmi5 LMS (or its session has ended). */
export async function openCmi5Session(options: { readonly passMark: number; readonly storage: Storage }): Promise<LmsSession | undefined> {
  if (!Cmi5.isCmiAvailable) return undefined;
  const cmi5 = new Cmi5();
  const { activityId, registration, actor, endpoint } = cmi5.getLaunchParameters();
  const keptKey = `recovery-coach-practice:cmi5-session:${registration}:${activityId}`;
  const kept = JSON.parse(options.storage.getItem(keptKey) ?? 'null') as KeptSession | null;
  if (kept?.terminated) return undefined;
  await cmi5.initialize(kept ? { authToken: kept.authToken, initializedDate: new Date(kept.initializedDate) } : undefined);
  const initializedDate = cmi5.getInitializedDate();
  options.storage.setItem(keptKey, JSON.stringify({ authToken: cmi5.getAuthToken(), initializedDate: initializedDate.toISOString() } satisfies KeptSession));

  const launchData = cmi5.getLaunchData();
  const masteryScore = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : undefined;
  // Browse and Review launches look, they do not count: cmi5 allows its own statements only in Normal mode.
  const counts = launchData.launchMode === 'Normal';
  const stateParams = { agent: actor, activityId, registration, stateId: suspendStateId };
  const stored = await cmi5.xapi!.getState(stateParams).then(
    (response) => (typeof response.data === 'string' ? response.data : JSON.stringify(response.data)),
    () => undefined, // No State yet: a first launch.
  );
  const suspended = decodeSuspendData(stored);
  let reported: Reported = suspended.reported;
  let failedThisSession = false;
  let unsaved: string | undefined;

  /** Keeps the item's progress in the State document; one that cannot be saved now is saved with the next change. */
  const save = (data: string | undefined) => {
    unsaved = data ?? unsaved;
    if (unsaved === undefined) return;
    const state = unsaved;
    cmi5.xapi!.setState({ ...stateParams, state: JSON.parse(state) as unknown, contentType: 'application/json' }).then(
      () => {
        if (unsaved === state) unsaved = undefined;
      },
      () => undefined,
    );
  };
  const duration = () => isoDuration(initializedDate, new Date());

  return {
    learner: actor as Actor,
    ...(masteryScore === undefined ? {} : { passMark: masteryScore }),
    suspended,
    recordStore: { destination: { endpoint, authorization: `Basic ${cmi5.getAuthToken()}` }, registration, contextTemplate: launchData.contextTemplate as Context },
    report(status: ItemStatus, progress: Progress) {
      const statements: StatementBody[] = [];
      if (counts && status.completed && !reported.completed) {
        statements.push(cmi5Statement(activityId, { verb: 'completed' }, duration(), masteryScore));
        reported = { ...reported, completed: true };
      }
      if (counts && status.score && !reported.passed) {
        if (meetsPassMark(status.score, masteryScore ?? options.passMark)) {
          statements.push(cmi5Statement(activityId, { verb: 'passed', score: status.score }, duration(), masteryScore));
          reported = { ...reported, passed: true };
        } else if (!failedThisSession) {
          statements.push(cmi5Statement(activityId, { verb: 'failed', score: status.score }, duration(), masteryScore));
          failedThisSession = true;
        }
      }
      save(encodeSuspendData({ progress, reported }, suspendLimits.cmi5));
      return statements;
    },
    end() {
      save(undefined);
      options.storage.setItem(keptKey, JSON.stringify({ authToken: cmi5.getAuthToken(), initializedDate: initializedDate.toISOString(), terminated: true } satisfies KeptSession));
      return [cmi5TerminatedStatement(activityId, duration())];
    },
  };
}
