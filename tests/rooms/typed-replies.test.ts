/**
 * Say it your way, typed: phones type a reply during the pause, the shared screen shows how many are
 * in, then the replies without names once the facilitator shows them, and the group debrief keeps
 * them with their codes. Stepped as a room would be.
 */
import { describe, expect, it } from 'vitest';
import { codeUtterance } from '../../src/engine/coder/index.ts';
import { groupDebriefOf, groupRunOf, groupTranscriptMarkdown } from '../../src/rooms/group-debrief.ts';
import { createRoom, phaseOf, type RoomEvent } from '../../src/rooms/room.ts';
import { resumeRoom, RoomError, saveRoom, saveRoomToShare } from '../../src/rooms/saved-room.ts';
import { ownReplyOf, roomView } from '../../src/rooms/view.ts';
import { lintText, readFixture } from '../helpers.ts';
import { play, refusal } from './play.ts';

// hello: Riley says "I've only got twenty minutes."; 1 Simple reflection -> listens, 2 Confront -> lectures.
// listens: 1 Emphasizing autonomy -> plan (an ending), 2 Giving information -> gate.
const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;

// Phones send their own random ids, never their names.
const ana = 'ana-phone-7f3k2m9q';
const ben = 'ben-phone-x81bz0ql';
const chris = 'chris-phone-4n6p1d';

const reply = (player: string, text: string): RoomEvent => ({ type: 'reply.send', player, text });
const show: RoomEvent = { type: 'replies.show' };
const advance = (choice?: number): RoomEvent => (choice === undefined ? { type: 'room.advance' } : { type: 'room.advance', choice });
const vote = (player: string, choice: number): RoomEvent => ({ type: 'vote.cast', player, choice });

/** A group vote with the say-it-your-way pause, three people in, at step 1's pause. */
const pausing = (typedReplies?: boolean) =>
  play(
    createRoom(scenario),
    ...['Ana', 'Ben', 'Chris'].map((name): RoomEvent => ({ type: 'player.join', name })),
    { type: 'room.start', mode: 'vote', sayItYourWay: true, ...(typedReplies === undefined ? {} : { typedReplies }) },
  );

const three = [reply(ana, 'What would make twenty minutes worth it?'), reply(ben, 'Do you want to skip today?'), reply(chris, 'You should make the most of it.')];

describe('typing a reply during the pause', () => {
  it('is on by default, and counts the replies in without showing their words', () => {
    const room = play(pausing(), ...three);
    const view = roomView(room);
    expect(view).toMatchObject({ phase: 'saying', typedReplies: true, replies: { count: 3, shown: false, texts: [] } });
    const json = JSON.stringify(view);
    for (const words of ['twenty minutes worth it', 'skip today', 'most of it']) expect(json).not.toContain(words);
  });

  it('lets a phone replace its own reply, or take it back with a blank one', () => {
    let room = play(pausing(), reply(ana, 'First go'), reply(ana, '  What matters most in those twenty minutes?  '));
    expect(roomView(room).replies.count).toBe(1);
    expect(ownReplyOf(room, ana)).toEqual({ step: 1, text: 'What matters most in those twenty minutes?', shown: false });
    expect(ownReplyOf(room, ben)).toEqual({ step: 1, text: null, shown: false });
    room = play(room, reply(ana, '   '));
    expect(roomView(room).replies.count).toBe(0);
    expect(ownReplyOf(room, ana).text).toBeNull();
  });

  it('refuses a reply over 1,000 characters, an id that is not one, and replies outside the pause', () => {
    const room = pausing();
    expect(refusal(room, reply(ana, 'x'.repeat(1001)))).toEqual({ kind: 'invalid', reason: 'Unexpected reply of 1001 characters, expected at most 1000' });
    expect(play(room, reply(ana, 'x'.repeat(1000))).context.replies[ana]).toHaveLength(1000);
    expect(refusal(room, reply('Ana Smith', 'Hello'))).toEqual({ kind: 'invalid', reason: 'Unexpected player id `Ana Smith`, expected 1 to 64 letters, digits, - or _' });
    expect(refusal(createRoom(scenario), reply(ana, 'Hello'))).toEqual({ kind: 'conflict', reason: 'Replies are typed only while the group pauses to say it their way, and now the room is still being set up' });
    const voting = play(room, advance());
    expect(refusal(voting, reply(ana, 'Hello')).reason).toBe('Replies are typed only while the group pauses to say it their way, and now voting is open');
  });

  it('takes at most one reply for each of 40 people at a step', () => {
    const full = play(pausing(), ...Array.from({ length: 40 }, (_, i) => reply(`phone-${i}`, `Reply ${i}`)));
    expect(refusal(full, reply('phone-40', 'One more'))).toEqual({ kind: 'conflict', reason: 'This step has 40 replies already' });
    // Someone already in can still change theirs.
    expect(play(full, reply('phone-3', 'Changed')).context.replies['phone-3']).toBe('Changed');
  });
});

