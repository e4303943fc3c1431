/**
 * The JSON body each room event takes over HTTP, checked with Zod at the server's edge before it
 * becomes a room event: one readable reason for the first thing wrong.
 */
import { z } from 'zod';
import { roomActions, type RoomAction } from '../../../src/rooms/api.ts';
import type { RoomEvent } from '../../../src/rooms/room.ts';
import { sayItSecondsRange } from '../../../src/rooms/room.ts';
import { maxCount, maxPlayerName, maxReplyLength, playerCeiling, playerIdPattern, roomModes, roomPhases } from '../../../src/rooms/schema.ts';

const playerName = z.string({ error: 'expected a name' }).trim().min(1, 'expected a name').max(maxPlayerName, `expected a name of at most ${maxPlayerName} characters`);
const choiceNumber = z.int({ error: 'expected a whole number from 1' }).positive('expected a whole number from 1');
const nothing = z.object({});
const trueOrFalse = z.boolean({ error: 'expected true or false' });
const mode = z.enum(roomModes, { error: `expected one of ${roomModes.map((name) => `"${name}"`).join(', ')}` });
const seconds = `expected a whole number of seconds from ${sayItSecondsRange.min} to ${sayItSecondsRange.max}`;
const sayItSeconds = z.int({ error: seconds }).min(sayItSecondsRange.min, seconds).max(sayItSecondsRange.max, seconds);
/** A phone's own random id: never its name, so replies are kept without names. */
const playerId = z.string({ error: 'expected a player id' }).regex(playerIdPattern, 'expected a player id of 1 to 64 letters, digits, - or _');

/** The JSON body of each event, without its `type`. Unknown keys are ignored. */
const eventBodies = {
  'player.join': z.object({ name: playerName }),
  'player.leave': z.object({ name: playerName }),
  'player.rename': z.object({ from: playerName, to: playerName }),
  'vote.cast': z.object({ player: playerName, choice: choiceNumber }),
  'vote.count': z.object({ choice: choiceNumber, count: z.int({ error: `expected a whole number from 0 to ${maxCount}` }).nonnegative(`expected a whole number from 0 to ${maxCount}`).max(maxCount, `expected a whole number from 0 to ${maxCount}`) }),
  'room.start': z.object({
    mode,
    sayItYourWay: trueOrFalse.optional(),
    sayItSeconds: sayItSeconds.optional(),
    typedReplies: trueOrFalse.optional(),
    liveCounts: trueOrFalse.optional(),
  }),
  'room.configure': z
    .object({
      mode: mode.optional(),
      sayItYourWay: trueOrFalse.optional(),
      sayItSeconds: sayItSeconds.optional(),
      typedReplies: trueOrFalse.optional(),
      playerLimit: z.int({ error: `expected a whole number up to ${playerCeiling}` }).min(1, `expected a whole number up to ${playerCeiling}`).max(playerCeiling, `expected a whole number up to ${playerCeiling}`).optional(),
      liveCounts: trueOrFalse.optional(),
    })
    .refine((body) => Object.values(body).some((value) => value !== undefined), 'expected at least one setting: mode, sayItYourWay, sayItSeconds, typedReplies, playerLimit or liveCounts'),
  'reply.send': z.object({
    player: playerId,
    text: z.string({ error: 'expected the reply as a string' }).trim().max(maxReplyLength, `expected a reply of at most ${maxReplyLength} characters`),
  }),
  'replies.show': nothing,
  'room.advance': z.object({
    choice: choiceNumber.optional(),
    from: z.enum(roomPhases, { error: `expected one of ${roomPhases.map((phase) => `"${phase}"`).join(', ')}` }).optional(),
  }),
  'step.undo': nothing,
  'room.restart': nothing,
  'room.pause': nothing,
  'room.resume': nothing,
} satisfies Record<RoomEvent['type'], z.ZodType>;

/** A body each action takes, for messages about a body that is not one. */
export const exampleBodies: Record<RoomAction, string> = {
  players: '{"name": "Ana"}',
  leave: '{"name": "Ana"}',
  rename: '{"from": "Ana", "to": "Ana B", "token": "<from joining>"}',
  votes: '{"player": "Ana", "choice": 2, "token": "<from joining>"}',
  replies: '{"player": "k3v9Qx7LmT2wZp8R", "text": "What would make it worth your while?"}',
  reveal: '{}',
  settings: '{"typedReplies": false} or {"mode": "hot-seat"} or {"liveCounts": true}',
  counts: '{"choice": 2, "count": 3}',
  start: '{"mode": "vote"}',
  advance: '{} or {"choice": 2} or {"from": "voting"}',
  undo: '{}',
  restart: '{}',
  pause: '{}',
  resume: '{}',
};

/** The token a phone was given on joining: base64url, as the server makes them. */
const playerTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** The player's token in a body (`"token"`), if it carries a well-formed one. */
export function tokenInBody(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || !Object.hasOwn(body, 'token')) return undefined;
  const parsed = playerTokenSchema.safeParse((body as { token: unknown }).token);
  return parsed.success ? parsed.data : undefined;
}

/** Reads an action's JSON body (already parsed) into a room event, or says in one line what is wrong. */
export function eventFromBody(action: RoomAction, body: unknown): { ok: true; event: RoomEvent } | { ok: false; reason: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: `Unexpected body, expected a JSON object such as ${exampleBodies[action]}` };
  const type = roomActions[action].event;
  const parsed = eventBodies[type].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: issue.path.length === 0 ? `Unexpected body, ${issue.message}` : `Unexpected \`${issue.path.join('.')}\`, ${issue.message}` };
  }
  return { ok: true, event: { type, ...parsed.data } as RoomEvent };
}
