/** The one progress schema, extended for group runs: old records still read as they were. */
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/schema.ts';
import { importProgress, parseProgress } from '../../src/progress/store.ts';
import { createRoom, sendToRoom } from '../../src/rooms/room.ts';
import { resumeRoom, RoomError, saveRoom } from '../../src/rooms/saved-room.ts';
import { lintText, readFixture } from '../helpers.ts';

/** A version-1 record as the site wrote it before group runs existed. */
const before = {
  version: 1,
  modules: { 'mi-oars': { completedAt: '2026-01-02T10:00:00.000Z' } },
  answers: {},
  reflections: { 'mi-oars/why': { text: 'Because.', savedAt: '2026-01-02T10:05:00.000Z' } },
  runs: [
    {
      scenarioId: 'first-conversation-with-jordan',
      title: 'A first conversation with Jordan',
      endedAt: '2026-01-02T11:00:00.000Z',
      ending: 'agrees-to-meet',
      outcome: 'positive',
      choices: [0, 0, 0],
      summary: { questions: 1, reflections: 1, complexReflections: 1, miAdherent: 1, miNonAdherent: 0 },
    },
  ],
  inProgress: { 'preparing-for-a-medication-review': { choices: [1], acknowledged: true, updatedAt: '2026-01-03T09:00:00.000Z' } },
};

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;

describe('progress with group runs', () => {
  it('reads a record from before them as it is, with empty new sections and no notice', () => {
    const loaded = parseProgress(JSON.stringify(before));
    expect(loaded.notice).toBeUndefined();
    expect(loaded.progress).toEqual({ ...before, groupsInProgress: {}, checks: {} });
  });

  it('keeps a group run in progress and a finished group run', () => {
    const started = sendToRoom(createRoom(scenario), { type: 'room.start', mode: 'vote' });
    if (!started.ok) throw new Error(started.refusal.reason);
    const record = {
      ...emptyProgress(),
      runs: [{ ...before.runs[0]!, group: { mode: 'vote', players: ['Ana', 'Ben'], votes: [{ 1: 2, 2: 0 }] } }],
      groupsInProgress: { 'every-feature': saveRoom(started.room) },
    };
    const loaded = parseProgress(JSON.stringify(record));
    expect(loaded.notice).toBeUndefined();
    expect(loaded.progress).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('keeps a saved room as it is: the rooms module checks it when the group page resumes it', () => {
    const brokenRoom = { version: 1, phase: 'dancing' };
    const loaded = parseProgress(JSON.stringify({ ...before, groupsInProgress: { x: brokenRoom } }));
    expect(loaded.notice).toBeUndefined();
    expect(loaded.progress.groupsInProgress).toEqual({ x: brokenRoom });
    expect(() => resumeRoom(scenario, brokenRoom)).toThrow(RoomError);
  });

  it('sets aside a broken finished group run, and keeps the rest', () => {
    const loaded = parseProgress(JSON.stringify({ ...before, runs: [...before.runs, { ...before.runs[0], group: { mode: 'vote', players: 'Ana' } }] }));
    expect(loaded.notice).toBe('Some saved progress could not be read (1 entry), so it was set aside. Everything else was kept.');
    expect(loaded.progress.runs).toHaveLength(1);
  });

  it('imports an export from before them', () => {
    const imported = importProgress(JSON.stringify(before));
    expect(imported).toMatchObject({ ok: true, progress: { groupsInProgress: {}, runs: [{ scenarioId: 'first-conversation-with-jordan' }] } });
  });
});
