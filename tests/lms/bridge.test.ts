/**
 * The LMS bridge's own logic, without a browser: what a change to the progress record means for a
 * package item, what the LMS keeps of it, and the outbox that keeps statements until an LRS has them.
 */
import { describe, expect, it } from 'vitest';
import { choiceIndices, choose, startRun } from '../../src/engine/run.ts';
import { completeStatement, extensions, type StatementBody } from '../../src/engine/xapi.ts';
import { itemSlice, type ModuleItem, type ScenarioItem } from '../../src/lms/course.ts';
import { arrange } from '../../src/site/check-attempt.ts';
import { checkScore, itemStatus, statementsBetween } from '../../src/lms/progress-events.ts';
import { Outbox } from '../../src/lms/statement-queue.ts';
import { decodeSuspendData, encodeSuspendData, resumeFrom } from '../../src/lms/suspend-data.ts';
import { finishedRunOf } from '../../src/progress/finished-run.ts';
import { emptyProgress, type Progress } from '../../src/progress/schema.ts';
import { checkStatement, profile } from './profile-check.ts';
import { lintText, scenario } from '../helpers.ts';

const parsed = lintText(
  scenario(`## opening

**Sam:** Some days I wonder what the point is.

- **Complex reflection:** "You've been carrying a lot on your own." -> asks
  - feedback: Warm.
- **Persuade:** "You've got so much going for you." -> asks
  - feedback: Reassurance closes the subject.

## asks

**Sam:** I'm just tired.

- **Open question:** "What has tired you most?" -> done
  - feedback: It invites Sam to say more.

## done

**Outcome:** positive

Sam stays and talks.
`),
).scenario!;

