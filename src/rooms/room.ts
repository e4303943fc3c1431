/**
 * What a group room is: the players, a mode, whose turn it is, the votes at each step, the replies
 * typed during the say-it-your-way pause (by player id, hidden until shown), how a step is
 * decided, undo, restart and a break, as an XState statechart over the engine's run. Pure: it
 * imports nothing from Node, the DOM or React, so the one-screen group page, the room server and
 * the tests all step rooms through this one module.
 *
 * A tie is never broken by chance: when the most votes are shared, or nobody has voted, the room
 * waits for the facilitator to choose (`room.advance` with a choice).
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import type { ScenarioMachine } from '../engine/compile.ts';
import { choose, endingOf, offeredChoices, restart, startRun, undo, type OfferedChoice, type Run } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import { hasRoomForReply, isPlayerId, isReplyText, noReplies, replyText, withReply, type Replies } from './replies.ts';
import { maxCount, maxPlayerName, maxPlayers, maxReplyLength, playerCeiling, type Decider, type RoomMode, type RoomPhase } from './schema.ts';
import { nameList, turnOf } from './turns.ts';


export interface RoomSettings {
  readonly mode: RoomMode;
  /** Pause before the options so someone can say a reply in their own words; always so in hot seat. */
  readonly sayItYourWay: boolean;
  /** How long the say-it-your-way timer runs, in seconds. */
  readonly sayItSeconds: number;
  /** During the pause, phones (or the facilitator, on one screen) may type a reply, shown without names. */
  readonly typedReplies: boolean;
  /** How many people the room lets in (and how many replies a step takes); the facilitator can raise it. */
  readonly playerLimit: number;
  /** Whether the shared screen and phones show the counts while voting is open (off: counts only at the reveal, so nobody follows the crowd). */
  readonly liveCounts: boolean;
}

/** Settings before the facilitator picks any. */
export const defaultSettings: RoomSettings = { mode: 'vote', sayItYourWay: false, sayItSeconds: 60, typedReplies: true, playerLimit: maxPlayers, liveCounts: false };

/** The votes at one step. Choices are kept by their index in the file, as the run keeps them. */
export interface Ballot {
  /** Each player's vote: player name to choice index. One per player; a new vote replaces the old. */
  readonly votes: Readonly<Record<string, number>>;
  /** Votes entered as counts on one screen: choice index to how many. */
  readonly counts: Readonly<Record<string, number>>;
}

/** A ballot with no votes in it. */
export const emptyBallot: Ballot = { votes: {}, counts: {} };


/** A step the group has decided: its votes and how. The choice itself is the run's. */
export interface DecidedStep {
  readonly ballot: Ballot;
  readonly by: Decider;
  /** Who was in the hot seat, in hot-seat mode with names. */
  readonly hotSeat?: string;
  /** The replies typed at the step, by player id; all were shown before the options. */
  readonly replies: Replies;
}

export interface RoomContext {
  /** The engine's run of the scenario: the choices the group has made. */
  readonly run: Run;
  readonly settings: RoomSettings;
  /** Everyone in the room, in the order they joined: the hot seat goes round in this order. */
  readonly players: readonly string[];
  /** One entry per choice in the run, in order. */
  readonly decided: readonly DecidedStep[];
  /** The votes of the step now open. */
  readonly ballot: Ballot;
  /** The replies typed at the step now open, by player id (never by name). */
  readonly replies: Replies;
  /** Whether the open step's replies are shown; from then on they cannot change. */
  readonly repliesShown: boolean;
}

