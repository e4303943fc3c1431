/**
 * Rooms against the audit's findings (issue 19): a room resumed after its scenario was edited,
 * names that are properties of every object or that hide what they say, a double press of
 * "advance", counts without bound, and a limit on people the facilitator can raise.
 */
import { describe, expect, it } from 'vitest';
import { createRoom, phaseOf, type RoomEvent } from '../../src/rooms/room.ts';
import { resumeRoom, resumeRoomSayingWhy, saveRoom } from '../../src/rooms/saved-room.ts';
import { savedRoomSchema } from '../../src/rooms/schema.ts';
import { roomView } from '../../src/rooms/view.ts';
import { lintText, readFixture } from '../helpers.ts';
import { openVotes, play, refusal } from './play.ts';

// hello: 1 Simple reflection -> listens, 2 Confront -> lectures (the third choice is never offered).
const text = readFixture('every-feature.md');
const scenario = lintText(text, 'every-feature.md').scenario!;
const join = (...names: string[]): RoomEvent[] => names.map((name) => ({ type: 'player.join', name }));
const vote = (player: string, choice: number): RoomEvent => ({ type: 'vote.cast', player, choice });

/** The fixture with the hello node's first two options in the other order: a trainer's edit. */
const swapped = lintText(
  text.replace(
    /(- \*\*Simple reflection:\*\*[\s\S]*?)(- \*\*Confront:\*\*[\s\S]*?)(- \*\*Closed question)/,
    (_all, reflection: string, confront: string, rest: string) => `${confront}${reflection}${rest}`,
  ),
  'every-feature.md',
).scenario!;
/** The fixture with the hello node's second option taken out (lint would now call `lectures` unreachable; rooms still resume). */
const trimmed = {
  ...scenario,
  nodes: scenario.nodes.map((node) => (node.id === 'hello' && node.kind === 'choice' ? { ...node, choices: node.choices.filter((choice) => choice.code.name !== 'Confront') } : node)),
};

describe('a room resumed after its scenario was edited', () => {
  const voting = play(createRoom(scenario), ...join('Ana', 'Ben', 'Chris'), { type: 'room.start', mode: 'vote' }, vote('Ana', 2), vote('Ben', 2), vote('Chris', 1));

  it('sets aside votes for an option that is gone, says so, and shows the room (the audit: a 500, then a crash)', () => {
    expect(trimmed.nodes.find((node) => node.id === 'hello')).toMatchObject({ choices: [{ says: 'Twenty minutes is what you have.' }, { says: 'Do you want to skip today?' }] });
    const { room, setAside } = resumeRoomSayingWhy(trimmed, saveRoom(voting));
    expect(setAside).toEqual(['The scenario changed while the room was saved: 3 votes at step 1 were for options the scenario has changed since, so they were set aside: ask the group to vote again.']);
    expect(roomView(room, setAside)).toMatchObject({ phase: 'voting', voted: [], problems: setAside });
    expect(roomView(play(room, { type: 'room.configure', liveCounts: true })).votes).toEqual({ 1: 0 });
  });

  it('never counts a vote for whatever option now has the same place', () => {
    const { room, setAside } = resumeRoomSayingWhy(swapped, saveRoom(voting));
    expect(setAside).toHaveLength(1);
    expect(openVotes(room)).toEqual({});
  });

  it('sets aside a decided step\'s votes for options it no longer has, keeping the step', () => {
    const decided = play(voting, { type: 'room.advance', choice: 1 });
    const { room, setAside } = resumeRoomSayingWhy(trimmed, saveRoom(decided));
    expect(setAside).toEqual(['The scenario changed while the room was saved: 2 votes at step 1 were for options the scenario no longer has there, so they were set aside.']);
    expect(room.context.decided[0]!.ballot.votes).toEqual({ Chris: 0 });
    expect(phaseOf(room)).toBe('revealed');
  });

  it('says nothing when the scenario is unchanged', () => {
    expect(resumeRoomSayingWhy(scenario, saveRoom(voting)).setAside).toEqual([]);
    // A room saved before the options were recorded resumes as it did.
    const { openOptions: _left, ...older } = saveRoom(voting);
    expect(openVotes(resumeRoom(scenario, older))).toEqual({ Ana: 2, Ben: 2, Chris: 1 });
  });
});

