/**
 * The JSON body each room event takes over HTTP, checked with Zod at the server's edge before it
 * becomes a room event: one readable reason for the first thing wrong.
 */
import { z } from 'zod';
import { roomActions, type RoomAction } from '../../../src/rooms/api.ts';
import type { RoomEvent } from '../../../src/rooms/room.ts';
import { maxPlayerName, maxReplyLength, playerIdPattern, roomModes } from '../../../src/rooms/schema.ts';

const playerName = z.string({ error: 'expected a name' }).trim().min(1, 'expected a name').max(maxPlayerName, `expected a name of at most ${maxPlayerName} characters`);
const choiceNumber = z.int({ error: 'expected a whole number from 1' }).positive('expected a whole number from 1');
const nothing = z.object({});
const trueOrFalse = z.boolean({ error: 'expected true or false' });
/** A phone's own random id: never its name, so replies are kept without names. */
const playerId = z.string({ error: 'expected a player id' }).regex(playerIdPattern, 'expected a player id of 1 to 64 letters, digits, - or _');

/** The JSON body of each event, without its `type`. Unknown keys are ignored. */
const eventBodies = {
  'player.join': z.object({ name: playerName }),
  'player.leave': z.object({ name: playerName }),
  'vote.cast': z.object({ player: playerName, choice: choiceNumber }),
  'vote.count': z.object({ choice: choiceNumber, count: z.int({ error: 'expected a whole number from 0' }).nonnegative('expected a whole number from 0') }),
  'room.start': z.object({
    mode: z.enum(roomModes, { error: `expected one of ${roomModes.map((mode) => `"${mode}"`).join(', ')}` }),
    sayItYourWay: trueOrFalse.optional(),
    sayItSeconds: z.int({ error: 'expected a whole number of seconds' }).min(5, 'expected at least 5 seconds').max(900, 'expected at most 900 seconds').optional(),
    typedReplies: trueOrFalse.optional(),
  }),
  'room.configure': z.object({ typedReplies: trueOrFalse }),
  'reply.send': z.object({
    player: playerId,
    text: z.string({ error: 'expected the reply as a string' }).trim().max(maxReplyLength, `expected a reply of at most ${maxReplyLength} characters`),
  }),
  'replies.show': nothing,
  'room.advance': z.object({ choice: choiceNumber.optional() }),
  'step.undo': nothing,
  'room.restart': nothing,
  'room.pause': nothing,
  'room.resume': nothing,
} satisfies Record<RoomEvent['type'], z.ZodType>;

/** A body each action takes, for messages about a body that is not one. */
export const exampleBodies: Record<RoomAction, string> = {
  players: '{"name": "Ana"}',
  leave: '{"name": "Ana"}',
  votes: '{"player": "Ana", "choice": 2}',
  replies: '{"player": "k3v9Qx7LmT2wZp8R", "text": "What would make it worth your while?"}',
  reveal: '{}',
  settings: '{"typedReplies": false}',
  counts: '{"choice": 2, "count": 3}',
  start: '{"mode": "vote"}',
  advance: '{} or {"choice": 2}',
  undo: '{}',
  restart: '{}',
  pause: '{}',
  resume: '{}',
};

/** Reads an action's JSON body (already parsed) into a room event, or says in one line what is wrong. */
export function eventFromBody(action: RoomAction, body: unknown): { ok: true; event: RoomEvent } | { ok: false; reason: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: `Unexpected body, expected a JSON object such as ${exampleBodies[action]}` };
  const type = roomActions[action].event;
  const parsed = eventBodies[type].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `Unexpected \`${issue.path.join('.')}\`, ${issue.message}` };
  }
  return { ok: true, event: { type, ...parsed.data } as RoomEvent };
}
