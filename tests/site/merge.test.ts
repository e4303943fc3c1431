/** Importing progress: what it would change is said first, and merging keeps both sides' work. */
import { describe, expect, it } from 'vitest';
import { describeCounts, mergeProgress, previewImport } from '../../src/progress/merge.ts';
import { emptyProgress, type FinishedRun, type Progress } from '../../src/progress/schema.ts';

const summary = { questions: 1, reflections: 2, complexReflections: 1, miAdherent: 2, miNonAdherent: 0 };
const run = (scenarioId: string, endedAt: string): FinishedRun => ({ scenarioId, title: scenarioId, endedAt, ending: 'agrees-to-meet', outcome: 'positive', choices: [0, 0], summary });

/** This browser: one module, one run, a reflection written on Monday. */
const here: Progress = {
  ...emptyProgress(),
  modules: { 'what-recovery-means': { completedAt: '2026-03-02T09:00:00.000Z' } },
  reflections: { 'mi-oars/why': { text: 'Monday’s words', savedAt: '2026-03-02T09:00:00.000Z' } },
  answers: { 'mi-oars/check/q1': { choice: 1, correct: true, answeredAt: '2026-03-02T09:00:00.000Z' } },
  runs: [run('first-conversation-with-jordan', '2026-03-02T10:00:00.000Z')],
};

/** A file from another device: another module, another run, the same reflection rewritten on Tuesday. */
const there: Progress = {
  ...emptyProgress(),
  modules: { 'mi-oars': { completedAt: '2026-03-01T09:00:00.000Z' }, 'what-recovery-means': { completedAt: '2026-03-01T08:00:00.000Z' } },
  reflections: { 'mi-oars/why': { text: 'Tuesday’s words', savedAt: '2026-03-03T09:00:00.000Z' } },
  answers: { 'mi-oars/check/q1': { choice: 0, correct: false, answeredAt: '2026-03-01T09:00:00.000Z' } },
  runs: [run('setting-a-goal-with-marcus', '2026-03-01T10:00:00.000Z'), run('first-conversation-with-jordan', '2026-03-02T10:00:00.000Z')],
};

describe('merging imported progress', () => {
  it('keeps both sides’ completed modules and finished runs, each once, runs in time order', () => {
    const merged = mergeProgress(here, there);
    expect(Object.keys(merged.modules).sort()).toEqual(['mi-oars', 'what-recovery-means']);
    expect(merged.modules['what-recovery-means']?.completedAt).toBe('2026-03-01T08:00:00.000Z');
    expect(merged.runs.map((r) => r.scenarioId)).toEqual(['setting-a-goal-with-marcus', 'first-conversation-with-jordan']);
  });

  it('keeps the newer of an answer or reflection kept on both sides', () => {
    const merged = mergeProgress(here, there);
    expect(merged.reflections['mi-oars/why']?.text).toBe('Tuesday’s words');
    expect(merged.answers['mi-oars/check/q1']?.choice).toBe(1);
  });

  it('keeps the knowledge-check attempt begun later, so the questions keep the order they were answered in', () => {
    const attempt = (seed: string, startedAt: string) => ({ seed, startedAt });
    const merged = mergeProgress(
      { ...here, checks: { 'mi-oars': attempt('here', '2026-03-02T08:00:00.000Z'), 'mi-spirit-and-processes': attempt('here', '2026-03-01T08:00:00.000Z') } },
      { ...there, checks: { 'mi-oars': attempt('there', '2026-03-01T08:00:00.000Z'), 'mi-spirit-and-processes': attempt('there', '2026-03-03T08:00:00.000Z'), 'peer-support': attempt('there', '2026-03-01T08:00:00.000Z') } },
    );
    expect(Object.fromEntries(Object.entries(merged.checks).map(([id, { seed }]) => [id, seed]))).toEqual({ 'mi-oars': 'here', 'mi-spirit-and-processes': 'there', 'peer-support': 'there' });
  });
});

describe('previewing an import', () => {
  it('says what merging adds and replaces, and what replacing would lose', () => {
    const preview = previewImport(here, there);
    expect(describeCounts(preview.inFile)).toBe('2 completed modules, 1 knowledge-check answer, 1 reflection and 2 finished runs');
    expect(describeCounts(preview.added)).toBe('1 completed module and 1 finished run');
    expect(describeCounts(preview.replacedByNewer)).toBe('1 reflection');
    expect(describeCounts(preview.olderInFile)).toBe('1 knowledge-check answer');
    expect(describeCounts(preview.lostByReplacing)).toBe('1 completed module, 1 knowledge-check answer and 1 reflection');
  });

  it('says nothing changes when the file holds what this browser holds', () => {
    const preview = previewImport(here, here);
    expect(describeCounts(preview.added)).toBe('');
    expect(describeCounts(preview.lostByReplacing)).toBe('');
  });
});