/** Everything that can happen in a room. Choices are numbered as the group sees them (1 = the first offered). */
export type RoomEvent =
  | { readonly type: 'player.join'; readonly name: string }
  | { readonly type: 'player.leave'; readonly name: string }
  /** The same player under a new name: their place in the turns, their votes and their hot seats go with them. */
  | { readonly type: 'player.rename'; readonly from: string; readonly to: string }
  | { readonly type: 'room.start'; readonly mode: RoomMode; readonly sayItYourWay?: boolean; readonly sayItSeconds?: number; readonly typedReplies?: boolean; readonly liveCounts?: boolean }
  /**
   * Settings changed once the room is running: typed replies, room for more people and live counts
   * at once; the mode and the pause to say it from the next step that opens.
   */
  | {
      readonly type: 'room.configure';
      readonly mode?: RoomMode;
      readonly sayItYourWay?: boolean;
      readonly sayItSeconds?: number;
      readonly typedReplies?: boolean;
      readonly playerLimit?: number;
      readonly liveCounts?: boolean;
    }
  /** A reply typed during the pause, by a player's id; the same id replaces it, and blank words take it back. */
  | { readonly type: 'reply.send'; readonly player: string; readonly text: string }
  /** The facilitator shows the open step's replies, without names. */
  | { readonly type: 'replies.show' }
  | { readonly type: 'vote.cast'; readonly player: string; readonly choice: number }
  | { readonly type: 'vote.count'; readonly choice: number; readonly count: number }
  /**
   * Moves on. `from` is the phase the facilitator's screen showed when they pressed the button:
   * a second press of the same button (a double click, a retried request) is then refused
   * rather than skipping the reveal.
   */
  | { readonly type: 'room.advance'; readonly choice?: number; readonly from?: RoomPhase }
  | { readonly type: 'step.undo' }
  | { readonly type: 'room.restart' }
  | { readonly type: 'room.pause' }
  | { readonly type: 'room.resume' };

/** Whether the group pauses before the options to say a reply in their own words: always in the hot seat. */
export const pausesToSayIt = (settings: RoomSettings): boolean => settings.mode === 'hot-seat' || settings.sayItYourWay;

/** Whether any step has typed replies, decided or open. */
export function hasTypedReplies(context: RoomContext): boolean {
  return Object.keys(context.replies).length > 0 || context.decided.some((step) => Object.keys(step.replies).length > 0);
}

/** The step the group is on: 0 for the first choice. */
export const stepIndexOf = (context: RoomContext): number => context.decided.length;

/** Who is in the hot seat at a step (0-based), in hot-seat mode with names; otherwise undefined. */
export function hotSeatAt(context: RoomContext, step: number): string | undefined {
  return context.settings.mode === 'hot-seat' ? turnOf(context.players, step) : undefined;
}

/** The offered choice with this number now, if there is one. */
export function offeredNumber(context: RoomContext, number: number): OfferedChoice | undefined {
  return offeredChoices(context.run).find((offered) => offered.number === number);
}

/** Votes for each choice index in a ballot: players' votes and entered counts together. */
export function tallyOf(ballot: Ballot): Map<number, number> {
  const tally = new Map<number, number>();
  for (const index of Object.values(ballot.votes)) tally.set(index, (tally.get(index) ?? 0) + 1);
  for (const [index, count] of Object.entries(ballot.counts)) tally.set(Number(index), (tally.get(Number(index)) ?? 0) + count);
  return tally;
}

/** What `room.advance` would decide now, or why it cannot. */
export type Decision =
  | { readonly kind: 'decided'; readonly index: number; readonly by: Decider }
  /** The most votes are shared: the facilitator chooses among these choice indices. */
  | { readonly kind: 'tie'; readonly between: readonly number[]; readonly reason: string }
  | { readonly kind: 'waiting'; readonly reason: string };

/** How the open step would be decided by `room.advance` (with the facilitator's `choice`, if given). */
export function decisionOf(context: RoomContext, choice?: number): Decision {
  const offered = offeredChoices(context.run);
  const numberOf = (index: number) => offered.find((option) => option.index === index)!.number;
  if (choice !== undefined) {
    const pick = offeredNumber(context, choice);
    if (!pick) return { kind: 'waiting', reason: `There is no choice ${choice} at this step: the choices offered are 1 to ${offered.length}` };
    return { kind: 'decided', index: pick.index, by: context.settings.mode === 'hot-seat' ? 'hot seat' : 'facilitator' };
  }
  if (context.settings.mode === 'hot-seat') {
    const seat = hotSeatAt(context, stepIndexOf(context));
    // Own votes only: a player called `constructor` has not voted because every object has one.
    const vote = seat !== undefined && Object.hasOwn(context.ballot.votes, seat) ? context.ballot.votes[seat] : undefined;
    if (vote !== undefined) return { kind: 'decided', index: vote, by: 'hot seat' };
    return { kind: 'waiting', reason: seat ? `Waiting for ${seat}'s pick, who is in the hot seat` : 'Waiting for the hot seat\'s pick: the facilitator enters it as {"choice": n}' };
  }
  const tally = [...tallyOf(context.ballot)].filter(([, votes]) => votes > 0);
  if (tally.length === 0) return { kind: 'waiting', reason: 'Nobody has voted yet: wait for votes, or the facilitator chooses with {"choice": n}' };
  const most = Math.max(...tally.map(([, votes]) => votes));
  const leaders = tally.filter(([, votes]) => votes === most).map(([index]) => index);
  if (leaders.length === 1) return { kind: 'decided', index: leaders[0]!, by: 'majority' };
  const numbers = leaders.map(numberOf).sort((a, b) => a - b);
  return { kind: 'tie', between: leaders, reason: `It is a tie between choices ${nameList(numbers.map(String))}: the facilitator chooses, with {"choice": n}` };
}

