/**
 * The browser's side of a room on `coach group`'s server: read the room, follow it live over a
 * WebSocket (reconnecting by itself, and reading the room afresh each time, so a phone that drops
 * off or reloads sees the current step), and send events through the room's JSON API.
 */
import { useEffect, useState } from 'react';
import { requestFor, roomActions } from '../rooms/api.ts';
import type { RoomEvent } from '../rooms/room.ts';
import type { OwnReplyView, RoomView } from '../rooms/view.ts';

/** `connecting` at first, `live` while updates flow, `reconnecting` after a drop, `missing` if no such room is served here. */
export type RoomStatus = 'connecting' | 'live' | 'reconnecting' | 'missing';

/** The API path of a room. */
export const roomPath = (code: string): string => `/api/rooms/${encodeURIComponent(code)}`;

/** A room code as people type it: letters and digits, upper case. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Follows a room: its latest view and how the connection is. */
export function useRoom(code: string): { view: RoomView | undefined; status: RoomStatus; update: (view: RoomView) => void } {
  const [view, setView] = useState<RoomView>();
  const [status, setStatus] = useState<RoomStatus>('connecting');
  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    const again = () => {
      if (stopped) return;
      setStatus('reconnecting');
      retry = setTimeout(connect, Math.min(500 * 2 ** attempts++, 5000));
    };
    async function connect() {
      try {
        const response = await fetch(roomPath(code), { headers: { accept: 'application/json' }, cache: 'no-store' });
        if (response.status === 404 || !response.headers.get('content-type')?.includes('application/json')) {
          setStatus('missing');
          return;
        }
        setView(await response.json());
      } catch {
        return again();
      }
      if (stopped) return;
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${roomPath(code)}/live`);
      socket.onopen = () => {
        attempts = 0;
        setStatus('live');
      };
      socket.onmessage = (message) => setView(JSON.parse(String(message.data)) as RoomView);
      socket.onclose = again;
    }
    void connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      if (socket) {
        socket.onclose = null;
        socket.close();
      }
    };
  }, [code]);
  return { view, status, update: setView };
}

/** Who sends an event: the facilitator's key, or a player's token from joining. */
export interface Sender {
  readonly key?: string;
  readonly token?: string;
}

/**
 * Sends an event to a room; the facilitator's key or the player's token goes with it when given.
 * A join answers with the player's token (kept by the phone, and sent with its votes).
 */
export async function sendRoomEvent(code: string, event: RoomEvent, { key, token }: Sender = {}): Promise<{ ok: true; view: RoomView; token?: string } | { ok: false; reason: string; status?: number }> {
  const { action, body } = requestFor(event);
  try {
    const response = await fetch(`${roomPath(code)}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(token ? { ...body, token } : body),
    });
    const data = await response.json().catch(() => ({}));
    if (response.ok) {
      const { token: given, ...view } = data as RoomView & { token?: string };
      return { ok: true, view: view as RoomView, ...(typeof given === 'string' ? { token: given } : {}) };
    }
    // The server's words for these are for scripts (`Authorization: Bearer`); a person needs the address.
    if ((response.status === 401 || response.status === 403) && roomActions[action].facilitator) {
      return { ok: false, reason: 'Only the facilitator\'s screen can do that, and this one has no facilitator key (or an old one). Open the facilitator address that `coach group` printed: it ends with #key=.' };
    }
    return { ok: false, reason: (data as { error?: string }).error ?? `The room server answered ${response.status}`, status: response.status };
  } catch {
    return { ok: false, reason: 'The room server could not be reached. Check that `coach group` is still running and that you are on the same network.' };
  }
}

/** A phone's own typed reply at the open step, asked for by its player id; undefined if the server cannot say. */
export async function fetchOwnReply(code: string, player: string): Promise<OwnReplyView | undefined> {
  try {
    const response = await fetch(`${roomPath(code)}/replies/${encodeURIComponent(player)}`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    return response.ok ? ((await response.json()) as OwnReplyView) : undefined;
  } catch {
    return undefined;
  }
}