describe('showing the replies', () => {
  it('shows them only when the facilitator does, without names, and then they cannot change', () => {
    const room = play(pausing(), ...three, show);
    const view = roomView(room);
    expect(view.replies).toMatchObject({ count: 3, shown: true });
    expect([...view.replies.texts].sort()).toEqual(['Do you want to skip today?', 'What would make twenty minutes worth it?', 'You should make the most of it.']);
    const json = JSON.stringify(view);
    for (const id of [ana, ben, chris]) expect(json).not.toContain(id);
    expect(refusal(room, reply(ana, 'Too late'))).toEqual({ kind: 'conflict', reason: 'The replies have been shown: they cannot change now' });
    expect(refusal(room, show)).toEqual({ kind: 'conflict', reason: 'The replies are shown already' });
    expect(refusal(pausing(), show)).toEqual({ kind: 'conflict', reason: 'There are no replies to show yet' });
    // Then the options and the votes go on as before.
    expect(roomView(play(room, advance()))).toMatchObject({ phase: 'voting', offered: [{ number: 1 }, { number: 2 }], replies: { count: 3, shown: true } });
  });

  it('shows them in an order that does not follow who typed first, and stays the same on every screen', () => {
    const forwards = roomView(play(pausing(), ...three, show)).replies.texts;
    const backwards = roomView(play(pausing(), ...[...three].reverse(), show)).replies.texts;
    expect(backwards).toEqual(forwards);
    // The facilitator's page rebuilds the room from the view, and shows the same order.
    const shared = roomView(play(pausing(), ...three, show)).saved;
    expect(roomView(resumeRoom(scenario, shared)).replies.texts).toEqual(forwards);
  });

  it('shares the room without ids, and without words until they are shown', () => {
    const hidden = saveRoomToShare(play(pausing(), ...three));
    expect(Object.keys(hidden.replies)).toHaveLength(3);
    expect(Object.keys(hidden.replies).every((label) => /^~[0-9a-f]{14}$/.test(label))).toBe(true);
    expect(Object.values(hidden.replies)).toEqual(['', '', '']);
    // The facilitator's page can still count them.
    expect(roomView(resumeRoom(scenario, hidden)).replies).toEqual({ count: 3, shown: false, texts: [] });
  });

  it('shows them with the options when the facilitator goes straight on', () => {
    const room = play(pausing(), ...three, advance());
    expect(roomView(room).replies).toMatchObject({ count: 3, shown: true });
  });

  it('in the hot seat on one screen, takes the reply the facilitator types', () => {
    const room = play(createRoom(scenario), { type: 'player.join', name: 'Ana' }, { type: 'room.start', mode: 'hot-seat' }, reply('screen-1', 'What would help most today?'), show);
    expect(roomView(room)).toMatchObject({ phase: 'saying', hotSeat: 'Ana', replies: { count: 1, shown: true, texts: ['What would help most today?'] } });
  });
});

