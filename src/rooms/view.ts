/**
 * A room as the JSON the room server sends: to phones, to the facilitator's page and to scripts.
 * Built only from the room module, so the API says exactly what the pages show.
 */
import { endingOf } from '../engine/run.ts';
import { decisionOf, hotSeatAt, isOnBreak, phaseOf, stepIndexOf, type Room } from './room.ts';
import { saveRoomToShare } from './saved-room.ts';
import type { Decider, RoomMode, RoomPhase, SavedRoom } from './schema.ts';
import { stepOnScreen } from './step.ts';

export interface RoomView {
  readonly scenario: { readonly id: string; readonly title: string; readonly persona: string; readonly contentNotes: readonly string[] };
  readonly phase: RoomPhase;
  readonly onBreak: boolean;
  readonly mode: RoomMode;
  readonly sayItYourWay: boolean;
  readonly sayItSeconds: number;
  /** Whether phones may type a reply during the pause. */
  readonly typedReplies: boolean;
  /** The replies typed at the step shown: how many, and once the facilitator shows them, their words, in the order shown, without names. */
  readonly replies: { readonly count: number; readonly shown: boolean; readonly texts: readonly string[] };
  /** Everyone in the room, in the order they joined. */
  readonly players: readonly string[];
  /** The step shown, from 1. */
  readonly step: number;
  /** Who picks at this step, and at the next, in hot-seat mode with names. */
  readonly hotSeat: string | null;
  readonly nextHotSeat: string | null;
  /** The node of the step shown. */
  readonly node: string;
  /** What the person (and narrator) said, as Markdown; none during set-up. */
  readonly lines: ReadonlyArray<{ readonly speaker: string | null; readonly markdown: string }>;
  /** The options, numbered as people vote; hidden during set-up and saying; each one's code and feedback only once revealed. */
  readonly offered: ReadonlyArray<{ readonly number: number; readonly says: string; readonly code: string | null; readonly feedback: string | null }>;
  /** Whether counts show while voting is open (see `votes`). */
  readonly liveCounts: boolean;
  /** Votes by choice number: at the reveal, or while voting with live counts on; otherwise empty, so nobody follows the crowd. */
  readonly votes: Readonly<Record<string, number>>;
  /** Who has voted at the step shown, by name, without what they chose. */
  readonly voted: readonly string[];
  /** Each player's vote by choice number, once the step is revealed; empty before. */
  readonly voters: Readonly<Record<string, number>>;
  /** The group's choice, once revealed. */
  readonly decision: { readonly choice: number; readonly by: Decider; readonly code: string; readonly feedback: string } | null;
  /** While voting: why moving on would wait for the facilitator (a tie, no votes yet), or null if it would not. */
  readonly waiting: string | null;
  /** While voting: the choice numbers tied for the most votes, for the facilitator to choose among; null when there is no tie. */
  readonly tie: readonly number[] | null;
  readonly ending: { readonly id: string; readonly outcome: string } | null;
  /** The whole room as saved, so a page can rebuild it with the engine; typed replies without ids, and without words until shown. */
  readonly saved: SavedRoom;
  /**
   * What the facilitator must know about the room itself, in plain words: a save that failed
   * (the room would not survive a restart), votes set aside when it was resumed. Empty when all is well.
   */
  readonly problems: readonly string[];
  /**
   * Set by a hosted server when the room plays a scenario file an organiser uploaded: the course
   * has no page for it, so the room's pages fetch it from `/api/rooms/<code>/scenario`.
   */
  readonly uploaded?: true;
}

/** One phone's own reply at the open step, for the phone alone (it asks by its player id): `GET …/replies/<id>`. */
export interface OwnReplyView {
  /** The open step, from 1. */
  readonly step: number;
  /** The words as the room has them, or null if this id has no reply at this step. */
  readonly text: string | null;
  /** Whether the replies are shown, so it can no longer change. */
  readonly shown: boolean;
}

/** The room as JSON for the API and live updates, with what the server has to say about it. */
export function roomView(room: Room, problems: readonly string[] = []): RoomView {
  const { context } = room;
  const { meta } = context.run.scenario;
  const phase = phaseOf(room);
  const step = stepOnScreen(room);
  const showOptions = phase === 'voting' || phase === 'revealed';
  const revealed = phase === 'revealed';
  const showCounts = revealed || (phase === 'voting' && context.settings.liveCounts);
  const numberOf = (index: number) => step.options.find((option) => option.index === index)!.number;
  const decision = phase === 'voting' ? decisionOf(context) : undefined;
  const ending = endingOf(context.run);
  return {
    scenario: { id: context.run.scenario.id, title: meta.title, persona: meta.persona.name, contentNotes: meta.content_notes },
    phase,
    onBreak: isOnBreak(room),
    ...context.settings,
    replies: { count: step.replies.length, shown: step.repliesShown, texts: step.repliesShown ? step.replies.map((reply) => reply.text) : [] },
    players: context.players,
    step: step.index + 1,
    hotSeat: step.hotSeat ?? null,
    nextHotSeat: hotSeatAt(context, phase === 'revealed' ? stepIndexOf(context) : step.index + 1) ?? null,
    node: step.node,
    lines: phase === 'setup' ? [] : step.lines.map((line) => ({ speaker: line.speaker ?? null, markdown: line.markdown })),
    offered: showOptions
      ? step.options.map((option) => ({
          number: option.number,
          says: option.choice.says,
          code: revealed ? option.choice.code.name : null,
          feedback: revealed ? option.choice.feedback : null,
        }))
      : [],
    votes: showCounts ? Object.fromEntries(step.options.map((option) => [option.number, option.votes])) : {},
    voted: Object.keys(step.ballot.votes),
    voters: revealed ? Object.fromEntries(Object.entries(step.ballot.votes).map(([player, index]) => [player, numberOf(index)])) : {},
    decision: step.decided
      ? { choice: step.decided.option.number, by: step.decided.by, code: step.decided.option.choice.code.name, feedback: step.decided.option.choice.feedback }
      : null,
    waiting: decision && decision.kind !== 'decided' ? decision.reason : null,
    tie: decision?.kind === 'tie' ? decision.between.map(numberOf).sort((a, b) => a - b) : null,
    ending: phase === 'ended' && ending ? { id: ending.id, outcome: ending.outcome } : null,
    saved: saveRoomToShare(room),
    problems,
  };
}

/** A player's own reply at the open step, by their id. */
export function ownReplyOf(room: Room, player: string): OwnReplyView {
  const { context } = room;
  return { step: stepIndexOf(context) + 1, text: Object.hasOwn(context.replies, player) ? context.replies[player]! : null, shown: context.repliesShown };
}