describe('names', () => {
  it('counts the hot seat of a player called constructor or toString as not picked yet (the audit: advance answered 500)', () => {
    for (const name of ['constructor', 'toString', 'valueOf']) {
      const room = play(createRoom(scenario), ...join(name), { type: 'room.start', mode: 'hot-seat' }, { type: 'room.advance' });
      expect(roomView(room).waiting).toBe(`Waiting for ${name}'s pick, who is in the hot seat`);
      expect(refusal(room, { type: 'room.advance' })).toEqual({ kind: 'conflict', reason: `Waiting for ${name}'s pick, who is in the hot seat` });
      expect(roomView(play(room, vote(name, 2), { type: 'room.advance' })).decision).toMatchObject({ choice: 2, by: 'hot seat' });
    }
  });

  it('refuses __proto__, which a saved room would drop with its vote', () => {
    expect(refusal(createRoom(scenario), { type: 'player.join', name: '__proto__' })).toEqual({ kind: 'invalid', reason: 'Unexpected name `__proto__`, expected another name: this one is reserved' });
    // Why: a record read back from JSON assigns to the prototype instead of keeping the entry.
    const saved = JSON.parse(JSON.stringify(saveRoom(play(createRoom(scenario), ...join('Ana'), { type: 'room.start', mode: 'vote' }, vote('Ana', 1)))).replace('"Ana":', '"__proto__":'));
    expect(Object.keys(savedRoomSchema.parse(saved).ballot.votes)).toEqual([]);
  });

  it('refuses names that hide or reorder what they say, and keeps emoji with joiners', () => {
    const joinRefusal = (name: string) => refusal(createRoom(scenario), { type: 'player.join', name }).reason;
    expect(joinRefusal('\u202Eevil.exe\u202C')).toBe('Unexpected invisible or reordering character U+202E in the name, expected letters, digits and punctuation that everyone sees');
    expect(joinRefusal('\u200B')).toBe('Unexpected invisible or reordering character U+200B in the name, expected letters, digits and punctuation that everyone sees');
    expect(joinRefusal('Ana\u001b[2J')).toBe('Unexpected invisible or reordering character U+001B in the name, expected letters, digits and punctuation that everyone sees');
    expect(joinRefusal('\u200D')).toBe('Unexpected name with nothing visible in it, expected letters or digits');
    expect(play(createRoom(scenario), ...join('👩‍💻 Sam', 'Zoë')).context.players).toEqual(['👩‍💻 Sam', 'Zoë']);
  });
});

describe('the facilitator', () => {
  const revealed = () => play(createRoom(scenario), ...join('Ana'), { type: 'room.start', mode: 'vote', liveCounts: true }, vote('Ana', 1));

  it('moving on twice from the same screen is refused, not a skipped reveal', () => {
    const room = play(revealed(), { type: 'room.advance', from: 'voting' });
    expect(phaseOf(room)).toBe('revealed');
    expect(refusal(room, { type: 'room.advance', from: 'voting' })).toEqual({ kind: 'conflict', reason: "The room has moved on already: the group's choice is being shown" });
    expect(phaseOf(play(room, { type: 'room.advance', from: 'revealed' }))).toBe('voting');
  });

  it('enters counts of at most 1,000 votes for an option', () => {
    expect(refusal(revealed(), { type: 'vote.count', choice: 1, count: Number.MAX_SAFE_INTEGER })).toEqual({ kind: 'invalid', reason: 'Unexpected count 9007199254740991, expected a whole number from 0 to 1000' });
    expect(roomView(play(revealed(), { type: 'vote.count', choice: 2, count: 1000 })).votes).toEqual({ 1: 1, 2: 1000 });
  });

  it('lets more people in than the 40 a room takes at first, never fewer than are in it, and at most 200', () => {
    const forty = play(createRoom(scenario), ...join(...Array.from({ length: 40 }, (_, i) => `Player ${i + 1}`)));
    expect(refusal(forty, { type: 'player.join', name: 'Late' })).toEqual({ kind: 'conflict', reason: 'The room is full: it takes 40 people until the facilitator lets more in' });
    const sixty = play(forty, { type: 'room.configure', playerLimit: 60 }, ...join('Late'));
    expect(sixty.context.players).toHaveLength(41);
    expect(refusal(sixty, { type: 'room.configure', playerLimit: 30 })).toEqual({ kind: 'conflict', reason: 'There are 41 people in the room already: the limit cannot go below that' });
    expect(refusal(sixty, { type: 'room.configure', playerLimit: 201 })).toEqual({ kind: 'invalid', reason: 'Unexpected limit 201, expected a whole number from 41 to 200' });
    expect(resumeRoom(scenario, JSON.parse(JSON.stringify(saveRoom(sixty)))).context.settings.playerLimit).toBe(60);
  });
});

describe('the group transcript', () => {
  it('writes names as text, so a Markdown viewer that renders HTML shows them rather than running them', async () => {
    const { groupTranscriptMarkdown } = await import('../../src/rooms/group-debrief.ts');
    const room = play(createRoom(scenario), ...join('<img src=x onerror=alert(1)>', 'Ben'), { type: 'room.start', mode: 'hot-seat' }, { type: 'room.advance' }, vote('<img src=x onerror=alert(1)>', 1), { type: 'room.advance' });
    const markdown = groupTranscriptMarkdown(room);
    expect(markdown).toContain('Played by &lt;img src=x onerror=alert(1)&gt; and Ben in the hot seat, taking turns.');
    expect(markdown).not.toContain('<img');
  });
});
