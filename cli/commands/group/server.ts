/**
 * The room server of `coach group` and `coach serve`: the built course (sirv), the rooms' JSON API,
 * live updates over WebSocket (ws) and each room's join QR code (qrcode). It is an edge: it only
 * moves JSON in and out of the room module (src/rooms/) and a room store (room-store.ts): its own
 * folder of files by default, or Redis shared by several processes. It makes no requests of its own
 * but to that store.
 *
 * Nothing a request carries can stop it: every listener turns an unexpected error into an answer
 * (or a closed socket), requests are read defensively (a bad escape, an unparseable target or
 * Origin, a Host that is not this server's), and each address is held to limits (see
 * abuse-limits.ts). What it confirms is stored: a change is answered once it is saved, and a save
 * that fails is said at once, to the client and on the facilitator's screen.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sirv from 'sirv';
import { WebSocket, WebSocketServer } from 'ws';
import type { ScenarioMachine } from '../../../src/engine/compile.ts';
import type { Scenario } from '../../../src/engine/types.ts';
import { isRoomAction, roomActions } from '../../../src/rooms/api.ts';
import { createRoom, freeNameLike, knownPlayer, phaseOf, sendToRoom, type Room, type RoomEvent } from '../../../src/rooms/room.ts';
import { maxUploadBytes, tooLargeSentence } from '../../../src/rooms/limits.ts';
import { resumeRoomSayingWhy, RoomError, saveRoom } from '../../../src/rooms/saved-room.ts';
import { ownReplyOf, roomView } from '../../../src/rooms/view.ts';
import { defaultAbuseLimits, RequestLimiter, tooMany, type AbuseLimits } from './abuse-limits.ts';
import { ownHostValues } from './addresses.ts';
import { eventFromBody, exampleBodies, tokenInBody } from './event-bodies.ts';
import { FileRoomStore } from './file-room-store.ts';
import type { RoomRecord, RoomStore } from './room-store.ts';
import { maxUploadBodyBytes, refusalSentence, shownFileName, type UploadCheck, type UploadedScenario } from './uploaded-scenarios.ts';

/** Request bodies larger than this are refused: a vote is a few dozen bytes, a typed reply at most 1,000 characters. */
export const maxBodyBytes = 8192;
/** Letters and digits that cannot be mistaken for one another when read off a projector. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const heartbeatMs = 25_000;
/** How often a hosted server looks for rooms past their time without activity. */
const idleSweepMs = 60_000;
/** How many times a change is tried again when another process changed the room first. */
const writeAttempts = 8;

/**
 * Sent with every answer. Pages of the built course carry their own policy as well (with the
 * hashes of their inline scripts, from Astro), and a page is held to both: this one says that
 * nothing is loaded from, sent to or framed by any other site. Inline scripts are left to the
 * page's own policy, which lists exactly the ones the build made.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A scenario that passed its checks, compiled. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly machine: ScenarioMachine;
}

export interface RoomServerOptions {
  /** The address to listen on, and the port (0 for any free one). */
  readonly host: string;
  readonly port: number;
  /** The built course to serve (dist/). */
  readonly siteDir: string;
  /** Where rooms are saved, one JSON file each (when no `store` is given). */
  readonly roomsDir?: string;
  /** Where rooms are kept instead of `roomsDir`: Redis, shared with other processes. */
  readonly store?: RoomStore;
  /** Finds a scenario by id, for rooms resumed from their files. */
  readonly loadScenario: (id: string) => Promise<LoadedScenario | undefined>;
  /**
   * Checks a scenario file uploaded with `POST /api/rooms` (see uploaded-scenarios.ts), and again
   * when a room that plays one is resumed; without it, rooms open only for scenarios by id.
   */
  readonly checkUpload?: (upload: UploadedScenario) => UploadCheck;
  /** Where to say what happened to rooms that could not be resumed or saved. */
  readonly warn?: (line: string) => void;
  /** How much one address may ask; the defaults suit a room of phones. */
  readonly limits?: Partial<AbuseLimits>;
  /** Lets whoever has this passphrase open rooms over the API (`POST /api/rooms`); without it, only this process can. */
  readonly organiserPassphrase?: string;
  /** The address people reach the server at, behind a reverse proxy (`https://rooms.example.org`): links and QR codes use it, and requests must name its host. */
  readonly publicUrl?: string;
  /** Behind a reverse proxy: each request's address is the last one in its X-Forwarded-For, for the limits. */
  readonly trustProxy?: boolean;
  /** Rooms unchanged for this long are closed and nothing of them is kept (hosted); by default rooms are kept until done with. */
  readonly idleMs?: number;
}

