/**
 * The room server of `coach group`: the built course (sirv), the rooms' JSON API, live updates over
 * WebSocket (ws) and each room's join QR code (qrcode). It is an edge: it only moves JSON in and out
 * of the room module (src/rooms/), saves each room to its file on every change, and resumes the
 * rooms it finds on start. It makes no requests of its own, so nothing leaves the local network.
 *
 * Nothing a request carries can stop it: every listener turns an unexpected error into an answer
 * (or a closed socket), requests are read defensively (a bad escape, an unparseable target or
 * Origin, a Host that is not this server's), and each address is held to limits (see
 * abuse-limits.ts). What it confirms is on disk: a change is answered once it is saved, and a save
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
import { isRoomAction, roomActions, type RoomAction } from '../../../src/rooms/api.ts';
import { createRoom, knownPlayer, phaseOf, sendToRoom, type Room, type RoomEvent } from '../../../src/rooms/room.ts';
import { resumeRoomSayingWhy, RoomError, saveRoom } from '../../../src/rooms/saved-room.ts';
import { ownReplyOf, roomView } from '../../../src/rooms/view.ts';
import { defaultAbuseLimits, RequestLimiter, tooMany, type AbuseLimits } from './abuse-limits.ts';
import { ownHostValues } from './addresses.ts';
import { eventFromBody, exampleBodies, tokenInBody } from './event-bodies.ts';
import { closeRoomFile, lockRoomsFolder, readRoomFiles, removeTemporaryFiles, writeRoomFile, type RoomFile } from './room-files.ts';
import { CoalescingSaver } from './room-saver.ts';

/** Request bodies larger than this are refused: a vote is a few dozen bytes, a typed reply at most 1,000 characters. */
export const maxBodyBytes = 8192;
/** Letters and digits that cannot be mistaken for one another when read off a projector. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const heartbeatMs = 25_000;
/** Rooms nobody has changed for this long are closed on start (their files kept in `closed/`)… */
const idleRoomDays = 14;
/** …and ended rooms after a day: a room code on a projector should not open a room for ever. */
const endedRoomDays = 1;

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
  /** Where rooms are saved, one JSON file each. */
  readonly roomsDir: string;
  /** Finds a scenario by id, for rooms resumed from their files. */
  readonly loadScenario: (id: string) => Promise<LoadedScenario | undefined>;
  /** Where to say what happened to rooms that could not be resumed or saved. */
  readonly warn?: (line: string) => void;
  /** How much one address may ask; the defaults suit a room of phones. */
  readonly limits?: Partial<AbuseLimits>;
}

/** A room the server holds: its code, the facilitator's key and the room itself. */
export interface HostedRoom {
  readonly code: string;
  readonly key: string;
  readonly createdAt: string;
  updatedAt: string;
  room: Room;
  /** Each player's name (as the room knows it) to a SHA-256 of their token. */
  readonly tokens: Map<string, string>;
  readonly clients: Set<WebSocket>;
  readonly saver: CoalescingSaver<RoomFile>;
  /** Why the last save failed, until one succeeds. */
  saveProblem?: string;
  /** Votes set aside when the room was resumed, said to the facilitator while this server runs. */
  readonly setAside: readonly string[];
}

export interface RoomServer {
  /** The address actually bound, with the port. */
  readonly address: AddressInfo;
  readonly rooms: ReadonlyMap<string, HostedRoom>;
  /** How many rooms were resumed from their files on start. */
  readonly resumed: number;
  /** Opens a new room for a scenario, saved at once (it throws if the save fails). */
  openRoom(loaded: LoadedScenario): Promise<HostedRoom>;
  /** Stops listening, closes every live connection, waits for the last saves and lets go of the rooms folder. */
  close(): Promise<void>;
}

class HttpError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  // Fields written out, not as parameter properties: Node runs this file as it is (type stripping) for the fuzz.
  constructor(status: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
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

/** Reads a JSON body of at most {@link maxBodyBytes}; an empty body reads as `{}`. */
async function readJsonBody(req: IncomingMessage, action: RoomAction): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = (size: number) => new HttpError(400, `Unexpected body of ${size} bytes, expected at most ${maxBodyBytes}`, { connection: 'close' });
  if (declared > maxBodyBytes) throw tooLarge(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw tooLarge(size);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (!isJsonType(type)) throw new HttpError(415, `Unexpected content type \`${type.slice(0, 80) || 'none'}\`, expected application/json`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, `Unexpected body that is not JSON, expected a JSON object such as ${exampleBodies[action]}`);
  }
}