/**
 * Characters that hide a name or change how it reads: controls (NUL, ESC, BEL), format
 * characters such as bidi overrides (U+202E shows `evil.exe` as `exe.live`) and zero-width
 * spaces, and characters that draw nothing although Unicode calls them letters or symbols (the
 * Hangul fillers U+3164, U+115F, U+1160, U+FFA0, and the blank Braille pattern U+2800): `Ana`
 * with one of them reads as the `Ana` already in the room. Zero-width joiners (U+200C, U+200D)
 * and variation selectors (U+FE00 to U+FE0F) stay: emoji and several scripts need them.
 */
const misleadingCharacter = /[\p{Cc}\u2028\u2029\u2800]|(?![\u200C\u200D\uFE00-\uFE0F])[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
/** A letter, digit, symbol or punctuation: something a name shows (a combining mark shows only on one of these). */
const visibleCharacter = /[\p{L}\p{N}\p{S}\p{P}]/u;
/** A name that stands for a property every object has, which would read as a vote nobody cast. */
const reservedName = '__proto__';

/** Why a name cannot be a player's, or undefined if it can: 1 to 40 characters once trimmed, visible and plain. */
export function nameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > maxPlayerName) return `Unexpected name of ${trimmed.length} characters, expected 1 to ${maxPlayerName}`;
  const hidden = misleadingCharacter.exec(trimmed)?.[0];
  if (hidden !== undefined) {
    const codePoint = `U+${hidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `Unexpected invisible or reordering character ${codePoint} in the name, expected letters, digits and punctuation that everyone sees`;
  }
  if (!visibleCharacter.test(trimmed)) return 'Unexpected name with nothing visible in it, expected letters or digits';
  if (trimmed === reservedName) return `Unexpected name \`${reservedName}\`, expected another name: this one is reserved`;
  return undefined;
}

/** Whether a name can be a player's (see {@link nameProblem}). */
export const isPlayerName = (name: string): boolean => nameProblem(name) === undefined;

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The name as the room already knows it (matched ignoring case), or undefined. */
export function knownPlayer(context: RoomContext, name: string): string | undefined {
  return context.players.find((player) => sameName(player, name.trim()));
}

/** Seconds the say-it-your-way timer may run. */
export const sayItSecondsRange = { min: 5, max: 900 } as const;
const isSayItSeconds = (seconds: number) => Number.isInteger(seconds) && seconds >= sayItSecondsRange.min && seconds <= sayItSecondsRange.max;

/** The settings with a `room.configure`'s changes: only what it names changes. */
function configured(settings: RoomSettings, event: Extract<RoomEvent, { type: 'room.configure' }>): RoomSettings {
  const { type: _type, ...changes } = event;
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<RoomSettings>;
  return { ...settings, ...given };
}

