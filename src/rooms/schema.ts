/**
 * The saved form of a group room, and the words a room is made of (its modes and phases), with no
 * engine or XState imports: the browser's progress record includes saved rooms, and every page that
 * reads progress loads this file, so it stays as small as the progress schema. zod/mini, as there.
 */
import { z } from 'zod/mini';
import { maxCount, maxPlayerName, maxPlayers, maxReplyLength, playerCeiling } from './limits.ts';

export { maxCount, maxPlayerName, maxPlayers, maxReplyLength, playerCeiling, playerIdPattern } from './limits.ts';

/** The two ways a group plays: everyone votes, or one person in the hot seat picks at each step, in turn. */
export const roomModes = ['vote', 'hot-seat'] as const;
export type RoomMode = (typeof roomModes)[number];

/** What a room is doing, as its pages and the API name it. */
export const roomPhases = ['setup', 'saying', 'voting', 'revealed', 'ended'] as const;
export type RoomPhase = (typeof roomPhases)[number];

/** How a step was decided. */
export const deciders = ['majority', 'hot seat', 'facilitator'] as const;
export type Decider = (typeof deciders)[number];

/**
 * Bump when the shape changes, and read the older shape in `resumeRoom`. Fields added with a
 * default (typed replies) do not change it: a room saved before them reads as one without any.
 */
export const savedRoomVersion = 1;

const count = z.int().check(z.nonnegative());
/** A count of votes from people without a phone. */
const enteredCount = z.int().check(z.nonnegative(), z.maximum(maxCount));

/** A player's name as a saved room keeps it (the server trims and checks names as they arrive). */
const playerName = z.string().check(z.minLength(1), z.maxLength(maxPlayerName));

/**
 * The replies typed at one step, by player id. In the room's view a reply's id is a label that
 * says nothing of who typed it (`~` and a hash), and its words are empty until the replies are shown.
 */
const repliesSchema = z
  .record(z.string().check(z.regex(/^~?[A-Za-z0-9_-]{1,64}$/)), z.string().check(z.maxLength(maxReplyLength)))
  .check(z.refine((replies) => Object.keys(replies).length <= playerCeiling, `expected at most ${playerCeiling} replies`));

/** The votes at one step, by choice index in the file. */
const ballotSchema = z.object({
  /** Player name to the index of the choice they voted for. */
  votes: z.record(z.string(), count),
  /** Choice index to a count of votes entered on one screen. */
  counts: z.record(z.string(), enteredCount),
});

/** A room saved as JSON. */
export const savedRoomSchema = z.object({
  version: z.literal(savedRoomVersion),
  /** The scenario the room plays; a room is resumed only with the same scenario. */
  scenarioId: z.string().check(z.minLength(1)),
  phase: z.enum(roomPhases),
  onBreak: z.boolean(),
  settings: z.object({
    mode: z.enum(roomModes),
    /** Pause before the options so someone can say a reply in their own words. */
    sayItYourWay: z.boolean(),
    /** How long the say-it-your-way timer runs, in seconds. */
    sayItSeconds: z.int().check(z.positive()),
    /** During the pause, phones (or the facilitator, on one screen) may type a reply, shown without names. */
    typedReplies: z._default(z.boolean(), true),
    /** How many people the room lets in; the facilitator can raise it. */
    playerLimit: z._default(z.int().check(z.minimum(1), z.maximum(playerCeiling)), maxPlayers),
    /** Whether vote counts show while voting is open; off, they appear at the reveal, so nobody follows the crowd. */
    liveCounts: z._default(z.boolean(), false),
  }),
  /** Everyone in the room, in the order they joined. */
  players: z.array(playerName).check(z.maxLength(playerCeiling)),
  /** The run's choices, by index in the file: replayed on resume. */
  choices: z.array(count),
  /** How each of those choices was decided, one per choice. */
  decided: z.array(
    z.object({
      ballot: ballotSchema,
      by: z.enum(deciders),
      hotSeat: z.optional(playerName),
      /** The replies typed at the step, all shown before its options were. */
      replies: z._default(repliesSchema, () => ({})),
    }),
  ),
  /** The votes of the open step. */
  ballot: ballotSchema,
  /** The replies typed at the open step. */
  replies: z._default(repliesSchema, () => ({})),
  /** Whether the open step's replies are shown; once they are, they cannot change. */
  repliesShown: z._default(z.boolean(), false),
  /**
   * What each option offered at the open step says, by choice index: a room resumed after its
   * scenario was edited sets its open votes aside when these no longer match, rather than count
   * them for whatever option now has the same place.
   */
  openOptions: z.optional(z.array(z.string())),
});

export type SavedRoom = z.infer<typeof savedRoomSchema>;
