/** A group room, stepped as a facilitator and players would: the rules a group relies on. */
import { describe, expect, it } from 'vitest';
import { currentNode, endingOf } from '../../src/engine/run.ts';
import { groupDebriefOf, groupTranscriptMarkdown } from '../../src/rooms/group-debrief.ts';
import { createRoom, isOnBreak, phaseOf, type RoomEvent } from '../../src/rooms/room.ts';
import { resumeRoom, RoomError, saveRoom } from '../../src/rooms/saved-room.ts';
import { stepOnScreen } from '../../src/rooms/step.ts';
import { roomView } from '../../src/rooms/view.ts';
import { lintText, readFixture } from '../helpers.ts';
import { openVotes, play, refusal } from './play.ts';

// hello: 1 Simple reflection -> listens, 2 Confront -> lectures.
// listens: 1 Emphasizing autonomy -> plan (positive), 2 Giving information -> gate.
const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;

const join = (...names: string[]): RoomEvent[] => names.map((name) => ({ type: 'player.join', name }));
const vote = (player: string, choice: number): RoomEvent => ({ type: 'vote.cast', player, choice });
const advance = (choice?: number): RoomEvent => (choice === undefined ? { type: 'room.advance' } : { type: 'room.advance', choice });
/** A room voting with live counts on, so its view shows the tally as votes come in. */
const votingRoom = () => play(createRoom(scenario), ...join('Ana', 'Ben', 'Chris'), { type: 'room.start', mode: 'vote', liveCounts: true });