/** A name not taken by anyone in the room: `name`, or `name 2`, `name 3`… (what a second Sam is offered). */
export function freeNameLike(context: RoomContext, name: string): string {
  if (knownPlayer(context, name) === undefined) return name.trim();
  // "Sam 2" taken offers "Sam 3", not "Sam 2 2".
  const base = name.trim().replace(/\s+\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, maxPlayerName - String(n).length - 1)} ${n}`;
    if (knownPlayer(context, candidate) === undefined) return candidate;
  }
}

/** Why `from` cannot become `to`, or undefined if it can (the same person may change a name's case). */
export function renameProblem(context: RoomContext, from: string, to: string): string | undefined {
  const player = knownPlayer(context, from);
  if (player === undefined) return `There is nobody called ${from.trim()} in the room`;
  const problem = nameProblem(to);
  if (problem) return problem;
  const holder = knownPlayer(context, to);
  if (holder !== undefined && holder !== player) return `Someone called ${holder} is in the room already: pick another name, such as ${freeNameLike(context, to)}`;
  return undefined;
}

/** The room with one player's name changed everywhere it is kept: the turns, every step's votes, the hot seats. */
function renamed(context: RoomContext, from: string, to: string): Partial<RoomContext> {
  const rename = (name: string) => (name === from ? to : name);
  const ballot = (b: Ballot): Ballot => ({ ...b, votes: Object.fromEntries(Object.entries(b.votes).map(([name, index]) => [rename(name), index])) });
  return {
    players: context.players.map(rename),
    ballot: ballot(context.ballot),
    decided: context.decided.map((step) => ({ ...step, ballot: ballot(step.ballot), ...(step.hotSeat ? { hotSeat: rename(step.hotSeat) } : {}) })),
  };
}

const withPlayer = (players: readonly string[], name: string) => (players.some((player) => sameName(player, name.trim())) ? players : [...players, name.trim()]);

const roomSetup = setup({
  types: {
    context: {} as RoomContext,
    events: {} as RoomEvent,
    input: {} as { run: Run },
  },
  guards: {
    /** The name is in the room already (joining again changes nothing), or there is room for it. */
    canJoin: ({ context, event }) => event.type === 'player.join' && isPlayerName(event.name) && (knownPlayer(context, event.name) !== undefined || context.players.length < context.settings.playerLimit),
    /** The old name is someone's in the room, and the new one is a good name nobody else has. */
    canRename: ({ context, event }) => event.type === 'player.rename' && renameProblem(context, event.from, event.to) === undefined,
    /** The name is someone's in the room. */
    isInRoom: ({ context, event }) => event.type === 'player.leave' && knownPlayer(context, event.name) !== undefined,
    /** A vote for a choice offered now, by someone in the room or with room for them. */
    isValidVote: ({ context, event }) =>
      event.type === 'vote.cast' &&
      offeredNumber(context, event.choice) !== undefined &&
      (knownPlayer(context, event.player) !== undefined || (isPlayerName(event.player) && context.players.length < context.settings.playerLimit)),
    /** A count for a choice offered now. */
    isValidCount: ({ context, event }) => event.type === 'vote.count' && offeredNumber(context, event.choice) !== undefined && Number.isInteger(event.count) && event.count >= 0 && event.count <= maxCount,
    /** A new limit on people is whole, no lower than the people in the room, and within the ceiling. */
    canConfigure: ({ context, event }) =>
      event.type === 'room.configure' &&
      (event.playerLimit === undefined || (Number.isInteger(event.playerLimit) && event.playerLimit >= Math.max(1, context.players.length) && event.playerLimit <= playerCeiling)) &&
      (event.sayItSeconds === undefined || isSayItSeconds(event.sayItSeconds)),
    /** `room.advance` can decide the open step. */
    isDecided: ({ context, event }) => event.type === 'room.advance' && decisionOf(context, event.choice).kind === 'decided',
    /** The run has reached an ending. */
    hasEnded: ({ context }) => endingOf(context.run) !== undefined,
    /** There is a decided step to take back. */
    hasStepToUndo: ({ context }) => context.decided.length > 0,
    /** The group pauses before the options to say a reply in their own words. */
    pausesToSayIt: ({ context }) => pausesToSayIt(context.settings),
    /** Typed replies are on and not shown yet, and this one fits: a player id, words that are not too long, room at the step. */
    canTakeReply: ({ context, event }) =>
      event.type === 'reply.send' &&
      context.settings.typedReplies &&
      !context.repliesShown &&
      isPlayerId(event.player) &&
      isReplyText(event.text) &&
      (replyText(event.text) === '' || hasRoomForReply(context.replies, event.player, context.settings.playerLimit)),
    /** Typed replies are on, and there are replies not shown yet. */
    canShowReplies: ({ context }) => context.settings.typedReplies && !context.repliesShown && Object.keys(context.replies).length > 0,
  },
  actions: {
    addPlayer: assign({ players: ({ context, event }) => (event.type === 'player.join' ? withPlayer(context.players, event.name) : context.players) }),
    /** Someone leaves (or a name given by mistake goes): out of the turns, and their open vote with them. */
    removePlayer: assign(({ context, event }) => {
      if (event.type !== 'player.leave') return {};
      const name = knownPlayer(context, event.name)!;
      const { [name]: _vote, ...votes } = context.ballot.votes;
      return { players: context.players.filter((player) => player !== name), ballot: { ...context.ballot, votes } };
    }),
    renamePlayer: assign(({ context, event }) => (event.type === 'player.rename' ? renamed(context, knownPlayer(context, event.from)!, event.to.trim()) : {})),
    applySettings: assign({
      settings: ({ context, event }) =>
        event.type === 'room.start'
          ? {
              mode: event.mode,
              sayItYourWay: event.sayItYourWay ?? event.mode === 'hot-seat',
              sayItSeconds: event.sayItSeconds ?? context.settings.sayItSeconds,
              typedReplies: event.typedReplies ?? context.settings.typedReplies,
              playerLimit: context.settings.playerLimit,
              liveCounts: event.liveCounts ?? context.settings.liveCounts,
            }
          : event.type === 'room.configure'
            ? configured(context.settings, event)
            : context.settings,
    }),
    recordReply: assign({ replies: ({ context, event }) => (event.type === 'reply.send' ? withReply(context.replies, event.player, event.text) : context.replies) }),
    showReplies: assign({ repliesShown: true }),
    /**
     * The options come after the pause: replies typed are shown with them (so a step keeps only
     * replies the group saw). With typed replies turned off, any typed before are set aside unseen.
     */
    closeReplies: assign(({ context }) =>
      context.settings.typedReplies ? { repliesShown: Object.keys(context.replies).length > 0 } : { replies: noReplies, repliesShown: false },
    ),
    recordVote: assign(({ context, event }) => {
      if (event.type !== 'vote.cast') return {};
      const player = knownPlayer(context, event.player) ?? event.player.trim();
      const index = offeredNumber(context, event.choice)!.index;
      return { players: withPlayer(context.players, player), ballot: { ...context.ballot, votes: { ...context.ballot.votes, [player]: index } } };
    }),
    recordCount: assign({
      ballot: ({ context, event }) =>
        event.type === 'vote.count' ? { ...context.ballot, counts: { ...context.ballot.counts, [offeredNumber(context, event.choice)!.index]: event.count } } : context.ballot,
    }),
    decideStep: assign(({ context, event }) => {
      const decision = decisionOf(context, event.type === 'room.advance' ? event.choice : undefined);
      if (decision.kind !== 'decided') return {};
      const hotSeat = hotSeatAt(context, stepIndexOf(context));
      const step: DecidedStep = { ballot: context.ballot, by: decision.by, ...(hotSeat ? { hotSeat } : {}), replies: context.replies };
      return { run: choose(context.run, decision.index), decided: [...context.decided, step], ballot: emptyBallot, replies: noReplies, repliesShown: false };
    }),
    /**
     * Takes back the last decided step and reopens its votes and its replies as they were (shown,
     * as they were before its options); replies typed at the step after it go with the undo.
     */
    undoStep: assign(({ context }) => {
      const last = context.decided.at(-1);
      const replies = last?.replies ?? noReplies;
      return { run: undo(context.run), decided: context.decided.slice(0, -1), ballot: last?.ballot ?? emptyBallot, replies, repliesShown: Object.keys(replies).length > 0 };
    }),
    restartRun: assign(({ context }) => ({ run: restart(context.run), decided: [], ballot: emptyBallot, replies: noReplies, repliesShown: false })),
  },
});

const undoStep = { guard: 'hasStepToUndo', target: '#room.flow.playing.voting', actions: 'undoStep' } as const;
const restartRun = { target: '#room.flow.playing', actions: 'restartRun' } as const;

/**
 * The room as a statechart of two parallel regions: `flow` (set-up, each step's phases, the end)
 * and `attention` (together, or on a break), so a break can come at any moment and the group
 * comes back to exactly where it was.
 */
export const roomMachine = roomSetup.createMachine({
  id: 'room',
  type: 'parallel',
  context: ({ input }) => ({ run: input.run, settings: defaultSettings, players: [], decided: [], ballot: emptyBallot, replies: noReplies, repliesShown: false }),
  on: {
    'player.join': { guard: 'canJoin', actions: 'addPlayer' },
    'player.leave': { guard: 'isInRoom', actions: 'removePlayer' },
    'player.rename': { guard: 'canRename', actions: 'renamePlayer' },
    'room.configure': { guard: 'canConfigure', actions: 'applySettings' },
  },
  states: {
    flow: {
      initial: 'setup',
      states: {
        setup: { on: { 'room.start': { target: 'playing', actions: 'applySettings' } } },
        playing: {
          initial: 'opening',
          on: { 'step.undo': undoStep, 'room.restart': restartRun },
          states: {
            /** Each step begins here and goes straight to saying it, or to the options. */
            opening: { always: [{ guard: 'pausesToSayIt', target: 'saying' }, { target: 'voting' }] },
            /**
             * The person's line is shown; someone says a reply in their own words first, and
             * phones may type theirs, shown together (without names) when the facilitator says.
             */
            saying: {
              on: {
                'reply.send': { guard: 'canTakeReply', actions: 'recordReply' },
                'replies.show': { guard: 'canShowReplies', actions: 'showReplies' },
                'room.advance': { target: 'voting', actions: 'closeReplies' },
              },
            },
            /** The options are shown and votes come in. */
            voting: {
              on: {
                'vote.cast': { guard: 'isValidVote', actions: 'recordVote' },
                'vote.count': { guard: 'isValidCount', actions: 'recordCount' },
                'room.advance': { guard: 'isDecided', target: 'revealed', actions: 'decideStep' },
              },
            },
            /** The group's choice, its code and feedback are shown, and every option's code. */
            revealed: { on: { 'room.advance': [{ guard: 'hasEnded', target: '#room.flow.ended' }, { target: 'opening' }] } },
          },
        },
        /** The debrief. */
        ended: { on: { 'step.undo': undoStep, 'room.restart': restartRun } },
      },
    },
    attention: {
      initial: 'together',
      on: { 'room.pause': '.onBreak', 'room.resume': '.together' },
      states: { together: {}, onBreak: {} },
    },
  },
});

export type RoomMachine = typeof roomMachine;
/** A room: a snapshot of the room statechart. Immutable; every event gives a new one. */
export type Room = SnapshotFrom<RoomMachine>;


/** The room's phase. */
export function phaseOf(room: Room): RoomPhase {
  const flow = (room.value as { flow: string | { playing: string } }).flow;
  return typeof flow === 'string' ? (flow as RoomPhase) : (flow.playing as RoomPhase);
}

/** Whether the group is on a break. */
export function isOnBreak(room: Room): boolean {
  return room.matches({ attention: 'onBreak' });
}

/** A new room for a scenario, in set-up, with nobody in it yet. */
export function createRoom(scenario: Scenario, machine?: ScenarioMachine): Room {
  return initialTransition(roomMachine, { run: startRun(scenario, machine) })[0];
}

/** Why a room refused an event: the request is `invalid`, or it does not fit what the room is doing (`conflict`). */
export interface Refusal {
  readonly kind: 'invalid' | 'conflict';
  readonly reason: string;
}

/** The outcome of sending an event to a room. */
export type RoomResult = { readonly ok: true; readonly room: Room } | { readonly ok: false; readonly refusal: Refusal };

const phaseWords: Record<RoomPhase, string> = {
  setup: 'the room is still being set up',
  saying: 'the group is hearing a reply in someone\'s own words first',
  voting: 'voting is open',
  revealed: "the group's choice is being shown",
  ended: 'the scenario has ended',
};

/** Words for why the room cannot take an event now (the guards decide; this only explains). */
function refusalOf(room: Room, event: RoomEvent): Refusal {
  const { context } = room;
  const phase = phaseOf(room);
  const conflict = (reason: string): Refusal => ({ kind: 'conflict', reason });
  const invalid = (reason: string): Refusal => ({ kind: 'invalid', reason });
  const limit = context.settings.playerLimit;
  const full = conflict(`The room is full: it takes ${limit} people${limit < playerCeiling ? ' until the facilitator lets more in' : ''}`);
  const badName = (name: string) => invalid(nameProblem(name) ?? `Unexpected name \`${name.trim()}\``);
  const notOffered = (choice: number) => invalid(`There is no choice ${choice} at this step: the choices offered are 1 to ${offeredChoices(context.run).length}`);
  switch (event.type) {
    case 'player.join':
      return isPlayerName(event.name) ? full : badName(event.name);
    case 'player.leave':
      return invalid(`There is nobody called ${event.name.trim()} in the room`);
    case 'player.rename': {
      const problem = renameProblem(context, event.from, event.to)!;
      return knownPlayer(context, event.from) !== undefined && isPlayerName(event.to) ? conflict(problem) : invalid(problem);
    }
    case 'room.start':
      return conflict(`The room has already started: ${phaseWords[phase]}`);
    case 'vote.cast':
    case 'vote.count':
      if (phase !== 'voting') return conflict(`Voting is not open now: ${phaseWords[phase]}`);
      if (!offeredNumber(context, event.choice)) return notOffered(event.choice);
      if (event.type === 'vote.count') return invalid(`Unexpected count ${event.count}, expected a whole number from 0 to ${maxCount}`);
      return isPlayerName(event.player) ? full : badName(event.player);
    case 'room.advance': {
      if (phase === 'setup') return conflict('The room has not started yet: start it first');
      if (phase === 'ended') return conflict('The scenario has ended: undo the last step or restart');
      if (phase !== 'voting') return event.choice === undefined ? conflict(phaseWords[phase]) : invalid(`A choice is taken only while voting is open, and now ${phaseWords[phase]}`);
      const decision = decisionOf(context, event.choice);
      return decision.kind === 'decided' ? conflict(phaseWords[phase]) : event.choice !== undefined ? notOffered(event.choice) : conflict(decision.reason);
    }
    case 'step.undo':
      return conflict(phase === 'setup' ? 'The room has not started yet: there is nothing to undo' : 'There is no step to undo: the group is at the first step');
    case 'room.restart':
      return conflict('The room has not started yet: there is nothing to restart');
    case 'reply.send': {
      if (phase !== 'saying') return conflict(`Replies are typed only while the group pauses to say it their way, and now ${phaseWords[phase]}`);
      if (!context.settings.typedReplies) return conflict('Typed replies are turned off in this room');
      if (context.repliesShown) return conflict('The replies have been shown: they cannot change now');
      if (!isPlayerId(event.player)) return invalid(`Unexpected player id \`${event.player.slice(0, 70)}\`, expected 1 to 64 letters, digits, - or _`);
      if (!isReplyText(event.text)) return invalid(`Unexpected reply of ${replyText(event.text).length} characters, expected at most ${maxReplyLength}`);
      return conflict(`This step has ${limit} replies already`);
    }
    case 'room.configure': {
      if (event.sayItSeconds !== undefined && !isSayItSeconds(event.sayItSeconds)) {
        return invalid(`Unexpected ${event.sayItSeconds} seconds, expected a whole number from ${sayItSecondsRange.min} to ${sayItSecondsRange.max}`);
      }
      const wanted = event.playerLimit ?? limit;
      return wanted < context.players.length
        ? conflict(`There are ${context.players.length} people in the room already: the limit cannot go below that`)
        : invalid(`Unexpected limit ${wanted}, expected a whole number from ${Math.max(1, context.players.length)} to ${playerCeiling}`);
    }
    case 'replies.show':
      if (phase !== 'saying') return conflict(`Replies are shown only during the pause to say it your way, and now ${phaseWords[phase]}`);
      if (!context.settings.typedReplies) return conflict('Typed replies are turned off in this room');
      return conflict(context.repliesShown ? 'The replies are shown already' : 'There are no replies to show yet');
    default:
      return conflict(phaseWords[phase]);
  }
}

/** Sends an event to a room: the next room, or why the event was refused. */
export function sendToRoom(room: Room, event: RoomEvent): RoomResult {
  // Like an HTTP precondition: the press was meant for a phase the room has left.
  if (event.type === 'room.advance' && event.from !== undefined && event.from !== phaseOf(room)) {
    return { ok: false, refusal: { kind: 'conflict', reason: `The room has moved on already: ${phaseWords[phaseOf(room)]}` } };
  }
  if (!room.can(event)) return { ok: false, refusal: refusalOf(room, event) };
  return { ok: true, room: transition(roomMachine, room, event)[0] };
}
