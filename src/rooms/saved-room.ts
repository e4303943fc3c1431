/**
 * A room as plain JSON, to save and resume: the room server writes one file per room on every
 * change, and the one-screen group page keeps one in the browser's progress. The format is the
 * room's own (phase, players, votes, the run's choice indices), not XState's internal snapshot, so
 * saved rooms outlive changes to the statechart's layout. Its schema is in schema.ts.
 */
import type { ScenarioMachine } from '../engine/compile.ts';
import { choiceIndices, endingOf, replay, RunError } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import { anonymousReplies } from './replies.ts';
import { isOnBreak, phaseOf, roomMachine, type Room, type RoomContext } from './room.ts';
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
  };
}

/**
 * The saved room as anyone in it may read it (it goes out in the room's view): typed replies under
 * labels that say nothing of who typed them, and the open step's words left out until they are
 * shown. The facilitator's page resumes this form like any other; only the server keeps the ids.
 */
export function saveRoomToShare(room: Room): SavedRoom {
  const saved = saveRoom(room);
  return {
    ...saved,
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

/** Resumes a saved room with its scenario; throws a {@link RoomError} saying why it cannot. */
export function resumeRoom(scenario: Scenario, data: unknown, machine?: ScenarioMachine): Room {
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
  const context: RoomContext = { run, settings: saved.settings, players: saved.players, decided: saved.decided, ballot: saved.ballot, replies: saved.replies, repliesShown: saved.repliesShown };
  return roomMachine.resolveState({ value: { flow: flowValue(saved.phase), attention: saved.onBreak ? 'onBreak' : 'together' }, context });
}