describe('a group vote', () => {
  it('starts in set-up, then opens the votes on the first step', () => {
    const setup = play(createRoom(scenario), ...join('Ana', 'Ben', 'ana '));
    expect(phaseOf(setup)).toBe('setup');
    expect(setup.context.players).toEqual(['Ana', 'Ben']);
    const room = play(setup, { type: 'room.start', mode: 'vote' });
    expect(phaseOf(room)).toBe('voting');
    // Counts stay off the screens until the reveal, so nobody follows the crowd; who has voted shows.
    expect(roomView(room)).toMatchObject({ phase: 'voting', step: 1, node: 'hello', offered: [{ number: 1, code: null, feedback: null }, { number: 2, code: null, feedback: null }], votes: {}, voted: [], voters: {} });
    const voted = play(room, vote('Ana', 2));
    expect(roomView(voted)).toMatchObject({ votes: {}, voted: ['Ana'], voters: {} });
    // Nor can a phone read who chose what from the saved room the view carries.
    expect(roomView(voted).saved.ballot).toEqual({ votes: {}, counts: {} });
    expect(roomView(play(voted, { type: 'room.configure', liveCounts: true }))).toMatchObject({ liveCounts: true, votes: { 1: 0, 2: 1 }, voters: {} });
  });

  it('keeps one vote per player per step: voting again replaces it', () => {
    const room = play(votingRoom(), vote('Ana', 1), vote('Ben', 2), vote('Ana', 2));
    expect(roomView(room)).toMatchObject({ votes: { 1: 0, 2: 2 }, voted: ['Ana', 'Ben'] });
    expect(openVotes(room)).toEqual({ Ana: 2, Ben: 2 });
  });

  it('moves on with the majority, then reveals the code and feedback of the group\'s choice', () => {
    const room = play(votingRoom(), vote('Ana', 1), vote('Ben', 1), vote('Chris', 2), advance());
    expect(phaseOf(room)).toBe('revealed');
    const view = roomView(room);
    expect(view).toMatchObject({ node: 'hello', votes: { 1: 2, 2: 1 }, decision: { choice: 1, by: 'majority', code: 'Simple reflection' } });
    expect(view.offered.map((option) => option.code)).toEqual(['Simple reflection', 'Confront']);
    // Every option's feedback, so the group can talk about why the others were weaker.
    expect(view.offered.every((option) => typeof option.feedback === 'string' && option.feedback.length > 0)).toBe(true);
    expect(view.voters).toEqual({ Ana: 1, Ben: 1, Chris: 2 });
    const next = play(room, advance());
    expect(roomView(next)).toMatchObject({ phase: 'voting', step: 2, node: 'listens', votes: { 1: 0, 2: 0 }, decision: null });
  });

  it('on a tie, waits for the facilitator to choose, and records that they did', () => {
    const tied = play(votingRoom(), vote('Ana', 1), vote('Ben', 2));
    expect(roomView(tied).waiting).toBe('It is a tie between choices 1 and 2: the facilitator chooses, with {"choice": n}');
    expect(roomView(tied).tie).toEqual([1, 2]);
    expect(roomView(play(tied, vote('Chris', 2))).tie).toBeNull();
    expect(refusal(tied, advance())).toEqual({ kind: 'conflict', reason: 'It is a tie between choices 1 and 2: the facilitator chooses, with {"choice": n}' });
    expect(roomView(play(tied, advance(2))).decision).toMatchObject({ choice: 2, by: 'facilitator', code: 'Confront' });
  });

  it('waits for votes before moving on without the facilitator', () => {
    expect(refusal(votingRoom(), advance()).reason).toBe('Nobody has voted yet: wait for votes, or the facilitator chooses with {"choice": n}');
  });

  it('refuses a choice not offered, and votes while voting is not open', () => {
    expect(refusal(votingRoom(), vote('Ana', 3))).toEqual({ kind: 'invalid', reason: 'There is no choice 3 at this step: the choices offered are 1 to 2' });
    expect(refusal(votingRoom(), advance(7)).kind).toBe('invalid');
    const setup = createRoom(scenario);
    expect(refusal(setup, vote('Ana', 1))).toEqual({ kind: 'conflict', reason: 'Voting is not open now: the room is still being set up' });
    const revealed = play(votingRoom(), advance(1));
    expect(refusal(revealed, vote('Ana', 1)).reason).toBe("Voting is not open now: the group's choice is being shown");
  });

  it('adds counts entered on one screen to the named votes', () => {
    const room = play(votingRoom(), vote('Ana', 1), { type: 'vote.count', choice: 2, count: 3 }, { type: 'vote.count', choice: 2, count: 2 });
    expect(roomView(room).votes).toEqual({ 1: 1, 2: 2 });
    expect(roomView(play(room, advance())).decision).toMatchObject({ choice: 2, by: 'majority' });
  });

  it('refuses a name that is empty or longer than 40 characters', () => {
    expect(refusal(createRoom(scenario), { type: 'player.join', name: '  ' })).toEqual({ kind: 'invalid', reason: 'Unexpected name of 0 characters, expected 1 to 40' });
    expect(refusal(votingRoom(), vote('x'.repeat(41), 1)).reason).toBe('Unexpected name of 41 characters, expected 1 to 40');
  });

  it('lets someone vote without joining first, as a script might', () => {
    expect(play(votingRoom(), vote('Dee', 1)).context.players).toEqual(['Ana', 'Ben', 'Chris', 'Dee']);
  });

  it('takes someone out of the room with their open vote, whatever the case of the name, and refuses a name not there', () => {
    const room = play(votingRoom(), vote('Ana', 1), vote('Ben', 2), { type: 'player.leave', name: 'ben' });
    expect(room.context.players).toEqual(['Ana', 'Chris']);
    expect(roomView(room)).toMatchObject({ votes: { 1: 1, 2: 0 }, voted: ['Ana'] });
    expect(refusal(room, { type: 'player.leave', name: 'Zed' })).toEqual({ kind: 'invalid', reason: 'There is nobody called Zed in the room' });
  });
});

describe('the hot seat', () => {
  const hotSeat = () => play(createRoom(scenario), ...join('Ana', 'Ben'), { type: 'room.start', mode: 'hot-seat' });

  it('goes round the players, each saying a reply aloud before the options show', () => {
    let room = hotSeat();
    expect(roomView(room)).toMatchObject({ phase: 'saying', hotSeat: 'Ana', nextHotSeat: 'Ben', offered: [] });
    room = play(room, advance());
    expect(phaseOf(room)).toBe('voting');
    // Ben's vote is heard but Ana, in the hot seat, decides.
    room = play(room, vote('Ben', 2), vote('Ben', 2));
    expect(refusal(room, advance()).reason).toBe("Waiting for Ana's pick, who is in the hot seat");
    room = play(room, vote('Ana', 1), advance());
    expect(roomView(room)).toMatchObject({ decision: { choice: 1, by: 'hot seat' }, hotSeat: 'Ana', nextHotSeat: 'Ben' });
    room = play(room, advance());
    expect(roomView(room)).toMatchObject({ phase: 'saying', step: 2, hotSeat: 'Ben', nextHotSeat: 'Ana' });
  });

  it('takes the pick from the facilitator when nobody is named', () => {
    const room = play(createRoom(scenario), { type: 'room.start', mode: 'hot-seat' }, advance(), advance(2));
    expect(roomView(room).decision).toMatchObject({ choice: 2, by: 'hot seat' });
  });
});

