/**
 * A room as plain JSON, to save and resume: the room server writes one file per room on every
 * change, and the one-screen group page keeps one in the browser's progress. The format is the
 * room's own (phase, players, votes, the run's choice indices), not XState's internal snapshot, so
 * saved rooms outlive changes to the statechart's layout. Its schema is in schema.ts.
 */
import type { ScenarioMachine } from '../engine/compile.ts';
import { choiceIndices, endingOf, offeredAt, replay, RunError, type Run } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import { anonymousReplies } from './replies.ts';
import { emptyBallot, isOnBreak, phaseOf, roomMachine, type Ballot, type Room, type RoomContext } from './room.ts';
import { savedRoomSchema, savedRoomVersion, type RoomPhase, type SavedRoom } from './schema.ts';

/** A saved room that cannot be resumed, with the reason. */
export class RoomError extends Error {
  override name = 'RoomError';
}

/** The room as JSON-ready data. */
export function saveRoom(room: Room): SavedRoom {
  const { context } = room;
  return {
    version: savedRoomVersion,
    scenarioId: context.run.scenario.id,
    phase: phaseOf(room),
    onBreak: isOnBreak(room),
    settings: { ...context.settings },
    players: [...context.players],
    choices: choiceIndices(context.run),
    decided: context.decided.map((step) => ({ ballot: step.ballot, by: step.by, ...(step.hotSeat ? { hotSeat: step.hotSeat } : {}), replies: step.replies })),
    ballot: context.ballot,
    replies: context.replies,
    repliesShown: context.repliesShown,
    openOptions: optionsSaid(context.run, context.decided.length),
  };
}

/** What each option at a step of the run says, by choice index (empty at an ending). */
function optionsSaid(run: Run, step: number): string[] {
  const offered = offeredAt(run, step);
  const said: string[] = [];
  for (const option of offered) said[option.index] = option.choice.says;
  return Array.from(said, (says) => says ?? '');
}

/**
 * The saved room as anyone in it may read it (it goes out in the room's view): typed replies under
 * labels that say nothing of who typed them, and the open step's words left out until they are
 * shown; while voting is open, nobody's vote (the view says who has voted, and counts only with
 * live counts on), so no phone can follow the crowd by reading the JSON. The facilitator's page
 * resumes this form like any other; only the server keeps the ids and the open votes.
 */
export function saveRoomToShare(room: Room): SavedRoom {
  const saved = saveRoom(room);
  return {
    ...saved,
    ballot: saved.phase === 'voting' ? { votes: {}, counts: saved.ballot.counts } : saved.ballot,
    decided: saved.decided.map((step, i) => ({ ...step, replies: anonymousReplies(step.replies, i, true) })),
    replies: anonymousReplies(saved.replies, saved.decided.length, saved.repliesShown),
  };
}

function flowValue(phase: RoomPhase) {
  return phase === 'setup' || phase === 'ended' ? phase : { playing: phase };
}

/** Whether the saved phase fits the saved run: an ended room's run has ended, and only it. */
function phaseFits(phase: RoomPhase, ended: boolean, decided: number): boolean {
  if (phase === 'ended') return ended;
  if (phase === 'revealed') return decided > 0;
  if (phase === 'setup') return decided === 0;
  return !ended;
}

/** A ballot with only the votes for options offered at the step, and how many it lost. */
function fittingBallot(ballot: Ballot, offered: ReadonlySet<number>): { ballot: Ballot; dropped: number } {
  const votes = Object.entries(ballot.votes).filter(([, index]) => offered.has(index));
  const counts = Object.entries(ballot.counts).filter(([index]) => offered.has(Number(index)));
  const dropped = Object.keys(ballot.votes).length - votes.length + Object.values(ballot.counts).reduce((sum, count) => sum + count, 0) - counts.reduce((sum, [, count]) => sum + count, 0);
  return { ballot: { votes: Object.fromEntries(votes), counts: Object.fromEntries(counts) }, dropped };
}

const votesWord = (count: number) => `${count} ${count === 1 ? 'vote' : 'votes'}`;

/** A resumed room, and what had to be set aside because its scenario changed, in words for the facilitator. */
export interface ResumedRoom {
  readonly room: Room;
  readonly setAside: readonly string[];
}

/**
 * Resumes a saved room with its scenario; throws a {@link RoomError} saying why it cannot. A
 * scenario edited since the room was saved may no longer offer what the votes were for: such
 * votes are set aside (never counted for another option), and `setAside` says so.
 */
export function resumeRoomSayingWhy(scenario: Scenario, data: unknown, machine?: ScenarioMachine): ResumedRoom {
  const parsed = savedRoomSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RoomError(`The saved room is not readable: ${issue.path.join('.') || 'the file'} is ${issue.message === 'Invalid input' ? 'not as expected' : issue.message}`);
  }
  const saved = parsed.data;
  if (saved.scenarioId !== scenario.id) throw new RoomError(`The saved room plays \`${saved.scenarioId}\`, not \`${scenario.id}\``);
  let run;
  try {
    run = replay(scenario, saved.choices, machine);
  } catch (error) {
    if (error instanceof RunError) throw new RoomError(`The scenario \`${scenario.id}\` has changed since the room was saved: ${error.message}`);
    throw error;
  }
  if (saved.decided.length !== saved.choices.length || !phaseFits(saved.phase, endingOf(run) !== undefined, saved.decided.length)) {
    throw new RoomError(`The saved room does not add up: it is in ${saved.phase} after ${saved.choices.length} choices`);
  }
  const setAside: string[] = [];
  const decided = saved.decided.map((step, i) => {
    const fitting = fittingBallot(step.ballot, new Set(offeredAt(run, i).map((option) => option.index)));
    if (fitting.dropped > 0) setAside.push(`${votesWord(fitting.dropped)} at step ${i + 1} were for options the scenario no longer has there, so they were set aside`);
    return { ...step, ballot: fitting.ballot };
  });
  const open = saved.choices.length;
  const reordered = saved.openOptions !== undefined && JSON.stringify(saved.openOptions) !== JSON.stringify(optionsSaid(run, open));
  const fitting = reordered ? { ballot: emptyBallot, dropped: fittingBallot(saved.ballot, new Set()).dropped } : fittingBallot(saved.ballot, new Set(offeredAt(run, open).map((option) => option.index)));
  if (fitting.dropped > 0) setAside.push(`${votesWord(fitting.dropped)} at step ${open + 1} were for options the scenario has changed since, so they were set aside: ask the group to vote again`);
  const context: RoomContext = { run, settings: saved.settings, players: saved.players, decided, ballot: fitting.ballot, replies: saved.replies, repliesShown: saved.repliesShown };
  const room = roomMachine.resolveState({ value: { flow: flowValue(saved.phase), attention: saved.onBreak ? 'onBreak' : 'together' }, context });
  return { room, setAside: setAside.map((words) => `The scenario changed while the room was saved: ${words}.`) };
}

/** Resumes a saved room with its scenario (see {@link resumeRoomSayingWhy}); throws a {@link RoomError} saying why it cannot. */
export function resumeRoom(scenario: Scenario, data: unknown, machine?: ScenarioMachine): Room {
  return resumeRoomSayingWhy(scenario, data, machine).room;
}
