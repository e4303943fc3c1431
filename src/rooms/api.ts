/**
 * The room server's HTTP API as data, shared by the server (which reads requests with it) and the
 * facilitator's page and phones (which make requests with it): each action's path, whether it needs
 * the facilitator's key, the room event it sends and the JSON body that event takes.
 */
import { z } from 'zod/mini';
import type { RoomEvent } from './room.ts';
import { playerName, roomModes } from './schema.ts';

/** `POST /api/rooms/<code>/<action>`: the room event each action sends, and whether it needs the facilitator's key. */
export const roomActions = {
  players: { event: 'player.join', facilitator: false },
  votes: { event: 'vote.cast', facilitator: false },
  counts: { event: 'vote.count', facilitator: true },
  start: { event: 'room.start', facilitator: true },
  advance: { event: 'room.advance', facilitator: true },
  undo: { event: 'step.undo', facilitator: true },
  restart: { event: 'room.restart', facilitator: true },
  pause: { event: 'room.pause', facilitator: true },
  resume: { event: 'room.resume', facilitator: true },
} as const satisfies Record<string, { event: RoomEvent['type']; facilitator: boolean }>;

export type RoomAction = keyof typeof roomActions;

const choiceNumber = z.int({ error: 'expected a whole number from 1' }).check(z.positive('expected a whole number from 1'));
const nothing = z.object({});

/** The JSON body of each event, without its `type`. Unknown keys are ignored. */
const eventBodies = {
  'player.join': z.object({ name: playerName }),
  'vote.cast': z.object({ player: playerName, choice: choiceNumber }),
  'vote.count': z.object({ choice: choiceNumber, count: z.int({ error: 'expected a whole number from 0' }).check(z.nonnegative('expected a whole number from 0')) }),
  'room.start': z.object({
    mode: z.enum(roomModes, { error: `expected one of ${roomModes.map((mode) => `"${mode}"`).join(', ')}` }),
    sayItYourWay: z.optional(z.boolean({ error: 'expected true or false' })),
    sayItSeconds: z.optional(z.int({ error: 'expected a whole number of seconds' }).check(z.minimum(5, 'expected at least 5 seconds'), z.maximum(900, 'expected at most 900 seconds'))),
  }),
  'room.advance': z.object({ choice: z.optional(choiceNumber) }),
  'step.undo': nothing,
  'room.restart': nothing,
  'room.pause': nothing,
  'room.resume': nothing,
} satisfies Record<RoomEvent['type'], unknown>;

/** Whether a path segment names an action. */
export function isRoomAction(name: string): name is RoomAction {
  return Object.hasOwn(roomActions, name);
}

/** Reads an action's JSON body (already parsed) into a room event, or says in one line what is wrong. */
export function eventFromBody(action: RoomAction, body: unknown): { ok: true; event: RoomEvent } | { ok: false; reason: string } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, reason: 'Unexpected body, expected a JSON object' };
  const type = roomActions[action].event;
  const parsed = eventBodies[type].safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `Unexpected \`${issue.path.join('.')}\`, ${issue.message}` };
  }
  return { ok: true, event: { type, ...parsed.data } as RoomEvent };
}

/** The request that sends an event: its action (the path's last part) and JSON body. */
export function requestFor(event: RoomEvent): { action: RoomAction; body: Record<string, unknown> } {
  const action = (Object.keys(roomActions) as RoomAction[]).find((name) => roomActions[name].event === event.type)!;
  const { type: _type, ...body } = event;
  return { action, body };
}