describe('undo, restart and a break', () => {
  it('undo takes back the last step and reopens its votes as they were', () => {
    const decided = play(votingRoom(), vote('Ana', 1), vote('Ben', 1), advance(), advance());
    expect(currentNode(decided.context.run).id).toBe('listens');
    const undone = play(decided, { type: 'step.undo' });
    expect(roomView(undone)).toMatchObject({ phase: 'voting', node: 'hello', voted: ['Ana', 'Ben'] });
    expect(openVotes(undone)).toEqual({ Ana: 1, Ben: 1 });
    expect(refusal(play(votingRoom()), { type: 'step.undo' }).reason).toBe('There is no step to undo: the group is at the first step');
  });

  it('restart goes back to the first step with the same people and mode', () => {
    const room = play(votingRoom(), vote('Ana', 2), advance(), advance(), { type: 'room.restart' });
    expect(roomView(room)).toMatchObject({ phase: 'voting', step: 1, node: 'hello', players: ['Ana', 'Ben', 'Chris'], mode: 'vote' });
  });

  it('a break comes back to exactly where the group was', () => {
    const voting = play(votingRoom(), vote('Ana', 2));
    const onBreak = play(voting, { type: 'room.pause' });
    expect(isOnBreak(onBreak)).toBe(true);
    const back = play(onBreak, { type: 'room.resume' });
    expect(isOnBreak(back)).toBe(false);
    expect(roomView(back)).toMatchObject({ phase: 'voting', voted: ['Ana'] });
    expect(openVotes(back)).toEqual({ Ana: 2 });
  });

  it('ends at an ending, and only then has a group debrief', () => {
    let room = play(votingRoom(), vote('Ana', 1), vote('Ben', 1), vote('Chris', 2), advance(), advance());
    expect(groupDebriefOf(room)).toBeUndefined();
    room = play(room, vote('Ana', 1), vote('Ben', 2), vote('Chris', 1), advance(), advance());
    expect(phaseOf(room)).toBe('ended');
    expect(endingOf(room.context.run)?.id).toBe('plan');
    expect(roomView(room)).toMatchObject({ ending: { id: 'plan', outcome: 'positive' }, offered: [] });
    expect(refusal(room, advance()).reason).toBe('The scenario has ended: undo the last step or restart');
  });
});

describe('the group debrief and transcript', () => {
  const ended = () =>
    play(createRoom(scenario), ...join('Ana', 'Ben', 'Chris'), { type: 'room.start', mode: 'vote' }, vote('Ana', 1), vote('Ben', 2), vote('Chris', 1), advance(), advance(), vote('Ana', 1), vote('Ben', 1), advance(), advance());

  it('gives the split at each step and how often the group chose a good move', () => {
    const group = groupDebriefOf(ended())!;
    expect(group.debrief.ending.id).toBe('plan');
    expect(group.steps.map((step) => step.options.map((option) => option.votes))).toEqual([[2, 1], [2, 0]]);
    expect(group.steps.map((step) => [step.picked.choice.code.name, step.by])).toEqual([['Simple reflection', 'majority'], ['Emphasizing autonomy', 'majority']]);
    expect([group.goodPicks, group.goodVotes, group.votes]).toEqual([2, 4, 5]);
    expect(group.prompts).toContain("At step 1 the group split between 1 (Simple reflection) and 2 (Confront). What did each side hear in Riley's words?");
  });

  it('names the players and the votes in the transcript', () => {
    const text = groupTranscriptMarkdown(ended(), { date: new Date('2026-05-06T09:00:00Z') });
    expect(text).toContain('Played by Ana, Ben and Chris, voting at each step.');
    expect(text).toContain('**The group (Simple reflection):** "Twenty minutes is what you have."');
    expect(text).toContain('Votes (decided by majority):\n\n- 1. "Twenty minutes is what you have." (Simple reflection): 2 votes, the group\'s choice\n- 2. "You can\'t expect change in twenty minutes." (Confront): 1 vote');
    expect(text).toContain('The group chose an MI-consistent option, a safety step or a straight answer at 2 of 2 steps.');
    expect(text).toContain('4 of 5 votes went to such options.');
    expect(text).toContain('### For discussion');
  });

  it('names whoever was in the hot seat', () => {
    const room = play(createRoom(scenario), ...join('Ana', 'Ben'), { type: 'room.start', mode: 'hot-seat' }, advance(), vote('Ana', 1), advance(), advance(), advance(), vote('Ben', 1), advance(), advance());
    const text = groupTranscriptMarkdown(room);
    expect(text).toContain('Played by Ana and Ben in the hot seat, taking turns.');
    expect(text).toContain('**Ana, in the hot seat (Simple reflection):**');
    expect(text).toContain('**Ben, in the hot seat (Emphasizing autonomy):**');
  });
});