/** A room the server holds (or, on a shared store, the revision it last read): its code, the facilitator's key and the room itself. */
export interface HostedRoom {
  readonly code: string;
  readonly key: string;
  readonly createdAt: string;
  updatedAt: string;
  /** The store's revision of the room this process holds. */
  revision: number;
  room: Room;
  /** Each player's name (as the room knows it) to a SHA-256 of their token. */
  tokens: Map<string, string>;
  /** The phones and screens listening to the room on this process. */
  readonly clients: Set<WebSocket>;
  /** The newest revision these clients were sent. */
  sentRevision: number;
  /** Stops listening to the store once no client here listens. */
  stopListening?: () => void;
  /** Why the last save failed, until one succeeds. */
  saveProblem?: string;
  /** Votes set aside when the room was resumed, said to the facilitator while this server runs. */
  readonly setAside: readonly string[];
  /** The scenario file the room plays, when it was uploaded rather than taken from the course. */
  readonly upload?: UploadedScenario;
}

/** What `POST /api/rooms` answers: the new room's code, key, and the facilitator's and phones' addresses. */
export interface OpenedRoom {
  readonly code: string;
  readonly key: string;
  readonly facilitator: string;
  readonly join: string;
}

export interface RoomServer {
  /** The address actually bound, with the port. */
  readonly address: AddressInfo;
  readonly rooms: ReadonlyMap<string, HostedRoom>;
  /** How many rooms were resumed from their files on start. */
  readonly resumed: number;
  /** Where the rooms are kept, for messages. */
  readonly where: string;
  /** Opens a new room for a scenario (an uploaded file's, with `upload`), saved at once (it throws if the save fails). */
  openRoom(loaded: LoadedScenario, upload?: UploadedScenario): Promise<HostedRoom>;
  /** Stops listening, closes every live connection, waits for the last saves and lets go of the rooms folder. */
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** More for the answer's JSON beside `error` (a name to suggest, say). */
  readonly more: Record<string, unknown>;
  // Fields written out, not as parameter properties: Node runs this file as it is (type stripping) for the fuzz.
  constructor(status: number, message: string, headers: Record<string, string> = {}, more: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
    this.more = more;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${JSON.stringify(body)}\n`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Whether a secret given matches one kept as its SHA-256, compared in constant time. */
function secretMatches(given: string, keptHash: Buffer): boolean {
  return timingSafeEqual(sha256(given), keptHash);
}

/** A path segment decoded, or undefined for a malformed escape (`%ZZ`, `%C0%AF`). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** The path of a request target, or undefined when it cannot be read (`http://[`, `http://%zz/`). */
function pathOf(target: string | undefined): string | undefined {
  try {
    return new URL(target ?? '/', 'http://room.invalid').pathname;
  } catch {
    return undefined;
  }
}

/** The `host:port` of an Origin header, or undefined when it is not a URL (`null`, from a sandboxed frame or a file). */
function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether a request body's type is JSON: `application/json`, with parameters, and nothing that merely starts like it. */
const isJsonType = (type: string) => type.split(';')[0]!.trim().toLowerCase() === 'application/json';

/**
 * Reads a JSON body of at most {@link maxBodyBytes} (or `limit`, which answers a larger one with
 * its own error); an empty body reads as `{}`.
 */
async function readJsonBody(req: IncomingMessage, example: string, limit?: { bytes: number; error: () => HttpError }): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const most = limit?.bytes ?? maxBodyBytes;
  const tooLarge = (size: number) => limit?.error() ?? new HttpError(400, `Unexpected body of ${size} bytes, expected at most ${maxBodyBytes}`, { connection: 'close' });
  if (declared > most) throw tooLarge(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > most) throw tooLarge(size);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (!isJsonType(type)) throw new HttpError(415, `Unexpected content type \`${type.slice(0, 80) || 'none'}\`, expected application/json`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, `Unexpected body that is not JSON, expected a JSON object such as ${example}`);
  }
}

