/**
 * The step a room shows: while the group says and votes, the open step; once its choice is
 * revealed, the step just decided; at the end, the ending. The group page, the room's JSON view
 * and the group debrief all read steps through here, so they agree on what each step was.
 */
import { linesAt, offeredAt, picks, type OfferedChoice } from '../engine/run.ts';
import type { Line } from '../engine/types.ts';
import { repliesInOrder, type ShownReply } from './replies.ts';
import { hotSeatAt, phaseOf, stepIndexOf, tallyOf, type Ballot, type Room, type RoomContext } from './room.ts';
import type { Decider } from './schema.ts';

/** An option offered at a step, with the votes it got. */
export interface OptionVotes extends OfferedChoice {
  readonly votes: number;
}

/** Each option offered, with its votes from the ballot. */
export function optionVotes(offered: readonly OfferedChoice[], ballot: Ballot): OptionVotes[] {
  const tally = tallyOf(ballot);
  return offered.map((option) => ({ ...option, votes: tally.get(option.index) ?? 0 }));
}

export interface Step {
  /** The step's place in the run: 0 for the first choice. */
  readonly index: number;
  /** The node the step is at. */
  readonly node: string;
  /** What the person (and narrator) said on arriving here. */
  readonly lines: readonly Line[];
  /** The options and their votes; empty at an ending. */
  readonly options: readonly OptionVotes[];
  /** The step's votes, each player's by choice index. */
  readonly ballot: Ballot;
  /** Who picks at this step, in hot-seat mode with names. */
  readonly hotSeat?: string;
  /** The replies typed at the step, without names, in the order they are shown. */
  readonly replies: readonly ShownReply[];
  /** Whether those replies are shown (every decided step's are); until then only their number may be. */
  readonly repliesShown: boolean;
  /** The group's choice and how it was made, once decided. */
  readonly decided?: { readonly option: OptionVotes; readonly by: Decider };
}

/** A step of the run (0-based), decided or open, with its votes. */
export function stepAt(context: RoomContext, index: number): Step {
  const { run } = context;
  const taken = picks(run);
  const decided = context.decided[index];
  const ballot = decided?.ballot ?? context.ballot;
  const options = optionVotes(offeredAt(run, index), ballot);
  const pick = taken[index];
  const hotSeat = decided ? decided.hotSeat : options.length > 0 ? hotSeatAt(context, index) : undefined;
  return {
    index,
    node: pick?.node ?? String(run.stops[index]!.snapshot.value),
    lines: linesAt(run, index),
    options,
    ballot,
    ...(hotSeat ? { hotSeat } : {}),
    replies: repliesInOrder(decided ? decided.replies : index === context.decided.length ? context.replies : {}, index),
    repliesShown: decided ? true : index === context.decided.length && context.repliesShown,
    ...(decided && pick ? { decided: { option: options.find((option) => option.index === pick.index)!, by: decided.by } } : {}),
  };
}

/** The step the room shows now. */
export function stepOnScreen(room: Room): Step {
  const { context } = room;
  const open = stepIndexOf(context);
  return stepAt(context, phaseOf(room) === 'revealed' ? open - 1 : open);
}