describe('saving and resuming a room', () => {
  it('round-trips through JSON and goes on as before', () => {
    const room = play(votingRoom(), vote('Ana', 1), vote('Ben', 1), advance(), advance(), vote('Chris', 2), { type: 'room.pause' });
    const resumed = resumeRoom(scenario, JSON.parse(JSON.stringify(saveRoom(room))));
    expect(roomView(resumed)).toEqual(roomView(room));
    expect(isOnBreak(resumed)).toBe(true);
    const next = play(resumed, { type: 'room.resume' }, vote('Ana', 1), vote('Ben', 1), advance());
    expect(stepOnScreen(next).decided?.option.choice.code.name).toBe('Emphasizing autonomy');
  });

  it('resumes every phase', () => {
    const rooms = [createRoom(scenario), votingRoom(), play(votingRoom(), advance(1)), play(createRoom(scenario), { type: 'room.start', mode: 'hot-seat' })];
    for (const room of rooms) expect(phaseOf(resumeRoom(scenario, saveRoom(room)))).toBe(phaseOf(room));
  });

  it('refuses a room of another scenario, one the scenario no longer fits, and one that does not add up', () => {
    const saved = saveRoom(play(votingRoom(), advance(1), advance()));
    expect(() => resumeRoom(scenario, { ...saved, scenarioId: 'other' })).toThrow(new RoomError('The saved room plays `other`, not `every-feature`'));
    expect(() => resumeRoom(scenario, { ...saved, choices: [2] })).toThrow(/has changed since the room was saved: Choice 3 of node `hello` is not offered at step 1 of the stored run/);
    expect(() => resumeRoom(scenario, { ...saved, phase: 'ended' })).toThrow(new RoomError('The saved room does not add up: it is in ended after 1 choices'));
    expect(() => resumeRoom(scenario, { ...saved, players: 'Ana' })).toThrow(/^The saved room is not readable: players is/);
  });
});

describe('the API bodies', () => {
  it('reads each action\'s body into a room event, or says what is wrong', async () => {
    const [{ eventFromBody }, { requestFor }] = await Promise.all([import('../../cli/commands/group/event-bodies.ts'), import('../../src/rooms/api.ts')]);
    expect(eventFromBody('votes', { player: ' Ana ', choice: 2 })).toEqual({ ok: true, event: { type: 'vote.cast', player: 'Ana', choice: 2 } });
    expect(eventFromBody('advance', {})).toEqual({ ok: true, event: { type: 'room.advance' } });
    expect(eventFromBody('votes', { player: 'Ana', choice: 1.5 })).toEqual({ ok: false, reason: 'Unexpected `choice`, expected a whole number from 1' });
    expect(eventFromBody('votes', { player: '', choice: 1 })).toEqual({ ok: false, reason: 'Unexpected `player`, expected a name' });
    expect(eventFromBody('start', { mode: 'chaos' })).toEqual({ ok: false, reason: 'Unexpected `mode`, expected one of "vote", "hot-seat"' });
    expect(eventFromBody('votes', [1])).toEqual({ ok: false, reason: 'Unexpected body, expected a JSON object such as {"player": "Ana", "choice": 2, "token": "<from joining>"}' });
    expect(requestFor({ type: 'vote.cast', player: 'Ana', choice: 2 })).toEqual({ action: 'votes', body: { player: 'Ana', choice: 2 } });
    expect(requestFor({ type: 'step.undo' })).toEqual({ action: 'undo', body: {} });
  });
});
