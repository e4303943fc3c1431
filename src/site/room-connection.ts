/**
 * The browser's side of a room on the room server: read the room, follow it live over a WebSocket
 * (reconnecting by itself, at once when the device comes back online, and reading the room afresh
 * each time, so a phone that drops off or reloads sees the current step), and send events through
 * the room's JSON API. What the server says for scripts is put into plain words here, once, for
 * phones and facilitators alike.
 */
import { useEffect, useState } from 'react';
import { requestFor, roomActions } from '../rooms/api.ts';
import type { RoomEvent } from '../rooms/room.ts';
import type { Scenario } from '../engine/types.ts';
import type { OwnReplyView, RoomView } from '../rooms/view.ts';

/** `connecting` at first, `live` while updates flow, `reconnecting` after a drop, `missing` if no such room is served here. */
export type RoomStatus = 'connecting' | 'live' | 'reconnecting' | 'missing';

/** The API path of a room. */
export const roomPath = (code: string): string => `/api/rooms/${encodeURIComponent(code)}`;

/** A room code as people type it: letters and digits, upper case. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** What a page says when a room code is not held by the server it asked. */
export const noRoomSentence = (code: string): string => `There is no room ${code} here. Check the code on the shared screen.`;

/**
 * A room's reason in plain words for a person: without the hints the server gives scripts (a JSON
 * body such as `{"choice": n}`, names in backticks, the token a vote carries), ending in a full stop.
 */
export function inPlainWords(reason: string): string {
  if (/\btie\b/i.test(reason)) return "It's a tie: the facilitator picks.";
  if (/^Nobody has voted yet/.test(reason)) return 'Nobody has voted yet.';
  if (/^Waiting for the hot seat's pick/.test(reason)) return "Waiting for the hot seat's pick, or the facilitator picks.";
  const missing = /^There is no room `?([^\s`:]+)/.exec(reason);
  if (missing) return noRoomSentence(missing[1]!);
  const sentence = reason
    .replace(/,?\s*(?:with|as)?\s*\{.*$/, '')
    .replace(/: a vote carries the token.*$/, '')
    .replace(/ \(a reply carries the token.*$/, '')
    .replace(/`/g, '')
    .trim();
  return /[.?!]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Follows a room: its latest view and how the connection is. */
export function useRoom(code: string): { view: RoomView | undefined; status: RoomStatus; update: (view: RoomView) => void } {
  const [view, setView] = useState<RoomView>();
  const [status, setStatus] = useState<RoomStatus>('connecting');
  useEffect(() => {
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let stopped = false;
    let connecting = false;
    const again = () => {
      connecting = false;
      if (stopped) return;
      setStatus('reconnecting');
      retry = setTimeout(connect, Math.min(500 * 2 ** attempts++, 5000));
    };
    async function connect() {
      if (connecting) return;
      connecting = true;
      clearTimeout(retry);
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
        connecting = false;
        setStatus('live');
      };
      socket.onmessage = (message) => setView(JSON.parse(String(message.data)) as RoomView);
      socket.onclose = again;
    }
    // Back online: try now rather than after the back-off, so a phone's saved vote goes soon.
    const online = () => {
      if (socket?.readyState === WebSocket.OPEN) return;
      attempts = 0;
      void connect();
    };
    void connect();
    addEventListener('online', online);
    return () => {
      stopped = true;
      removeEventListener('online', online);
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

/** A room's answer to an event: the view (and a new player's token), or why not, in plain words. */
export type RoomAnswer =
  | { readonly ok: true; readonly view: RoomView; readonly token?: string }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The HTTP status; none when the server could not be reached at all. */
      readonly status?: number;
      /** A free name like the one refused as taken (a second Sam is offered "Sam 2"). */
      readonly suggestion?: string;
    };

/**
 * Sends an event to a room; the facilitator's key or the player's token goes with it when given.
 * A join answers with the player's token (kept by the phone, and sent with its votes and renames).
 */
export async function sendRoomEvent(code: string, event: RoomEvent, { key, token }: Sender = {}): Promise<RoomAnswer> {
  const { action, body } = requestFor(event);
  let response: Response;
  try {
    response = await fetch(`${roomPath(code)}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(token ? { ...body, token } : body),
    });
  } catch {
    return { ok: false, reason: 'The room cannot be reached just now. Check the connection; the room may also have closed.' };
  }
  const data = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) {
    const { token: given, ...view } = data as unknown as RoomView & { token?: string };
    return { ok: true, view: view as RoomView, ...(typeof given === 'string' ? { token: given } : {}) };
  }
  const { status } = response;
  // The server's words for these are for scripts (`Authorization: Bearer`); a person needs the link.
  if ((status === 401 || status === 403) && roomActions[action].facilitator) {
    return { ok: false, status, reason: "Only the facilitator's screen can do that, and this one has no facilitator key (or an old one). Open the full facilitator link given when the room was opened." };
  }
  if (status === 404) return { ok: false, status, reason: noRoomSentence(code) };
  const reason = typeof data.error === 'string' ? inPlainWords(data.error) : `The room could not take that just now (it answered ${status}). Try again in a moment.`;
  return { ok: false, status, reason, ...(typeof data.suggestion === 'string' ? { suggestion: data.suggestion } : {}) };
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

/**
 * The scenario a room plays, for a room that plays a file an organiser uploaded (its view says
 * `uploaded`): the course has no page for it, so it comes from the room, by its code. The scenario
 * as the server's engine read it; `missing` when there is no such room here, `failed` otherwise.
 */
export async function fetchRoomScenario(code: string): Promise<{ readonly fileName: string; readonly scenario: Scenario } | 'missing' | 'failed'> {
  try {
    const response = await fetch(`${roomPath(code)}/scenario`, { headers: { accept: 'application/json' }, cache: 'no-store' });
    if (response.status === 404) return 'missing';
    if (!response.ok) return 'failed';
    const { fileName, scenario } = (await response.json()) as { fileName: string; scenario: Scenario };
    return { fileName, scenario };
  } catch {
    return 'failed';
  }
}

/**
 * The facilitator's key for a room, from the address's fragment (`#key=…`), which is then taken off
 * the address so a projected address bar does not show it; kept for this tab so a reload still works.
 */
export function takeKey(code: string): string {
  const storageKey = `recovery-coach-practice:room-key:${code}`;
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('key');
  try {
    if (fromAddress) {
      sessionStorage.setItem(storageKey, fromAddress);
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      return fromAddress;
    }
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return fromAddress ?? '';
  }
}
