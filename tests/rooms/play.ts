import { sendToRoom, type Room, type RoomEvent } from '../../src/rooms/room.ts';
import { stepOnScreen } from '../../src/rooms/step.ts';

/** Sends events to a room in order; fails the test on any refusal. */
export function play(room: Room, ...events: RoomEvent[]): Room {
  return events.reduce((current, event) => {
    const result = sendToRoom(current, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.refusal.reason}`);
    return result.room;
  }, room);
}

/** What a room says when it refuses an event; fails the test if the event is accepted. */
export function refusal(room: Room, event: RoomEvent) {
  const result = sendToRoom(room, event);
  if (result.ok) throw new Error(`${event.type} was accepted`);
  return result.refusal;
}

/** Each player's vote at the open step, by choice number: what the room knows and its view keeps to itself until the reveal. */
export function openVotes(room: Room): Record<string, number> {
  const { options } = stepOnScreen(room);
  return Object.fromEntries(Object.entries(room.context.ballot.votes).map(([name, index]) => [name, options.find((option) => option.index === index)!.number]));
}