/** Starts the server: takes its store (the rooms folder, by default), resumes the rooms saved there, then listens. */
export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const warn = options.warn ?? (() => {});
  const limits: AbuseLimits = { ...defaultAbuseLimits, ...options.limits };
  const limiter = new RequestLimiter(limits);
  /** The rooms this process holds: every room (files), or those it has read (a shared store). */
  const rooms = new Map<string, HostedRoom>();
  const store = options.store ?? (await FileRoomStore.open(options.roomsDir ?? 'rooms'));
  const organiserHash = options.organiserPassphrase === undefined ? undefined : sha256(options.organiserPassphrase);
  const publicUrl = options.publicUrl?.replace(/\/+$/, '');

  function host(record: RoomRecord, room: Room, setAside: readonly string[] = []): HostedRoom {
    const tokens = new Map(record.playerTokens.filter(([name]) => room.context.players.includes(name)));
    return { code: record.code, key: record.key, createdAt: record.createdAt, updatedAt: record.updatedAt, revision: record.revision, room, tokens, clients: new Set(), sentRevision: 0, setAside, ...(record.upload ? { upload: record.upload } : {}) };
  }

  function recordOf(hosted: HostedRoom): RoomRecord {
    return { code: hosted.code, key: hosted.key, createdAt: hosted.createdAt, updatedAt: hosted.updatedAt, revision: hosted.revision, playerTokens: [...hosted.tokens], room: saveRoom(hosted.room), ...(hosted.upload ? { upload: hosted.upload } : {}) };
  }

  /** What the room's screens are told about the room itself. */
  const problemsOf = (hosted: HostedRoom) => [...(hosted.saveProblem ? [hosted.saveProblem] : []), ...hosted.setAside];
  // A room that plays an uploaded file says so: its pages fetch the scenario from the room, not the course.
  const viewOf = (hosted: HostedRoom) => ({ ...roomView(hosted.room, problemsOf(hosted)), ...(hosted.upload ? { uploaded: true } : {}) });

  /** The room from a record, resumed through the engine; undefined (and said) when its scenario is gone or has changed too much. */
  async function resumed(record: RoomRecord): Promise<{ room: Room; setAside: readonly string[] } | undefined> {
    const loaded = record.upload ? uploadedScenario(record.upload) : await options.loadScenario(record.room.scenarioId);
    if (!loaded) {
      warn(
        record.upload
          ? `Room ${record.code} was not resumed: its uploaded file \`${record.upload.fileName}\` does not pass this server's checks (the course's modules or vocabulary may have changed)`
          : `Room ${record.code} was not resumed: its scenario \`${record.room.scenarioId}\` is not in scenarios/ or has errors`,
      );
      return undefined;
    }
    try {
      return resumeRoomSayingWhy(loaded.scenario, record.room, loaded.machine);
    } catch (error) {
      if (!(error instanceof RoomError)) throw error;
      warn(`Room ${record.code} was not resumed: ${error.message}`);
      return undefined;
    }
  }

  // Live updates: each room's clients on this process hear every saved change, from whichever process made it.
  const sendDue = new Map<HostedRoom, { revision: number; view: string }>();
  function deliver(hosted: HostedRoom, revision: number, view: string): void {
    if (revision < hosted.sentRevision) return;
    const due = sendDue.get(hosted);
    // A burst of changes goes out once, as its newest view.
    if (due) {
      if (revision >= due.revision) sendDue.set(hosted, { revision, view });
      return;
    }
    sendDue.set(hosted, { revision, view });
    setImmediate(() => {
      const latest = sendDue.get(hosted)!;
      sendDue.delete(hosted);
      if (latest.revision < hosted.sentRevision) return;
      hosted.sentRevision = latest.revision;
      for (const client of hosted.clients) if (client.readyState === WebSocket.OPEN) client.send(latest.view);
    });
  }

  async function listenTo(hosted: HostedRoom): Promise<void> {
    if (hosted.stopListening) return;
    hosted.stopListening = () => {};
    hosted.stopListening = await store.listen(hosted.code, (revision, view) => deliver(hosted, revision, view));
  }

  try {
    const { records, problems } = await store.resumable();
    problems.forEach(warn);
    for (const record of records) {
      const room = await resumed(record);
      if (!room) continue;
      const hosted = host(record, room.room, room.setAside);
      rooms.set(record.code, hosted);
      for (const line of room.setAside) warn(`Room ${record.code}: ${line}`);
      // The mended room is what the file should hold from now on (a failure here stops the start).
      if (room.setAside.length > 0) {
        hosted.revision += 1;
        await store.write(recordOf(hosted), JSON.stringify(viewOf(hosted)));
      }
    }
  } catch (error) {
    await store.close();
    throw error;
  }
  const resumedCount = rooms.size;

  /**
   * The room with this code as the store has it now. A shared store is read afresh (another
   * process may have changed it); the room is resumed through the engine only when its revision
   * is not the one this process holds already.
   */
  async function current(code: string): Promise<HostedRoom | undefined> {
    const held = rooms.get(code);
    if (!store.shared) return held;
    const record = await storeCall(() => store.read(code));
    if (!record) {
      if (held) forget(held);
      return undefined;
    }
    if (held && held.revision === record.revision) return held;
    const room = await resumed(record);
    if (!room) return undefined;
    if (held) {
      Object.assign(held, { room: room.room, revision: record.revision, updatedAt: record.updatedAt, tokens: host(record, room.room).tokens });
      return held;
    }
    const hosted = host(record, room.room);
    rooms.set(code, hosted);
    return hosted;
  }

  /** A store call that fails (Redis unreachable, say) is answered 503, in words for the facilitator. */
  async function storeCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw new HttpError(503, `The rooms cannot be reached in ${store.where} (${(error as Error).message}): try again in a moment`, { 'retry-after': '2' });
    }
  }

  /** Lets go of a room: its clients are told it is closed, and this process forgets it. */
  function forget(hosted: HostedRoom): void {
    rooms.delete(hosted.code);
    hosted.stopListening?.();
    for (const client of hosted.clients) client.close(4404, 'This room has closed');
  }

  /**
   * Saves the room as it is now, and settles once that (or a newer state) is stored: the change
   * this process made in memory is the room's from now on. A failure is said once on standard
   * error and kept in the room's view until a save succeeds again.
   */
  async function save(hosted: HostedRoom): Promise<void> {
    try {
      await store.write(recordOf(hosted), JSON.stringify(viewOf(hosted)));
      if (hosted.saveProblem) {
        warn(`Room ${hosted.code} is saved again.`);
        hosted.saveProblem = undefined;
        deliver(hosted, hosted.revision, JSON.stringify(viewOf(hosted)));
      }
    } catch (error) {
      const problem = `This room could not be saved in ${store.where} (${(error as Error).message}): changes since then would be lost if the server stopped. Free some space or fix the folder's permissions; the next change saves everything.`;
      if (!hosted.saveProblem) warn(`Room ${hosted.code} could not be saved: ${(error as Error).message}`);
      hosted.saveProblem = problem;
      deliver(hosted, hosted.revision, JSON.stringify(viewOf(hosted)));
      throw new HttpError(503, problem);
    }
  }

  /** Changes to one room on this process, one at a time: on a shared store, fewer of them meet another's change. */
  const queues = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(code: string, work: () => Promise<T>): Promise<T> {
    const previous = queues.get(code) ?? Promise.resolve();
    const next = previous.then(work, work);
    const settled = next.catch(() => {});
    queues.set(code, settled);
    void settled.then(() => {
      if (queues.get(code) === settled) queues.delete(code);
    });
    return next;
  }

  /**
   * Makes a change to a room and stores it. `change` gets the room as it is and returns the room
   * after it (or throws to refuse). Files: the change is the room's at once, and answered once on
   * disk. A shared store: written only if nobody changed the room since it was read; otherwise
   * it is read again and the change made afresh.
   */
  async function changeRoom(code: string, change: (hosted: HostedRoom) => { room: Room; tokens: Map<string, string> }): Promise<HostedRoom> {
    if (!store.shared) {
      const hosted = rooms.get(code);
      if (!hosted) throw new HttpError(404, `There is no room ${code} on this server: it may have closed after a time without activity`);
      const next = change(hosted);
      const joined = [...next.tokens.keys()].filter((name) => !hosted.tokens.has(name));
      Object.assign(hosted, { ...next, revision: hosted.revision + 1, updatedAt: new Date().toISOString() });
      try {
        await save(hosted);
      } catch (error) {
        // A phone told its join failed keeps no token: the name stays free for its next try.
        for (const name of joined) hosted.tokens.delete(name);
        throw error;
      }
      return hosted;
    }
    return oneAtATime(code, async () => {
      for (let attempt = 0; attempt < writeAttempts; attempt++) {
        const hosted = await current(code);
        if (!hosted) throw new HttpError(404, `There is no room ${code} on this server: it may have closed after a time without activity`);
        const next = change(hosted);
        const updatedAt = new Date().toISOString();
        const candidate: HostedRoom = { ...hosted, ...next, revision: hosted.revision + 1, updatedAt };
        const written = await storeCall(() => store.write(recordOf(candidate), JSON.stringify(viewOf(candidate))));
        if (!written) continue;
        Object.assign(hosted, { ...next, revision: candidate.revision, updatedAt });
        return hosted;
      }
      throw new HttpError(503, 'The room is very busy: try again in a moment', { 'retry-after': '1' });
    });
  }

  /** An uploaded file's scenario, checked and compiled; undefined if it no longer passes. */
  function uploadedScenario(upload: UploadedScenario): LoadedScenario | undefined {
    const check = options.checkUpload?.(upload);
    return check?.ok ? check.loaded : undefined;
  }

  async function openRoom(loaded: LoadedScenario, upload?: UploadedScenario): Promise<HostedRoom> {
    const now = new Date().toISOString();
    for (;;) {
      const code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
      if (rooms.has(code)) continue;
      const record: RoomRecord = {
        code,
        key: randomBytes(24).toString('base64url'),
        createdAt: now,
        updatedAt: now,
        revision: 1,
        playerTokens: [],
        room: saveRoom(createRoom(loaded.scenario, loaded.machine)),
        ...(upload ? { upload } : {}),
      };
      const hosted = host(record, createRoom(loaded.scenario, loaded.machine));
      // Revision 1 is written only where no room has the code: on a shared store, another process may have it.
      if (!(await store.write(record, JSON.stringify(viewOf(hosted))))) continue;
      rooms.set(code, hosted);
      return hosted;
    }
  }

  /** Rooms unchanged for `idleMs` are closed: their clients told, nothing kept (a shared store expires them itself). */
  async function closeIdleRooms(): Promise<void> {
    if (options.idleMs === undefined) return;
    const cutoff = Date.now() - options.idleMs;
    for (const hosted of [...rooms.values()]) {
      if (Date.parse(hosted.updatedAt) > cutoff) continue;
      if (store.shared) {
        // The store expires rooms itself: this process forgets those gone from it, and those nobody here listens to.
        const stillStored = await store.read(hosted.code).then(Boolean, () => true);
        if (!stillStored || hosted.clients.size === 0) forget(hosted);
        continue;
      }
      forget(hosted);
      await store.remove(hosted.code).catch((error: Error) => warn(`Room ${hosted.code} could not be removed: ${error.message}`));
    }
  }

  /** Refuses the request if this address has had its share of this kind. */
  function limit(kind: keyof typeof tooMany, address: string): void {
    const wait = limiter.take(kind, address);
    if (wait > 0) throw new HttpError(429, tooMany[kind], { 'retry-after': String(wait) });
  }

  /** The room with this code, counting a code that is not here against the address (a sweep of codes stops soon). */
  async function lookUp(code: string, address: string): Promise<HostedRoom> {
    const wait = limiter.waitFor('lookups', address);
    if (wait > 0) throw new HttpError(429, tooMany.lookups, { 'retry-after': String(wait) });
    const upper = code.toUpperCase();
    const hosted = /^[A-Z0-9]{1,20}$/.test(upper) ? await current(upper) : undefined;
    if (hosted) return hosted;
    limiter.take('lookups', address);
    throw new HttpError(404, `There is no room ${code.slice(0, 20)} on this server: check the code on the shared screen`);
  }

  /** Whether the request carries a secret (kept as its SHA-256); throws 401/403 when `required`. */
  function carriesSecret(req: IncomingMessage, keptHash: Buffer, required: boolean, why: string, wrong: string): boolean {
    // The rest of the header: a passphrase may be words with spaces between.
    const given = /^Bearer\s+(\S.*?)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!given) {
      if (!required) return false;
      throw new HttpError(401, why, { 'www-authenticate': 'Bearer realm="room"' });
    }
    if (secretMatches(given, keptHash)) return true;
    throw new HttpError(403, wrong);
  }

  /** Whether the request carries this room's facilitator key; throws 401/403 when `required`. */
  function isFacilitator(req: IncomingMessage, hosted: HostedRoom, action: string, required: boolean): boolean {
    return carriesSecret(req, sha256(hosted.key), required, `\`${action}\` is for the facilitator: send the room's key as \`Authorization: Bearer <key>\``, "That key is not this room's key");
  }

  /**
   * A player's say over a name: joining under a name that someone's phone holds needs that phone's
   * token, and so do voting and renaming under it. Returns the token to give a phone that joins anew.
   */
  function checkPlayer(hosted: HostedRoom, event: RoomEvent, token: string | undefined, facilitator: boolean): string | undefined {
    if (event.type === 'reply.send') {
      // Replies are shown without names, but only phones in the room may send them: anyone else
      // with the code could fill the step's slots with junk for the shared screen.
      const joined = token !== undefined && [...hosted.tokens.values()].some((kept) => secretMatches(token, Buffer.from(kept, 'hex')));
      if (!joined && !facilitator) throw new HttpError(403, `Only a phone that has joined the room can send a reply: join with your name first${token === undefined ? ' (a reply carries the token the room gave on joining)' : ''}`);
      return undefined;
    }
    if (event.type !== 'player.join' && event.type !== 'vote.cast' && event.type !== 'player.rename') return undefined;
    const name = event.type === 'player.join' ? event.name : event.type === 'vote.cast' ? event.player : event.from;
    const known = knownPlayer(hosted.room.context, name);
    const kept = known === undefined ? undefined : hosted.tokens.get(known);
    const holds = kept !== undefined && token !== undefined && secretMatches(token, Buffer.from(kept, 'hex'));
    if (event.type === 'player.rename') {
      if (known === undefined) throw new HttpError(409, `There is nobody called ${name.trim()} in the room: join first`);
      if (!holds && !facilitator) throw new HttpError(403, `Only ${known}'s own phone can change ${known}'s name`);
      const taken = knownPlayer(hosted.room.context, event.to);
      if (taken !== undefined && taken !== known) throw nameTaken(hosted, taken, event.to);
      return undefined;
    }
    if (event.type === 'vote.cast') {
      if (known === undefined) throw new HttpError(409, `There is nobody called ${name.trim()} in the room: join first, then vote`);
      if (kept === undefined) throw new HttpError(409, `${known} has not joined from a phone yet: join first, then vote`);
      if (!holds) throw new HttpError(403, `Only ${known}'s own phone can vote as ${known}${token === undefined ? ': a vote carries the token the room gave on joining' : ''}`);
      return undefined;
    }
    if (kept !== undefined && !holds) throw nameTaken(hosted, known!, name);
    // One phone, one player: a phone already in the room under another name changes that name
    // (a join under its old name, sent as a rename lands, would leave a second player behind).
    if (kept === undefined && token !== undefined) {
      const already = [...hosted.tokens].find(([, hash]) => secretMatches(token, Buffer.from(hash, 'hex')))?.[0];
      if (already !== undefined) throw new HttpError(409, `This phone is in the room already, as ${already}: change that name instead of joining again`);
    }
    return kept === undefined ? randomBytes(18).toString('base64url') : undefined;
  }

  /** A name someone else has: 409, with a free name like it to offer (`Sam 2`). */
  function nameTaken(hosted: HostedRoom, holder: string, wanted: string): HttpError {
    const suggestion = freeNameLike(hosted.room.context, wanted);
    return new HttpError(409, `Someone called ${holder} is in the room already: pick another name, such as ${suggestion}`, {}, { suggestion });
  }

  /** The tokens after an event: a new phone's, a name that moved, a player who left. */
  function tokensAfter(hosted: HostedRoom, room: Room, event: RoomEvent, newToken: string | undefined): Map<string, string> {
    if (event.type === 'player.join' && newToken) return new Map([...hosted.tokens, [knownPlayer(room.context, event.name)!, sha256(newToken).toString('hex')]]);
    if (event.type === 'player.rename') {
      const from = knownPlayer(hosted.room.context, event.from)!;
      return new Map([...hosted.tokens].map(([name, hash]) => [name === from ? knownPlayer(room.context, event.to)! : name, hash]));
    }
    if (event.type === 'player.leave') return new Map([...hosted.tokens].filter(([name]) => room.context.players.includes(name)));
    return hosted.tokens;
  }

  /** The addresses of a room for the facilitator and for phones, from the public URL or the request's own (checked) Host. */
  function addressesOf(req: IncomingMessage, hosted: HostedRoom): { facilitator: string; join: string } {
    const base = publicUrl ?? `http://${req.headers.host}`;
    // An uploaded scenario has no page of its own in the built course: its screen fetches it from the room.
    const screen = hosted.upload ? '/rooms/play/' : `/scenarios/${hosted.room.context.run.scenario.id}/group/`;
    return {
      facilitator: `${base}${screen}?room=${hosted.code}#key=${hosted.key}`,
      join: `${base}/join/?code=${hosted.code}`,
    };
  }

  /**
   * `POST /api/rooms {"scenario": "<id>"}` with the organiser's passphrase: a new room, for a
   * facilitator's page or a script. Or `{"markdown": "…", "fileName": "…"}`: a room for a scenario
   * file the organiser chose, checked here as the browser checked it (an error refuses it, 400,
   * with each problem and its line) and kept with the room.
   */
  async function openRoomForRequest(req: IncomingMessage, res: ServerResponse, address: string): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'Unexpected method, expected POST to open a room, or GET /api/rooms/<code> to read one', { allow: 'POST' });
    if (!organiserHash) throw new HttpError(403, 'This server opens rooms only from the command line: start it with coach serve and an organiser passphrase to open rooms from a browser');
    const wait = limiter.waitFor('lookups', address);
    if (wait > 0) throw new HttpError(429, tooMany.lookups, { 'retry-after': String(wait) });
    try {
      carriesSecret(req, organiserHash, true, 'Opening a room needs the organiser passphrase: send it as Authorization: Bearer <passphrase>', 'That is not the organiser passphrase of this server');
    } catch (error) {
      // Wrong passphrases count like wrong room codes: guessing stops soon.
      limiter.take('lookups', address);
      throw error;
    }
    // Only a request with the passphrase gets this far, so only organisers can send a file's worth of body.
    const body = await readJsonBody(req, '{"scenario": "first-conversation-with-jordan"}', {
      bytes: maxUploadBodyBytes,
      error: () => new HttpError(413, tooLargeSentence(undefined, undefined), { connection: 'close' }),
    });
    const { scenario: scenarioId, markdown, fileName } = (body ?? {}) as { scenario?: unknown; markdown?: unknown; fileName?: unknown };
    if (markdown !== undefined) {
      if (typeof markdown !== 'string') throw new HttpError(400, 'Unexpected body, expected {"markdown": "<the scenario file\'s text>", "fileName": "<its name>"}');
      const upload: UploadedScenario = { fileName: shownFileName(fileName), markdown: markdown.replace(/^\uFEFF/, '') };
      const bytes = Buffer.byteLength(upload.markdown);
      if (bytes > maxUploadBytes) throw new HttpError(413, tooLargeSentence(upload.fileName, bytes));
      if (!options.checkUpload) throw new HttpError(403, 'This server opens rooms only for the scenarios of its course: choose one of them');
      const check = options.checkUpload(upload);
      if (!check.ok) {
        // The problems as the studio and play-a-file list them (each with its start and end), for the organiser's page to show the same way.
        throw new HttpError(400, refusalSentence(upload.fileName, check.problems), {}, { fileName: upload.fileName, problems: check.problems });
      }
      const hosted = await storeCall(() => openRoom(check.loaded, upload));
      const opened: OpenedRoom = { code: hosted.code, key: hosted.key, ...addressesOf(req, hosted) };
      return sendJson(res, 201, opened);
    }
    if (typeof scenarioId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(scenarioId)) {
      throw new HttpError(400, 'Unexpected body, expected {"scenario": "<id>"} with the id of a scenario on this server, or {"markdown": "<a scenario file\'s text>", "fileName": "<its name>"}');
    }
    const loaded = await options.loadScenario(scenarioId);
    if (!loaded) throw new HttpError(404, `There is no scenario ${scenarioId} on this server`);
    const hosted = await storeCall(() => openRoom(loaded));
    const opened: OpenedRoom = { code: hosted.code, key: hosted.key, ...addressesOf(req, hosted) };
    sendJson(res, 201, opened);
  }

  async function api(req: IncomingMessage, res: ServerResponse, address: string, code: string, action: string | undefined, player: string | undefined): Promise<void> {
    const hosted = await lookUp(code, address);
    if (player !== undefined) {
      // A phone's own reply, asked for by its own id (a reply is never looked up by name).
      if (action !== 'replies') throw new HttpError(404, 'Unexpected path, expected /api/rooms/<code>/replies/<player id>');
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      limit('reads', address);
      return sendJson(res, 200, ownReplyOf(hosted.room, player));
    }
    if (action === 'scenario') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      limit('reads', address);
      // Only whoever has the room's code gets its file: the room's own pages, which have no built page for it.
      if (!hosted.upload) throw new HttpError(404, `Room ${hosted.code} plays a scenario of the course: it is at /scenarios/${hosted.room.context.run.scenario.id}/scenario.json`);
      return sendJson(res, 200, { fileName: hosted.upload.fileName, markdown: hosted.upload.markdown, scenario: hosted.room.context.run.scenario });
    }
    if (action === undefined || action === 'qr.svg') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      limit('reads', address);
      if (action === undefined) return sendJson(res, 200, viewOf(hosted));
      // The Host was checked against this server's own addresses, so the code points here.
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
      return void res.end(await QRCode.toString(addressesOf(req, hosted).join, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }));
    }
    if (!isRoomAction(action)) throw new HttpError(404, `Unexpected \`${action.slice(0, 40)}\`, expected one of ${Object.keys(roomActions).join(', ')}, qr.svg or scenario`);
    if (req.method !== 'POST') throw new HttpError(405, 'Unexpected method, expected POST', { allow: 'POST' });
    const facilitator = isFacilitator(req, hosted, action, roomActions[action].facilitator);
    if (!facilitator) limit(action === 'players' ? 'joins' : 'changes', address);
    const body = await readJsonBody(req, exampleBodies[action]);
    const read = eventFromBody(action, body);
    if (!read.ok) throw new HttpError(400, read.reason);
    const { event } = read;
    let newToken: string | undefined;
    const changed = await changeRoom(hosted.code, (now) => {
      newToken = checkPlayer(now, event, tokenInBody(body), facilitator);
      const result = sendToRoom(now.room, event);
      if (!result.ok) throw new HttpError(result.refusal.kind === 'invalid' ? 400 : 409, result.refusal.reason);
      return { room: result.room, tokens: tokensAfter(now, result.room, event, newToken) };
    });
    sendJson(res, 200, newToken ? { ...viewOf(changed), token: newToken } : viewOf(changed));
  }

  const notFoundPage = join(options.siteDir, '404.html');
  const serveSite = sirv(options.siteDir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    // The browser looks for a new version of the course (sw.js, src/offline/) at every visit.
    setHeaders: (res, pathname) => {
      if (pathname === '/sw.js') res.setHeader('cache-control', 'no-cache');
    },
    onNoMatch: (_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    },
  });

  let ownHosts = new Set<string>();
  /** Why a request's Host is not this server's, or undefined if it is. */
  const hostProblem = (req: IncomingMessage) => {
    const given = (req.headers.host ?? '').toLowerCase();
    if (ownHosts.has(given)) return undefined;
    return `Unexpected Host \`${given.slice(0, 80) || 'none'}\`, expected this server's own address, such as ${[...ownHosts][0]}: open the address the server printed`;
  };

  /** Whom a request is from, for the limits: behind a trusted proxy, the last address it added to X-Forwarded-For. */
  const addressOf = (req: IncomingMessage): string => {
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').at(-1)?.trim() : undefined;
    return forwarded || (req.socket.remoteAddress ?? 'unknown');
  };

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', contentSecurityPolicy);
    const address = addressOf(req);
    // For a reverse proxy choosing among processes (its checks name the process, not the site, as
    // Host): this one answers, and so does its store. It says nothing about any room.
    if (pathOf(req.url) === '/api/health') return (await store.healthy()) ? sendJson(res, 200, { ok: true }) : sendJson(res, 503, { ok: false, error: `The rooms cannot be reached in ${store.where}` });
    const misdirected = hostProblem(req);
    if (misdirected) return sendJson(res, 421, { error: misdirected }, { connection: 'close' });
    const pathname = pathOf(req.url);
    if (pathname === undefined) return sendJson(res, 400, { error: 'Unexpected request target, expected a path such as /api/rooms/<code>' });
    if (!pathname.startsWith('/api/')) return serveSite(req, res);
    if (/^\/api\/rooms\/?$/.test(pathname)) return answering(req, res, () => openRoomForRequest(req, res, address));
    const match = /^\/api\/rooms\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(pathname);
    if (!match) return sendJson(res, 404, { error: 'Unexpected path, expected /api/rooms/<code>' });
    const [code, action, player] = [match[1]!, match[2], match[3]].map((part) => (part === undefined ? undefined : decodeSegment(part)));
    if (code === undefined || (match[2] !== undefined && action === undefined) || (match[3] !== undefined && player === undefined)) {
      return sendJson(res, 400, { error: 'Unexpected `%` in the path that is not an escape, expected /api/rooms/<code> with the code from the shared screen' });
    }
    return answering(req, res, () => api(req, res, address, code, action, player));
  }

  /** Runs an API handler, answering an {@link HttpError} with its status and words. */
  async function answering(req: IncomingMessage, res: ServerResponse, handler: () => Promise<void>): Promise<void> {
    try {
      await handler();
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(res, error.status, { ...error.more, error: error.message }, error.headers);
      if (error.headers.connection === 'close') req.destroy();
    }
  }

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      // The client went away in the middle of its request: nobody is left to answer.
      if (req.destroyed && (error as NodeJS.ErrnoException)?.code === 'ECONNRESET') return;
      warn(`Unexpected error: ${(error as Error)?.stack ?? String(error)}`);
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'Something went wrong in the room server' }, { connection: 'close' });
    });
  });

  // Live updates: each phone and screen listens to its room; the room is sent whole on connect and on every change.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakSet<WebSocket>();
  const socketsFrom = new Map<string, number>();
  const refuse = (socket: Socket, status: string): void => void socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);

  async function handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): Promise<void> {
    socket.on('error', () => socket.destroy());
    const address = addressOf(req);
    if (hostProblem(req)) return refuse(socket, '421 Misdirected Request');
    const pathname = pathOf(req.url);
    const code = pathname === undefined ? undefined : /^\/api\/rooms\/([A-Za-z0-9]{1,20})\/live$/.exec(pathname)?.[1];
    // Only this server's own pages may listen in a browser; scripts send no Origin. An Origin that
    // is not a URL (`null` from a sandboxed frame or a file) is another site's.
    const origin = req.headers.origin;
    if (origin !== undefined && originHost(origin) !== req.headers.host?.toLowerCase()) return refuse(socket, '403 Forbidden');
    if (limiter.take('reads', address) > 0 || (socketsFrom.get(address) ?? 0) >= limits.socketsPerAddress) return refuse(socket, '429 Too Many Requests');
    let hosted: HostedRoom;
    try {
      hosted = await lookUp(code ?? '', address);
      // Listening first, then reading the room afresh: no change can fall between the two.
      await listenTo(hosted);
      if (store.shared) hosted = (await current(hosted.code)) ?? hosted;
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 503;
      return refuse(socket, status === 429 ? '429 Too Many Requests' : status === 404 ? '404 Not Found' : '503 Service Unavailable');
    }
    if (socket.destroyed) return;
    if (hosted.clients.size >= limits.socketsPerRoom) return refuse(socket, '503 Service Unavailable');
    sockets.handleUpgrade(req, socket, head, (client) => {
      hosted.clients.add(client);
      socketsFrom.set(address, (socketsFrom.get(address) ?? 0) + 1);
      alive.add(client);
      client.on('pong', () => alive.add(client));
      client.on('close', () => {
        hosted.clients.delete(client);
        if (hosted.clients.size === 0 && store.shared) {
          hosted.stopListening?.();
          hosted.stopListening = undefined;
        }
        const left = (socketsFrom.get(address) ?? 1) - 1;
        if (left > 0) socketsFrom.set(address, left);
        else socketsFrom.delete(address);
      });
      client.on('error', () => client.terminate());
      // Phones and screens only listen: anything sent the other way is not from the course's pages.
      client.on('message', () => client.close(1008, 'This connection only listens'));
      client.send(JSON.stringify(viewOf(hosted)));
    });
  }

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    handleUpgrade(req, socket, head).catch((error: unknown) => {
      warn(`Unexpected error: ${(error as Error)?.stack ?? String(error)}`);
      socket.destroy();
    });
  });
  const heartbeat = setInterval(() => {
    limiter.sweep();
    for (const client of sockets.clients) {
      if (!alive.has(client)) {
        client.terminate();
        continue;
      }
      alive.delete(client);
      client.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();
  const idleSweep = setInterval(() => void closeIdleRooms().catch((error: Error) => warn(`Closing idle rooms failed: ${error.message}`)), Math.min(idleSweepMs, options.idleMs ?? idleSweepMs));
  idleSweep.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(heartbeat);
    clearInterval(idleSweep);
    await store.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  ownHosts = ownHostValues(options.host, address.port);
  if (publicUrl) {
    const { host, hostname, port, protocol } = new URL(publicUrl);
    // A browser sends the host as the address was typed: `rooms.example.org:443` is the same server.
    for (const given of [host, port ? host : `${hostname}:${protocol === 'https:' ? 443 : 80}`]) ownHosts.add(given.toLowerCase());
  }

  return {
    address,
    rooms,
    resumed: resumedCount,
    where: store.where,
    openRoom,
    async close() {
      clearInterval(heartbeat);
      clearInterval(idleSweep);
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const hosted of rooms.values()) hosted.stopListening?.();
      await Promise.all([...queues.values()]);
      await store.close();
    },
  };
}

/**
 * The newest room for a scenario that has not ended, to carry on with: for a file outside the
 * course (`upload`), only a room that plays that very text, since an edited file is another scenario.
 */
export function latestOpenRoom(rooms: Iterable<HostedRoom>, scenarioId: string, upload?: UploadedScenario): HostedRoom | undefined {
  return [...rooms]
    .filter((hosted) => hosted.room.context.run.scenario.id === scenarioId && hosted.upload?.markdown === upload?.markdown && phaseOf(hosted.room) !== 'ended')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