describe('turning typed replies off', () => {
  it('can be set at the start, and then replies are refused', () => {
    const room = pausing(false);
    expect(roomView(room).typedReplies).toBe(false);
    expect(refusal(room, reply(ana, 'Hello'))).toEqual({ kind: 'conflict', reason: 'Typed replies are turned off in this room' });
    expect(refusal(room, show).reason).toBe('Typed replies are turned off in this room');
  });

  it('can be changed during the run', () => {
    const on = play(pausing(false), { type: 'room.configure', typedReplies: true }, reply(ana, 'What brings you in today?'));
    expect(roomView(on).replies.count).toBe(1);
    expect(roomView(play(on, { type: 'room.configure', typedReplies: false })).typedReplies).toBe(false);
  });

  it('sets aside replies not yet shown when the options come with typed replies off', () => {
    const room = play(pausing(), ...three, { type: 'room.configure', typedReplies: false }, advance());
    expect(roomView(room).replies).toEqual({ count: 0, shown: false, texts: [] });
  });
});

describe('undo, restart and the saved room', () => {
  const decidedFirst = () => play(pausing(), ...three, show, advance(), vote('Ana', 1), vote('Ben', 1), advance(), advance());

  it('undo takes a step back with its replies as they were, and drops those typed at the step after', () => {
    const atStep2 = play(decidedFirst(), reply(ana, 'What would a good morning look like?'));
    expect(roomView(atStep2)).toMatchObject({ phase: 'saying', step: 2, replies: { count: 1, shown: false } });
    const undone = play(atStep2, { type: 'step.undo' });
    expect(roomView(undone)).toMatchObject({ phase: 'voting', step: 1, replies: { count: 3, shown: true } });
    expect(ownReplyOf(undone, ana).text).toBe('What would make twenty minutes worth it?');
    // Decided again, step 2 opens with no replies.
    const again = play(undone, advance(), advance());
    expect(roomView(again)).toMatchObject({ phase: 'saying', step: 2, replies: { count: 0 } });
  });

  it('restart clears every reply', () => {
    expect(roomView(play(decidedFirst(), reply(ana, 'Hi'), { type: 'room.restart' })).replies.count).toBe(0);
  });

  it('round-trips through JSON, with the replies of every step and whether they are shown', () => {
    for (const room of [play(decidedFirst(), reply(ben, 'What would you like from today?')), play(pausing(), ...three, show), pausing(false)]) {
      const resumed = resumeRoom(scenario, JSON.parse(JSON.stringify(saveRoom(room))));
      expect(roomView(resumed)).toEqual(roomView(room));
      expect(resumed.context.replies).toEqual(room.context.replies);
      expect(resumed.context.decided).toEqual(room.context.decided);
    }
  });

  it('resumes a room saved before typed replies, as one without any', () => {
    const { replies: _replies, repliesShown: _shown, settings, decided, ...older } = saveRoom(play(pausing(), ...three, show, advance(), vote('Ana', 1), advance()));
    const { typedReplies: _typed, ...olderSettings } = settings;
    const resumed = resumeRoom(scenario, { ...older, settings: olderSettings, decided: decided.map(({ replies: _r, ...step }) => step) });
    expect(roomView(resumed)).toMatchObject({ phase: 'revealed', typedReplies: true, replies: { count: 0 } });
  });

  it('refuses a saved reply over 1,000 characters', () => {
    const saved = saveRoom(play(pausing(), reply(ana, 'Hello')));
    expect(() => resumeRoom(scenario, { ...saved, replies: { [ana]: 'x'.repeat(1001) } })).toThrow(RoomError);
    expect(() => resumeRoom(scenario, { ...saved, replies: { 'not an id': 'Hello' } })).toThrow(/^The saved room is not readable: replies/);
  });
});