/** Whether a room is done with: ended a day ago, or untouched for two weeks. */
function isStale(file: RoomFile, now: number): boolean {
  const idleDays = (now - Date.parse(file.updatedAt)) / 86_400_000;
  return idleDays > idleRoomDays || (file.room.phase === 'ended' && idleDays > endedRoomDays);
}

/** Starts the server: takes the rooms folder, resumes the rooms saved there, then listens. */
export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const warn = options.warn ?? (() => {});
  const limits: AbuseLimits = { ...defaultAbuseLimits, ...options.limits };
  const limiter = new RequestLimiter(limits);
  const rooms = new Map<string, HostedRoom>();

  function host(room: Omit<HostedRoom, 'clients' | 'saver'>): HostedRoom {
    return { ...room, clients: new Set(), saver: new CoalescingSaver((file) => writeRoomFile(options.roomsDir, file)) };
  }

  function fileOf(hosted: HostedRoom): RoomFile {
    return { code: hosted.code, key: hosted.key, createdAt: hosted.createdAt, updatedAt: hosted.updatedAt, playerTokens: [...hosted.tokens], room: saveRoom(hosted.room) };
  }

  /** What the room's screens are told about the room itself. */
  const problemsOf = (hosted: HostedRoom) => [...(hosted.saveProblem ? [hosted.saveProblem] : []), ...hosted.setAside];
  const viewOf = (hosted: HostedRoom) => roomView(hosted.room, problemsOf(hosted));

  /**
   * Saves the room as it is now, and settles once that (or a newer state) is on disk. A failure
   * is said once on standard error and kept in the room's view until a save succeeds again.
   */
  async function save(hosted: HostedRoom): Promise<void> {
    try {
      await hosted.saver.save(fileOf(hosted));
      if (hosted.saveProblem) warn(`Room ${hosted.code} is saved again.`);
      hosted.saveProblem = undefined;
    } catch (error) {
      const problem = `This room could not be saved in ${options.roomsDir} (${(error as Error).message}): changes since then would be lost if the server stopped. Free some space or fix the folder's permissions; the next change saves everything.`;
      if (!hosted.saveProblem) warn(`Room ${hosted.code} could not be saved: ${(error as Error).message}`);
      hosted.saveProblem = problem;
      throw new HttpError(503, problem);
    } finally {
      scheduleBroadcast(hosted);
    }
  }

  // Live updates go out once per save that lands, however many changes it carried.
  const broadcastDue = new Set<HostedRoom>();
  function scheduleBroadcast(hosted: HostedRoom): void {
    if (broadcastDue.has(hosted)) return;
    broadcastDue.add(hosted);
    setImmediate(() => {
      broadcastDue.delete(hosted);
      const message = JSON.stringify(viewOf(hosted));
      for (const client of hosted.clients) if (client.readyState === WebSocket.OPEN) client.send(message);
    });
  }

  const releaseFolder = await lockRoomsFolder(options.roomsDir);
  try {
    await removeTemporaryFiles(options.roomsDir);
    const { files, problems } = await readRoomFiles(options.roomsDir);
    problems.forEach(warn);
    for (const file of files) {
      if (isStale(file, Date.now())) {
        await closeRoomFile(options.roomsDir, file.code);
        warn(`Room ${file.code} was closed: nobody has used it since ${file.updatedAt.slice(0, 10)}. Its file is in ${join(options.roomsDir, 'closed')}`);
        continue;
      }
      const loaded = await options.loadScenario(file.room.scenarioId);
      if (!loaded) {
        warn(`Room ${file.code} was not resumed: its scenario \`${file.room.scenarioId}\` is not in scenarios/ or has errors`);
        continue;
      }
      try {
        const { room, setAside } = resumeRoomSayingWhy(loaded.scenario, file.room, loaded.machine);
        const tokens = new Map(file.playerTokens.filter(([name]) => room.context.players.includes(name)).map(([name, hash]) => [name, hash] as const));
        const hosted = host({ code: file.code, key: file.key, createdAt: file.createdAt, updatedAt: file.updatedAt, room, tokens, setAside });
        rooms.set(file.code, hosted);
        for (const line of setAside) warn(`Room ${file.code}: ${line}`);
        // The mended room is what the file should hold from now on (a failure here stops the start).
        if (setAside.length > 0) await hosted.saver.save(fileOf(hosted));
      } catch (error) {
        if (!(error instanceof RoomError)) throw error;
        warn(`Room ${file.code} was not resumed: ${error.message}`);
      }
    }
  } catch (error) {
    await releaseFolder();
    throw error;
  }
  const resumed = rooms.size;

  async function openRoom(loaded: LoadedScenario): Promise<HostedRoom> {
    let code: string;
    do code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
    while (rooms.has(code));
    const now = new Date().toISOString();
    const hosted = host({ code, key: randomBytes(24).toString('base64url'), createdAt: now, updatedAt: now, room: createRoom(loaded.scenario, loaded.machine), tokens: new Map(), setAside: [] });
    await hosted.saver.save(fileOf(hosted));
    rooms.set(code, hosted);
    return hosted;
  }

  /** Refuses the request if this address has had its share of this kind. */
  function limit(kind: keyof typeof tooMany, address: string): void {
    const wait = limiter.take(kind, address);
    if (wait > 0) throw new HttpError(429, tooMany[kind], { 'retry-after': String(wait) });
  }

  /** The room with this code, counting a code that is not here against the address (a sweep of codes stops soon). */
  function lookUp(code: string, address: string): HostedRoom {
    const wait = limiter.waitFor('lookups', address);
    if (wait > 0) throw new HttpError(429, tooMany.lookups, { 'retry-after': String(wait) });
    const hosted = rooms.get(code.toUpperCase());
    if (hosted) return hosted;
    limiter.take('lookups', address);
    throw new HttpError(404, `There is no room \`${code.slice(0, 20)}\` on this server`);
  }

  /** Whether the request carries this room's facilitator key; throws 401/403 when `required`. */
  function isFacilitator(req: IncomingMessage, hosted: HostedRoom, action: string, required: boolean): boolean {
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!given) {
      if (!required) return false;
      throw new HttpError(401, `\`${action}\` is for the facilitator: send the room's key as \`Authorization: Bearer <key>\``, { 'www-authenticate': 'Bearer realm="room"' });
    }
    if (secretMatches(given, sha256(hosted.key))) return true;
    throw new HttpError(403, 'That key is not this room\'s key');
  }

  /**
   * A player's say over a name: joining under a name that someone's phone holds needs that phone's
   * token, and so does voting under it. Returns the token to give a phone that joins anew.
   */
  function checkPlayer(hosted: HostedRoom, event: RoomEvent, token: string | undefined): string | undefined {
    if (event.type !== 'player.join' && event.type !== 'vote.cast') return undefined;
    const name = event.type === 'player.join' ? event.name : event.player;
    const known = knownPlayer(hosted.room.context, name);
    const kept = known === undefined ? undefined : hosted.tokens.get(known);
    const holds = kept !== undefined && token !== undefined && secretMatches(token, Buffer.from(kept, 'hex'));
    if (event.type === 'vote.cast') {
      if (known === undefined) throw new HttpError(409, `There is nobody called ${name.trim()} in the room: join first, then vote`);
      if (kept === undefined) throw new HttpError(409, `${known} has not joined from a phone yet: join first, then vote`);
      if (!holds) throw new HttpError(403, `Only ${known}'s own phone can vote as ${known}${token === undefined ? ': a vote carries the token the room gave on joining' : ''}`);
      return undefined;
    }
    if (kept !== undefined && !holds) throw new HttpError(409, `Someone called ${known} is in the room already: pick another name, such as ${known} 2`);
    return kept === undefined ? randomBytes(18).toString('base64url') : undefined;
  }

  async function api(req: IncomingMessage, res: ServerResponse, address: string, code: string, action: string | undefined, player: string | undefined): Promise<void> {
    const hosted = lookUp(code, address);
    if (player !== undefined) {
      // A phone's own reply, asked for by its own id (a reply is never looked up by name).
      if (action !== 'replies') throw new HttpError(404, 'Unexpected path, expected /api/rooms/<code>/replies/<player id>');
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      limit('reads', address);
      return sendJson(res, 200, ownReplyOf(hosted.room, player));
    }
    if (action === undefined || action === 'qr.svg') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      limit('reads', address);
      if (action === undefined) return sendJson(res, 200, viewOf(hosted));
      // The Host was checked against this server's own addresses, so the code points here.
      const joinUrl = `http://${req.headers.host}/join/?code=${hosted.code}`;
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
      return void res.end(await QRCode.toString(joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }));
    }
    if (!isRoomAction(action)) throw new HttpError(404, `Unexpected \`${action.slice(0, 40)}\`, expected one of ${Object.keys(roomActions).join(', ')}, or qr.svg`);
    if (req.method !== 'POST') throw new HttpError(405, 'Unexpected method, expected POST', { allow: 'POST' });
    const facilitator = isFacilitator(req, hosted, action, roomActions[action].facilitator);
    if (!facilitator) limit(action === 'players' ? 'joins' : 'changes', address);
    const body = await readJsonBody(req, action);
    const read = eventFromBody(action, body);
    if (!read.ok) throw new HttpError(400, read.reason);
    const newToken = checkPlayer(hosted, read.event, tokenInBody(body));
    const result = sendToRoom(hosted.room, read.event);
    if (!result.ok) throw new HttpError(result.refusal.kind === 'invalid' ? 400 : 409, result.refusal.reason);
    hosted.room = result.room;
    hosted.updatedAt = new Date().toISOString();
    if (read.event.type === 'player.join' && newToken) hosted.tokens.set(knownPlayer(hosted.room.context, read.event.name)!, sha256(newToken).toString('hex'));
    if (read.event.type === 'player.leave') for (const name of hosted.tokens.keys()) if (!hosted.room.context.players.includes(name)) hosted.tokens.delete(name);
    try {
      await save(hosted);
    } catch (error) {
      // The phone is told the join failed and keeps no token: the name stays free for its next try.
      if (read.event.type === 'player.join' && newToken) hosted.tokens.delete(knownPlayer(hosted.room.context, read.event.name)!);
      throw error;
    }
    sendJson(res, 200, newToken ? { ...viewOf(hosted), token: newToken } : viewOf(hosted));
  }

  const notFoundPage = join(options.siteDir, '404.html');
  const serveSite = sirv(options.siteDir, {
    dev: false,
    etag: true,
    extensions: ['html'],
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
    return `Unexpected Host \`${given.slice(0, 80) || 'none'}\`, expected this server's own address, such as ${[...ownHosts][0]}: open the address coach group printed`;
  };

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', contentSecurityPolicy);
    const address = req.socket.remoteAddress ?? 'unknown';
    const misdirected = hostProblem(req);
    if (misdirected) return sendJson(res, 421, { error: misdirected }, { connection: 'close' });
    const pathname = pathOf(req.url);
    if (pathname === undefined) return sendJson(res, 400, { error: 'Unexpected request target, expected a path such as /api/rooms/<code>' });
    if (!pathname.startsWith('/api/')) return serveSite(req, res);
    const match = /^\/api\/rooms\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(pathname);
    if (!match) return sendJson(res, 404, { error: 'Unexpected path, expected /api/rooms/<code>' });
    const [code, action, player] = [match[1]!, match[2], match[3]].map((part) => (part === undefined ? undefined : decodeSegment(part)));
    if (code === undefined || (match[2] !== undefined && action === undefined) || (match[3] !== undefined && player === undefined)) {
      return sendJson(res, 400, { error: 'Unexpected `%` in the path that is not an escape, expected /api/rooms/<code> with the code from the shared screen' });
    }
    try {
      await api(req, res, address, code, action, player);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(res, error.status, { error: error.message }, error.headers);
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

  function handleUpgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const address = req.socket.remoteAddress ?? 'unknown';
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
      hosted = lookUp(code ?? '', address);
    } catch (error) {
      return refuse(socket, error instanceof HttpError && error.status === 429 ? '429 Too Many Requests' : '404 Not Found');
    }
    if (hosted.clients.size >= limits.socketsPerRoom) return refuse(socket, '503 Service Unavailable');
    sockets.handleUpgrade(req, socket, head, (client) => {
      hosted.clients.add(client);
      socketsFrom.set(address, (socketsFrom.get(address) ?? 0) + 1);
      alive.add(client);
      client.on('pong', () => alive.add(client));
      client.on('close', () => {
        hosted.clients.delete(client);
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
    try {
      handleUpgrade(req, socket, head);
    } catch (error) {
      warn(`Unexpected error: ${(error as Error)?.stack ?? String(error)}`);
      socket.destroy();
    }
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
    await releaseFolder();
    throw error;
  }
  const address = server.address() as AddressInfo;
  ownHosts = ownHostValues(options.host, address.port);

  return {
    address,
    rooms,
    resumed,
    openRoom,
    async close() {
      clearInterval(heartbeat);
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...rooms.values()].map((hosted) => hosted.saver.idle()));
      await releaseFolder();
    },
  };
}

/** The newest room for a scenario that has not ended, to carry on with. */
export function latestOpenRoom(rooms: Iterable<HostedRoom>, scenarioId: string): HostedRoom | undefined {
  return [...rooms]
    .filter((hosted) => hosted.room.context.run.scenario.id === scenarioId && phaseOf(hosted.room) !== 'ended')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
