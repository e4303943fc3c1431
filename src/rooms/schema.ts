/**
 * The saved form of a group room, and the words a room is made of (its modes and phases), with no
 * engine or XState imports: the browser's progress record includes saved rooms, and every page that
 * reads progress loads this file, so it stays as small as the progress schema. zod/mini, as there.
 */
import { z } from 'zod/mini';

/** The two ways a group plays: everyone votes, or one person in the hot seat picks at each step, in turn. */
export const roomModes = ['vote', 'hot-seat'] as const;
export type RoomMode = (typeof roomModes)[number];

/** What a room is doing, as its pages and the API name it. */
export const roomPhases = ['setup', 'saying', 'voting', 'revealed', 'ended'] as const;
export type RoomPhase = (typeof roomPhases)[number];

/** How a step was decided. */
export const deciders = ['majority', 'hot seat', 'facilitator'] as const;
export type Decider = (typeof deciders)[number];

/** The most people one room takes. */
export const maxPlayers = 40;

/** Bump when the shape changes, and read the older shape in `resumeRoom`. */
export const savedRoomVersion = 1;

const count = z.int().check(z.nonnegative());

/** The longest name a player may give. */
export const maxPlayerName = 40;

/** A player's name as a saved room keeps it (the server trims and checks names as they arrive). */
const playerName = z.string().check(z.minLength(1), z.maxLength(maxPlayerName));

/** The votes at one step, by choice index in the file. */
const ballotSchema = z.object({
  /** Player name to the index of the choice they voted for. */
  votes: z.record(z.string(), count),
  /** Choice index to a count of votes entered on one screen. */
  counts: z.record(z.string(), count),
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
  }),
  /** Everyone in the room, in the order they joined. */
  players: z.array(playerName).check(z.maxLength(maxPlayers)),
  /** The run's choices, by index in the file: replayed on resume. */
  choices: z.array(count),
  /** How each of those choices was decided, one per choice. */
  decided: z.array(z.object({ ballot: ballotSchema, by: z.enum(deciders), hotSeat: z.optional(playerName) })),
  /** The votes of the open step. */
  ballot: ballotSchema,
});

export type SavedRoom = z.infer<typeof savedRoomSchema>;
