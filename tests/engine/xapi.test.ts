/** What an xAPI statement about the course is, built from the engine's run and checked against the profile. */
import { describe, expect, it } from 'vitest';
import { choose, startRun } from '../../src/engine/run.ts';
import {
  answerStatement,
  checkStatement,
  cmi5Statement,
  completeStatement,
  endingStatement,
  extensions,
  isoDuration,
  moduleCompletedStatement,
  profileVersion,
  stepStatement,
  type Actor,
  type StatementBody,
} from '../../src/engine/xapi.ts';
import { checkStatement as checkAgainstProfile, profile } from '../lms/profile-check.ts';
import { lintText, scenario } from '../helpers.ts';

const parsed = lintText(
  scenario(`## opening

**Sam:** Some days I wonder what the point is.

- **Complex reflection:** "You've been carrying a lot on your own." -> asks
  - feedback: Warm, and it steps around what Sam just said.
- **Persuade:** "You've got so much going for you." -> asks
  - feedback: Reassurance closes the subject.

## asks

**Sam:** I'm just tired.

- **Open question:** "What has tired you most?" -> done
  - feedback: It invites Sam to say more, in his own words.
- **Simple reflection:** "You're tired." -> done
  - feedback: It shows you heard.

## done

**Outcome:** positive

Sam stays and talks.
`),
).scenario!;

const iris = { course: 'https://example.org/course' };
const actor: Actor = { objectType: 'Agent', name: 'Ana Trainee', account: { homePage: 'https://lms.example.org', name: 'ana-42' } };
let n = 0;
const sent = (body: StatementBody) => completeStatement(body, { id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, timestamp: '2026-03-01T10:00:00.000Z', actor });
const finished = choose(choose(startRun(parsed), 1), 0);

describe('statements of a run', () => {
  it('says, for a step, the node, the option picked, its code and the feedback shown', () => {
    const statement = sent(stepStatement(iris, finished, 0, 2));
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/responded');
    expect(statement.object.id).toBe(`https://example.org/course/scenarios/${parsed.id}/nodes/opening`);
    expect(statement.object.definition?.choices?.map((choice) => choice.id)).toEqual(['option-1', 'option-2']);
    expect(statement.result?.response).toBe('option-2');
    expect(statement.result?.extensions).toEqual({
      [extensions.node]: { id: 'opening', heading: 'opening' },
      [extensions.option]: { id: 'option-2', number: 2, says: "You've got so much going for you." },
      [extensions.code]: { name: 'Persuade', countsAs: 'persuade', stance: 'inconsistent' },
      [extensions.feedback]: 'Reassurance closes the subject.',
    });
    expect(statement.context.extensions).toEqual({ [extensions.attempt]: 2 });
    expect(statement.result?.score).toBeUndefined();
    expect(checkAgainstProfile(statement)).toEqual({ template: `${profile.id}/templates/step`, problems: [] });
  });

  it('says, for an ending, the ending and the MITI-style summary, and gives no score', () => {
    const statement = sent(endingStatement(iris, finished, 1));
    expect(statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(statement.result).toEqual({
      completion: true,
      extensions: {
        [extensions.ending]: { id: 'done', heading: 'done', outcome: 'positive' },
        [extensions.summary]: { coded: 2, questions: 1, reflections: 0, complexReflections: 0, reflectionToQuestion: 0, percentComplexReflections: null, miAdherent: 0, miNonAdherent: 1 },
      },
    });
    expect(checkAgainstProfile(statement)).toEqual({ template: `${profile.id}/templates/ending`, problems: [] });
  });

  it('refuses a step the run has not taken, and an ending it has not reached', () => {
    expect(() => stepStatement(iris, finished, 2, 1)).toThrow('The run has no step 3');
    expect(() => endingStatement(iris, startRun(parsed), 1)).toThrow('has not reached an ending');
  });
});

describe('statements of a module', () => {
  const module = { id: 'mi-oars', title: 'OARS' };
  it('answers, completion and a finished check each follow their template; only the check has a score', () => {
    expect(checkAgainstProfile(sent(answerStatement(iris, { module, id: 'q1' }, 2, true)))).toEqual({ template: `${profile.id}/templates/answer`, problems: [] });
    expect(checkAgainstProfile(sent(moduleCompletedStatement(iris, module)))).toEqual({ template: `${profile.id}/templates/module-completed`, problems: [] });
    const passed = sent(checkStatement(iris, module, { correct: 5, asked: 6 }, 0.8));
    expect(passed.result).toEqual({ success: true, score: { scaled: 0.8333, raw: 5, min: 0, max: 6 } });
    expect(checkAgainstProfile(passed).template).toBe(`${profile.id}/templates/check-passed`);
    const failed = sent(checkStatement(iris, module, { correct: 4, asked: 6 }, 0.8));
    expect(failed.verb.id).toBe('http://adlnet.gov/expapi/verbs/failed');
    expect(checkAgainstProfile(failed)).toEqual({ template: `${profile.id}/templates/check-failed`, problems: [] });
  });
});

describe('checking against the profile', () => {
  it('finds a missing extension, a score where none belongs, and a value its schema refuses', () => {
    const step = sent(stepStatement(iris, finished, 0, 1));
    const { [extensions.feedback]: _dropped, ...rest } = step.result!.extensions!;
    expect(checkAgainstProfile({ ...step, result: { ...step.result, extensions: rest } }).problems).toEqual([`$.result.extensions['${extensions.feedback}'] is missing`]);
    expect(checkAgainstProfile({ ...step, result: { ...step.result, score: { scaled: 1 } } }).problems).toEqual(['$.result.score must not be there']);
    const wrongCode = { ...step, result: { ...step.result, extensions: { ...step.result!.extensions, [extensions.code]: { name: 'Lecture', countsAs: 'x', stance: 'consistent' } } } };
    expect(checkAgainstProfile(wrongCode).problems[0]).toMatch(/extension .*\/code: data\/name must be equal to one of the allowed values/);
    expect(checkAgainstProfile({ ...step, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: {} } }).problems).toEqual([expect.stringMatching(/^follows no template of the profile/)]);
  });

  it('every IRI the builders use is defined by the profile', () => {
    const defined = new Set(profile.concepts.map((concept) => concept.id));
    for (const iri of Object.values(extensions)) expect(defined).toContain(iri);
    expect(profile.versions.map((version) => version.id)).toContain(profileVersion);
  });
});

