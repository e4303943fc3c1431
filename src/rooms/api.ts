/**
 * The room server's HTTP API as data, shared by the server (which reads requests with it) and the
 * facilitator's page and phones (which make requests with it): each action's path, whether it needs
 * the facilitator's key, and the room event it sends. The server checks each event's JSON body
 * (cli/commands/group/event-bodies.ts); pages need only this table.
 */
import type { RoomEvent } from './room.ts';

/**
 * `POST /api/rooms/<code>/<action>`: the room event each action sends, and whether it needs the
 * facilitator's key. Besides these, `GET /api/rooms/<code>` reads the room (`roomView`), and
 * `GET /api/rooms/<code>/replies/<player id>` a phone's own typed reply (`ownReplyOf`).
 */
export const roomActions = {
  players: { event: 'player.join', facilitator: false },
  leave: { event: 'player.leave', facilitator: true },
  rename: { event: 'player.rename', facilitator: false },
  votes: { event: 'vote.cast', facilitator: false },
  replies: { event: 'reply.send', facilitator: false },
  reveal: { event: 'replies.show', facilitator: true },
  settings: { event: 'room.configure', facilitator: true },
  counts: { event: 'vote.count', facilitator: true },
  start: { event: 'room.start', facilitator: true },
  advance: { event: 'room.advance', facilitator: true },
  undo: { event: 'step.undo', facilitator: true },
  restart: { event: 'room.restart', facilitator: true },
  pause: { event: 'room.pause', facilitator: true },
  resume: { event: 'room.resume', facilitator: true },
} as const satisfies Record<string, { event: RoomEvent['type']; facilitator: boolean }>;

export type RoomAction = keyof typeof roomActions;

/** Whether a path segment names an action. */
export function isRoomAction(name: string): name is RoomAction {
  return Object.hasOwn(roomActions, name);
}

/** The request that sends an event: its action (the path's last part) and JSON body. */
export function requestFor(event: RoomEvent): { action: RoomAction; body: Record<string, unknown> } {
  const action = (Object.keys(roomActions) as RoomAction[]).find((name) => roomActions[name].event === event.type)!;
  const { type: _type, ...body } = event;
  return { action, body };
}