describe('the group debrief, transcript and progress record', () => {
  const ended = () =>
    play(
      pausing(),
      ...three,
      show,
      advance(),
      vote('Ana', 1),
      vote('Ben', 1),
      advance(),
      advance(),
      advance(),
      vote('Ana', 1),
      advance(),
      advance(),
    );

  it('keeps the replies of each step with their codes, as the coder reads them against the person\'s last line', () => {
    const room = ended();
    expect(phaseOf(room)).toBe('ended');
    const group = groupDebriefOf(room, codeUtterance)!;
    expect(group.steps[0]!.replies.map((coded) => [coded.text, coded.code]).sort()).toEqual([
      ['Do you want to skip today?', codeUtterance('Do you want to skip today?', { context: "I've only got twenty minutes.", person: 'Riley' }).code],
      ['What would make twenty minutes worth it?', 'Open question'],
      ['You should make the most of it.', codeUtterance('You should make the most of it.', { context: "I've only got twenty minutes.", person: 'Riley' }).code],
    ]);
    expect(group.steps[1]!.replies).toEqual([]);
    expect(group.prompts).toContain('At step 1 the group typed 3 replies of its own before seeing the options. Which would Riley have found easiest to answer, and why?');
    // Without the coder (still loading), the words alone.
    expect(groupDebriefOf(room)!.steps[0]!.replies.every((coded) => coded.code === undefined)).toBe(true);
  });

  it('writes them in the transcript without names', () => {
    const text = groupTranscriptMarkdown(ended(), { coder: codeUtterance });
    expect(text).toContain('3 replies typed before the options (without names):');
    expect(text).toContain('- "What would make twenty minutes worth it?" (Open question)');
    expect(text).not.toMatch(/Ana[^,]*:.*twenty minutes worth/);
  });

  it('keeps them with their codes in the finished run kept in the browser', () => {
    const run = groupRunOf(ended(), codeUtterance);
    expect(run.replies).toHaveLength(2);
    expect(run.replies![0]).toHaveLength(3);
    expect(run.replies![0]).toContainEqual({ text: 'What would make twenty minutes worth it?', code: 'Open question' });
    expect(run.replies![1]).toEqual([]);
    expect(groupRunOf(ended()).replies).toBeUndefined();
  });
});

describe('the API bodies for typed replies', () => {
  it('reads a reply, the reveal and the setting, or says what is wrong', async () => {
    const [{ eventFromBody }, { requestFor }] = await Promise.all([import('../../cli/commands/group/event-bodies.ts'), import('../../src/rooms/api.ts')]);
    expect(eventFromBody('replies', { player: ana, text: '  What matters most today?  ' })).toEqual({ ok: true, event: { type: 'reply.send', player: ana, text: 'What matters most today?' } });
    expect(eventFromBody('replies', { player: 'Ana Smith', text: 'Hi' })).toEqual({ ok: false, reason: 'Unexpected `player`, expected a player id of 1 to 64 letters, digits, - or _' });
    expect(eventFromBody('replies', { player: ana, text: 7 })).toEqual({ ok: false, reason: 'Unexpected `text`, expected the reply as a string' });
    expect(eventFromBody('reveal', {})).toEqual({ ok: true, event: { type: 'replies.show' } });
    expect(eventFromBody('settings', {})).toEqual({ ok: false, reason: 'Unexpected body, expected at least one setting: mode, sayItYourWay, sayItSeconds, typedReplies, playerLimit or liveCounts' });
    expect(eventFromBody('start', { mode: 'vote', typedReplies: false })).toEqual({ ok: true, event: { type: 'room.start', mode: 'vote', typedReplies: false } });
    expect(requestFor({ type: 'reply.send', player: ana, text: 'Hi' })).toEqual({ action: 'replies', body: { player: ana, text: 'Hi' } });
    expect(requestFor({ type: 'room.configure', typedReplies: true })).toEqual({ action: 'settings', body: { typedReplies: true } });
  });
});