describe('cmi5-defined statements', () => {
  const launch = { activityId: 'https://lms.example.org/au/7', registration: '11111111-2222-4333-8444-555555555555', masteryScore: 0.8 };
  const cmi5Sent = (body: StatementBody) => completeStatement(body, { id: '00000000-0000-4000-8000-000000000099', timestamp: '2026-03-01T10:00:00.000Z', actor, registration: launch.registration, contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://example.org/course/modules/mi-oars' }] } } });

  it('Completed has no score; Passed and Failed carry the score and the mastery score, and follow cmi5’s rules', () => {
    const completed = cmi5Sent(cmi5Statement(launch.activityId, { verb: 'completed' }, 'PT1M', 0.8));
    expect(completed.result).toEqual({ completion: true, duration: 'PT1M' });
    expect(completed.context.contextActivities?.grouping?.[0]?.id).toBe('https://example.org/course/modules/mi-oars');
    expect(checkAgainstProfile(completed, launch)).toEqual({ template: 'cmi5', problems: [] });
    const passed = cmi5Sent(cmi5Statement(launch.activityId, { verb: 'passed', score: { correct: 5, asked: 6 } }, 'PT2M', 0.8));
    expect(checkAgainstProfile(passed, launch)).toEqual({ template: 'cmi5', problems: [] });
    expect(passed.context.extensions).toEqual({ 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8 });
    const wronglyPassed = cmi5Sent(cmi5Statement(launch.activityId, { verb: 'passed', score: { correct: 3, asked: 6 } }, 'PT2M', 0.8));
    expect(checkAgainstProfile(wronglyPassed, launch).problems).toEqual(['Passed with a score below the mastery score']);
  });

  it('writes durations as ISO 8601', () => {
    expect(isoDuration(new Date(0), new Date(3_723_450))).toBe('PT1H2M3.45S');
    expect(isoDuration(new Date(0), new Date(0))).toBe('PT0S');
  });
});