const iris = { course: 'https://example.org/course' };
const scenarioItem: ScenarioItem = { kind: 'scenario', id: parsed.id, title: 'Sam', scenario: parsed };
const moduleItem: ModuleItem = { kind: 'module', id: 'mi-oars', title: 'OARS', check: { draw: 2, questions: [{ id: 'q1', options: 3 }, { id: 'q2', options: 3 }] } };
const at = (minute: number) => `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const verbsOf = (bodies: readonly StatementBody[]) => bodies.map((body) => `${body.verb.display.en} ${body.object.id.replace('https://example.org/course/', '')}`);

const playing = (choices: number[], ownWords?: null[]): Progress => ({ ...emptyProgress(), inProgress: { [parsed.id]: { choices, acknowledged: true, updatedAt: at(1), ...(ownWords ? { ownWords } : {}) } } });
const finished = (choices: number[]): Progress => ({ ...emptyProgress(), runs: [{ ...finishedRunOf(choices.reduce(choose, startRun(parsed)))!, endedAt: at(5) }] });

describe('what a change to the progress record means', () => {
  it('a choice in a run in progress is one step statement, from the engine’s replay of the run', () => {
    const bodies = statementsBetween(iris, scenarioItem, playing([]), playing([1]), 0.8);
    expect(verbsOf(bodies)).toEqual([`responded scenarios/${parsed.id}/nodes/opening`]);
    expect(bodies[0]!.result?.extensions?.[extensions.code]).toEqual({ name: 'Persuade', countsAs: 'persuade', stance: 'inconsistent' });
    expect(bodies[0]!.context.extensions?.[extensions.attempt]).toBe(1);
  });

  it('an undo reports nothing, and the choice after it reports only the new step', () => {
    expect(statementsBetween(iris, scenarioItem, playing([1]), playing([]), 0.8)).toEqual([]);
    const bodies = statementsBetween(iris, scenarioItem, playing([1]), playing([0]), 0.8);
    expect(bodies.map((body) => body.result?.response)).toEqual(['option-1']);
  });

  it('the last choice and the ending come together when the run ends; the next run is attempt 2', () => {
    const bodies = statementsBetween(iris, scenarioItem, playing([0]), finished([0, 0]), 0.8);
    expect(verbsOf(bodies)).toEqual([`responded scenarios/${parsed.id}/nodes/asks`, `completed scenarios/${parsed.id}`]);
    expect(bodies[1]!.result?.extensions?.[extensions.ending]).toEqual({ id: 'done', heading: 'done', outcome: 'positive' });
    const next = { ...finished([0, 0]), inProgress: playing([1]).inProgress };
    expect(statementsBetween(iris, scenarioItem, finished([0, 0]), next, 0.8)[0]!.context.extensions?.[extensions.attempt]).toBe(2);
  });

  it('a whole run the LMS had not heard of is reported in full at the next launch', () => {
    expect(verbsOf(statementsBetween(iris, scenarioItem, emptyProgress(), finished([1, 0]), 0.8))).toEqual([
      `responded scenarios/${parsed.id}/nodes/opening`,
      `responded scenarios/${parsed.id}/nodes/asks`,
      `completed scenarios/${parsed.id}`,
    ]);
  });

  it('a stored run the scenario no longer offers reports nothing rather than something untrue', () => {
    expect(statementsBetween(iris, scenarioItem, emptyProgress(), playing([5]), 0.8)).toEqual([]);
  });

  it('a module: each answer, the completion, and the check once every question has an answer in this attempt', () => {
    const begun: Progress = { ...emptyProgress(), checks: { 'mi-oars': { seed: 'a', startedAt: at(0) } } };
    const answered: Progress = { ...begun, answers: { 'mi-oars/check/q1': { choice: 1, correct: true, answeredAt: at(1) } } };
    expect(verbsOf(statementsBetween(iris, moduleItem, begun, answered, 0.8))).toEqual(['answered modules/mi-oars/check/questions/q1']);
    const both: Progress = { ...answered, answers: { ...answered.answers, 'mi-oars/check/q2': { choice: 0, correct: false, answeredAt: at(2) } } };
    const bodies = statementsBetween(iris, moduleItem, answered, both, 0.8);
    expect(verbsOf(bodies)).toEqual(['answered modules/mi-oars/check/questions/q2', 'failed modules/mi-oars/check']);
    expect(bodies[1]!.result?.score).toEqual({ scaled: 0.5, raw: 1, min: 0, max: 2 });
    const completed: Progress = { ...both, modules: { 'mi-oars': { completedAt: at(3) } } };
    expect(verbsOf(statementsBetween(iris, moduleItem, both, completed, 0.8))).toEqual(['completed modules/mi-oars']);
    expect(itemStatus(completed, moduleItem)).toEqual({ completed: true, score: { correct: 1, asked: 2 } });
  });

  it('answers from before the current attempt of the check do not count towards it', () => {
    const old: Progress = { ...emptyProgress(), checks: { 'mi-oars': { seed: 'a', startedAt: at(0) } }, answers: { 'mi-oars/check/q1': { choice: 1, correct: true, answeredAt: at(1) }, 'mi-oars/check/q2': { choice: 1, correct: true, answeredAt: at(2) } } };
    expect(checkScore(old, moduleItem)).toEqual({ correct: 2, asked: 2 });
    expect(checkScore({ ...old, checks: { 'mi-oars': { seed: 'b', startedAt: at(3) } } }, moduleItem)).toBeUndefined();
  });

  it('the score is over the questions the attempt drew, as the page draws them, not the whole bank', () => {
    const bank: ModuleItem = { ...moduleItem, check: { draw: 2, questions: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, options: 3 })) } };
    const attempt = { seed: 'seed-7', startedAt: at(0) };
    const drawn = arrange(bank.check!.questions, 2, attempt.seed).questions.map((question) => question.id);
    const left = ['q1', 'q2', 'q3', 'q4'].filter((id) => !drawn.includes(id));
    const answer = (correct: boolean) => ({ choice: 0, correct, answeredAt: at(1) });
    const onlyOthers: Progress = { ...emptyProgress(), checks: { 'mi-oars': attempt }, answers: Object.fromEntries(left.map((id) => [`mi-oars/check/${id}`, answer(true)])) };
    expect(checkScore(onlyOthers, bank)).toBeUndefined();
    const drawnAnswered: Progress = { ...onlyOthers, answers: { ...onlyOthers.answers, [`mi-oars/check/${drawn[0]}`]: answer(true), [`mi-oars/check/${drawn[1]}`]: answer(false) } };
    expect(checkScore(drawnAnswered, bank)).toEqual({ correct: 1, asked: 2 });
  });

  it('every statement follows the profile', () => {
    const all = [
      ...statementsBetween(iris, scenarioItem, emptyProgress(), finished([1, 0]), 0.8),
      ...statementsBetween(iris, moduleItem, emptyProgress(), { ...emptyProgress(), checks: { 'mi-oars': { seed: 'a', startedAt: at(0) } }, modules: { 'mi-oars': { completedAt: at(3) } }, answers: { 'mi-oars/check/q1': { choice: 1, correct: true, answeredAt: at(1) }, 'mi-oars/check/q2': { choice: 1, correct: true, answeredAt: at(2) } } }, 0.8),
    ];
    const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example.org', name: 'ana-42' } };
    const checks = all.map((body, i) => checkStatement(completeStatement(body, { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, timestamp: at(9), actor })));
    expect(checks.map((check) => check.problems)).toEqual(all.map(() => []));
    expect(checks.map((check) => check.template!.replace(`${profile.id}/templates/`, ''))).toEqual(['step', 'step', 'ending', 'answer', 'answer', 'module-completed', 'check-passed']);
  });
});

describe('what the LMS keeps of an item', () => {
  it('never reflections, other items, group runs or replies typed in the trainee’s own words', () => {
    const progress: Progress = {
      ...playing([0], [null]),
      reflections: { 'mi-oars/r1': { text: 'private', savedAt: at(1) } },
      modules: { 'mi-oars': { completedAt: at(2) }, other: { completedAt: at(2) } },
      runs: [{ ...finished([0, 0]).runs[0]!, ownWords: [null, null] }, { ...finished([0, 0]).runs[0]!, endedAt: at(6), group: { mode: 'vote', players: [], votes: [] } }],
    };
    const slice = itemSlice(progress, scenarioItem);
    expect(slice.reflections).toEqual({});
    expect(slice.modules).toEqual({});
    expect(slice.inProgress[parsed.id]).toEqual({ choices: [0], acknowledged: true, updatedAt: at(1) });
    expect(slice.runs).toHaveLength(1);
    expect(slice.runs[0]!.ownWords).toBeUndefined();
    expect(itemSlice(progress, moduleItem).modules).toEqual({ 'mi-oars': { completedAt: at(2) } });
  });

  it('fits SCORM 1.2’s 4,096 characters by leaving out the oldest finished runs, and reads back what it wrote', () => {
    const many: Progress = { ...playing([1]), runs: Array.from({ length: 40 }, (_, i) => ({ ...finished([0, 0]).runs[0]!, endedAt: `2026-03-01T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z` })) };
    const text = encodeSuspendData({ progress: many, reported: { completed: true } }, 4096)!;
    expect(text.length).toBeLessThanOrEqual(4096);
    const back = decodeSuspendData(text);
    expect(back.progress.inProgress).toEqual(many.inProgress);
    expect(back.progress.runs.length).toBeGreaterThan(5);
    expect(back.progress.runs.at(-1)).toEqual(many.runs.at(-1));
    expect(back.reported).toEqual({ completed: true });
    expect(decodeSuspendData('not ours')).toEqual({ progress: emptyProgress(), reported: {} });
  });

  it('resuming keeps both sides: the LMS’s run in progress on a new device, and this device’s newer one', () => {
    const fromLms = decodeSuspendData(encodeSuspendData({ progress: playing([1]), reported: {} }, 4096)).progress;
    expect(resumeFrom(emptyProgress(), fromLms).inProgress[parsed.id]?.choices).toEqual([1]);
    const newerHere: Progress = { ...playing([1, 0]), inProgress: { [parsed.id]: { choices: [1, 0], acknowledged: true, updatedAt: at(9) } } };
    expect(resumeFrom(newerHere, fromLms).inProgress[parsed.id]?.choices).toEqual([1, 0]);
    expect(choiceIndices(choose(startRun(parsed), 1))).toEqual([1]);
  });
});

describe('the outbox', () => {
  const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example.org', name: 'ana-42' } };
  const statement = (i: number) => completeStatement(statementsBetween(iris, scenarioItem, playing([]), playing([1]), 0.8)[0]!, { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, timestamp: at(1), actor });
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
  };
  const lrs = { endpoint: 'https://lrs.example.org/xapi/', authorization: 'Basic a2V5OnNlY3JldA==' };

  it('keeps statements while the network is down and sends them, in order and once, when it is back', async () => {
    const posted: unknown[][] = [];
    let online = false;
    const fetch = (async (url: URL, init: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      expect(String(url)).toBe('https://lrs.example.org/xapi/statements');
      expect(init.headers).toMatchObject({ 'X-Experience-API-Version': '1.0.3', Authorization: lrs.authorization });
      posted.push(JSON.parse(String(init.body)) as unknown[]);
      return new Response('[]', { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const storage = memory();
    const outbox = new Outbox('outbox', { storage, fetch });
    outbox.add(lrs, [statement(1)]);
    expect(await outbox.send()).toBe(1);
    outbox.add(lrs, [statement(2)]);
    expect(await outbox.send()).toBe(2);
    // The page reloads: the statements are still on the device.
    const reloaded = new Outbox('outbox', { storage, fetch });
    expect(reloaded.waiting()).toHaveLength(2);
    online = true;
    await Promise.all([reloaded.send(), reloaded.send()]);
    expect(posted.map((batch) => batch.map((s) => (s as { id: string }).id))).toEqual([[statement(1).id, statement(2).id]]);
    expect(reloaded.waiting()).toEqual([]);
  });

  it('drops what the LRS refuses for good, and keeps what it cannot take now', async () => {
    let status = 503;
    const fetch = (async () => new Response('', { status })) as unknown as typeof globalThis.fetch;
    const outbox = new Outbox('outbox', { storage: memory(), fetch });
    outbox.add(lrs, [statement(1)]);
    expect(await outbox.send()).toBe(1);
    status = 400;
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(await outbox.send()).toBe(0);
    } finally {
      console.warn = warn;
    }
  });
});
