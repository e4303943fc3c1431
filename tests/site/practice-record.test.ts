import { describe, expect, it } from 'vitest';
import { emptyProgress, type FinishedRun, type Progress } from '../../src/progress/schema.ts';
import { arrange } from '../../src/site/check-attempt.ts';
import { aboutDuration, latestCheck, practiceRecord, type CourseModule } from '../../src/site/practice-record.ts';

const questions = Array.from({ length: 8 }, (_, i) => ({ id: `q${i + 1}`, options: 3 }));
const modules: CourseModule[] = [
  { id: 'peer-support', title: 'Peer support', minutes: 40, check: { draw: 4, questions } },
  { id: 'mi-oars', title: 'Motivational interviewing: OARS', minutes: 45, check: { draw: 4, questions } },
  { id: 'self-care', title: 'Self-care', minutes: 30 },
];
const scenarios = { jordan: { title: 'A first conversation with Jordan', minutes: 10 }, kai: { title: 'When Kai asks you to keep a secret' } };
const summary = { questions: 2, reflections: 4, complexReflections: 2, miAdherent: 3, miNonAdherent: 0 };
const run = (scenarioId: string, endedAt: string, outcome: FinishedRun['outcome'], extra: Partial<FinishedRun> = {}): FinishedRun => ({ scenarioId, title: scenarioId, endedAt, ending: 'end', outcome, choices: [0], summary, ...extra });

/** Answers every question the attempt with `seed` draws for `moduleId`, the first `wrong` of them wrongly. */
function answered(progress: Progress, moduleId: string, seed: string, startedAt: string, wrong = 0, leaveOut = 0): Progress {
  const drawn = arrange(questions, 4, seed).questions.map((question) => question.id);
  const answers = { ...progress.answers };
  drawn.slice(0, drawn.length - leaveOut).forEach((id, i) => (answers[`${moduleId}/check/${id}`] = { choice: 0, correct: i >= wrong, answeredAt: '2026-11-02T10:00:00.000Z' }));
  return { ...progress, answers, checks: { ...progress.checks, [moduleId]: { seed, startedAt } } };
}

describe('the record a trainee hands in', () => {
  it('scores the latest attempt at a check, counting only the answers given since it began', () => {
    const module = modules[0]!;
    expect(latestCheck(emptyProgress(), module)).toEqual({ kind: 'not tried' });
    expect(latestCheck(emptyProgress(), modules[2]!)).toEqual({ kind: 'no check' });
    expect(latestCheck(answered(emptyProgress(), module.id, 's1', '2026-11-02T09:00:00.000Z', 1), module)).toEqual({ kind: 'scored', correct: 3, of: 4 });
    expect(latestCheck(answered(emptyProgress(), module.id, 's1', '2026-11-02T09:00:00.000Z', 0, 1), module)).toEqual({ kind: 'unfinished', answered: 3, of: 4 });
    // "Try again" began after those answers: none of them counts towards the new attempt.
    expect(latestCheck(answered(emptyProgress(), module.id, 's1', '2026-11-03T09:00:00.000Z'), module)).toEqual({ kind: 'unfinished', answered: 0, of: 4 });
  });

  it('lists completed modules and scored checks, and each scenario once with its latest run', () => {
    let progress: Progress = { ...emptyProgress(), modules: { 'peer-support': { completedAt: '2026-11-02T11:00:00.000Z' }, 'self-care': { completedAt: '2026-11-20T11:00:00.000Z' } } };
    progress = answered(progress, 'mi-oars', 's2', '2026-11-01T09:00:00.000Z');
    progress.runs = [
      run('jordan', '2026-11-05T10:00:00.000Z', 'negative'),
      run('kai', '2026-11-06T10:00:00.000Z', 'mixed', { group: { mode: 'vote', players: [], votes: [] } }),
      run('jordan', '2026-11-07T10:00:00.000Z', 'positive', { summary: { ...summary, reflections: 6 } }),
    ];
    const record = practiceRecord(progress, modules, scenarios);
    expect(record.modules.map((module) => [module.title, module.completedAt ?? '', module.check.kind])).toEqual([
      ['Peer support', '2026-11-02T11:00:00.000Z', 'not tried'],
      ['Motivational interviewing: OARS', '', 'scored'],
      ['Self-care', '2026-11-20T11:00:00.000Z', 'no check'],
    ]);
    expect(record.modulesCompleted).toBe(2);
    expect(record.scenarios.map((line) => [line.title, line.runs, line.outcomes, line.asGroup, line.latest.summary.reflections])).toEqual([
      ['A first conversation with Jordan', 2, { positive: 1, mixed: 0, negative: 1 }, 0, 6],
      ['When Kai asks you to keep a secret', 1, { positive: 0, mixed: 1, negative: 0 }, 1, 4],
    ]);
    expect(record.span).toEqual({ from: '2026-11-02T10:00:00.000Z', to: '2026-11-20T11:00:00.000Z' });
    // 40 + 30 for the modules, 10 for each run of Jordan; Kai gives no estimate.
    expect(record.estimatedMinutes).toBe(90);
    expect(record.runsWithoutEstimate).toBe(1);
    expect(record.ownWords).toBeUndefined();
  });

  it('sums the replies written in own words across runs', () => {
    const reply = (code: 'Open question' | 'Closed question' | 'Simple reflection' | 'Confront') => ({ text: 'x', code, confidence: 0.9 });
    const progress = { ...emptyProgress(), runs: [run('jordan', '2026-11-05T10:00:00.000Z', 'positive', { ownWords: [reply('Open question'), null, reply('Simple reflection')] }), run('jordan', '2026-11-06T10:00:00.000Z', 'positive', { ownWords: [reply('Closed question'), reply('Simple reflection'), reply('Confront')] })] };
    expect(practiceRecord(progress, modules, scenarios).ownWords).toEqual({ runs: 2, replies: 5, reflectionsPerQuestion: 1, openShare: 0.5, adherentShare: 0 });
  });

  it('says an estimated time in hours and minutes, to the nearest five', () => {
    expect(aboutDuration(0)).toBe('under 5 minutes');
    expect(aboutDuration(43)).toBe('about 45 minutes');
    expect(aboutDuration(60)).toBe('about 1 hour');
    expect(aboutDuration(207)).toBe('about 3 hours 25 minutes');
  });
});
