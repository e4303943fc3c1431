/**
 * The room server of `coach group`: the built course (sirv), the rooms' JSON API, live updates over
 * WebSocket (ws) and each room's join QR code (qrcode). It is an edge: it only moves JSON in and out
 * of the room module (src/rooms/), saves each room to its file on every change, and resumes the
 * rooms it finds on start. It makes no requests of its own, so nothing leaves the local network.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import QRCode from 'qrcode';
import sirv from 'sirv';
import { WebSocket, WebSocketServer } from 'ws';
import type { ScenarioMachine } from '../../../src/engine/compile.ts';
import type { Scenario } from '../../../src/engine/types.ts';
import { isRoomAction, roomActions, type RoomAction } from '../../../src/rooms/api.ts';
import { createRoom, phaseOf, sendToRoom, type Room } from '../../../src/rooms/room.ts';
import { resumeRoom, RoomError, saveRoom } from '../../../src/rooms/saved-room.ts';
import { ownReplyOf, roomView } from '../../../src/rooms/view.ts';
import { eventFromBody, exampleBodies } from './event-bodies.ts';
import { readRoomFiles, writeRoomFile } from './room-files.ts';

/** Request bodies larger than this are refused: a vote is a few dozen bytes, a typed reply at most 1,000 characters. */
export const maxBodyBytes = 8192;
/** Letters and digits that cannot be mistaken for one another when read off a projector. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const heartbeatMs = 25_000;

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
}

/** A room the server holds: its code, the facilitator's key and the room itself. */
export interface HostedRoom {
  readonly code: string;
  readonly key: string;
  readonly createdAt: string;
  updatedAt: string;
  room: Room;
  readonly clients: Set<WebSocket>;
  /** Saves in order, one after another. */
  saving: Promise<void>;
}

export interface RoomServer {
  /** The address actually bound, with the port. */
  readonly address: AddressInfo;
  readonly rooms: ReadonlyMap<string, HostedRoom>;
  /** How many rooms were resumed from their files on start. */
  readonly resumed: number;
  /** Opens a new room for a scenario, saved at once. */
  openRoom(loaded: LoadedScenario): Promise<HostedRoom>;
  /** Stops listening, closes every live connection and waits for the last saves. */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(`${JSON.stringify(body)}\n`);
}

/** Whether the header carries this key, compared in constant time. */
function keyMatches(given: string, key: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(key));
}

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
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, `Unexpected content type \`${type || 'none'}\`, expected application/json`);
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, `Unexpected body that is not JSON, expected a JSON object such as ${exampleBodies[action]}`);
  }
}

/** Starts the server: resumes the rooms saved in the rooms folder, then listens. */
export async function startRoomServer(options: RoomServerOptions): Promise<RoomServer> {
  const warn = options.warn ?? (() => {});
  const rooms = new Map<string, HostedRoom>();

  const { files, problems } = await readRoomFiles(options.roomsDir);
  problems.forEach(warn);
  for (const file of files) {
    const loaded = await options.loadScenario(file.room.scenarioId);
    if (!loaded) {
      warn(`Room ${file.code} was not resumed: its scenario \`${file.room.scenarioId}\` is not in scenarios/ or has errors`);
      continue;
    }
    try {
      const room = resumeRoom(loaded.scenario, file.room, loaded.machine);
      rooms.set(file.code, { ...file, room, clients: new Set(), saving: Promise.resolve() });
    } catch (error) {
      if (!(error instanceof RoomError)) throw error;
      warn(`Room ${file.code} was not resumed: ${error.message}`);
    }
  }
  const resumed = rooms.size;

  function save(hosted: HostedRoom): void {
    const file = { code: hosted.code, key: hosted.key, createdAt: hosted.createdAt, updatedAt: hosted.updatedAt, room: saveRoom(hosted.room) };
    hosted.saving = hosted.saving.then(() => writeRoomFile(options.roomsDir, file)).catch((error: Error) => warn(`Room ${hosted.code} could not be saved: ${error.message}`));
  }

  function broadcast(hosted: HostedRoom): void {
    const message = JSON.stringify(roomView(hosted.room));
    for (const client of hosted.clients) if (client.readyState === WebSocket.OPEN) client.send(message);
  }

  async function openRoom(loaded: LoadedScenario): Promise<HostedRoom> {
    let code: string;
    do code = Array.from({ length: 6 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('');
    while (rooms.has(code));
    const now = new Date().toISOString();
    const hosted: HostedRoom = { code, key: randomBytes(24).toString('base64url'), createdAt: now, updatedAt: now, room: createRoom(loaded.scenario, loaded.machine), clients: new Set(), saving: Promise.resolve() };
    rooms.set(code, hosted);
    save(hosted);
    await hosted.saving;
    return hosted;
  }

  async function api(req: IncomingMessage, res: ServerResponse, code: string, action: string | undefined, player: string | undefined): Promise<void> {
    const hosted = rooms.get(code.toUpperCase());
    if (!hosted) throw new HttpError(404, `There is no room \`${code}\` on this server`);
    if (player !== undefined) {
      // A phone's own reply, asked for by its own id (a reply is never looked up by name).
      if (action !== 'replies') throw new HttpError(404, 'Unexpected path, expected /api/rooms/<code>/replies/<player id>');
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      return sendJson(res, 200, ownReplyOf(hosted.room, player));
    }
    if (action === undefined || action === 'qr.svg') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Unexpected method, expected GET', { allow: 'GET, HEAD' });
      if (action === undefined) return sendJson(res, 200, roomView(hosted.room));
      const joinUrl = `http://${req.headers.host}/join/?code=${hosted.code}`;
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
      return void res.end(await QRCode.toString(joinUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }));
    }
    if (!isRoomAction(action)) throw new HttpError(404, `Unexpected \`${action}\`, expected one of ${Object.keys(roomActions).join(', ')}, or qr.svg`);
    if (req.method !== 'POST') throw new HttpError(405, 'Unexpected method, expected POST', { allow: 'POST' });
    if (roomActions[action].facilitator) {
      const header = req.headers.authorization ?? '';
      const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!given) throw new HttpError(401, `\`${action}\` is for the facilitator: send the room's key as \`Authorization: Bearer <key>\``, { 'www-authenticate': 'Bearer realm="room"' });
      if (!keyMatches(given, hosted.key)) throw new HttpError(403, 'That key is not this room\'s key');
    }
    const read = eventFromBody(action, await readJsonBody(req, action));
    if (!read.ok) throw new HttpError(400, read.reason);
    const result = sendToRoom(hosted.room, read.event);
    if (!result.ok) throw new HttpError(result.refusal.kind === 'invalid' ? 400 : 409, result.refusal.reason);
    hosted.room = result.room;
    hosted.updatedAt = new Date().toISOString();
    save(hosted);
    broadcast(hosted);
    sendJson(res, 200, roomView(hosted.room));
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

  const server = createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const { pathname } = new URL(req.url ?? '/', 'http://room.invalid');
    const match = /^\/api\/rooms\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/.exec(pathname);
    if (!pathname.startsWith('/api/')) return serveSite(req, res);
    if (!match) return sendJson(res, 404, { error: 'Unexpected path, expected /api/rooms/<code>' });
    // A malformed escape (`%E0`) would throw outside the handler below and stop the server: read it as it is.
    const decode = (part: string) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    };
    api(req, res, decode(match[1]!), match[2], match[3] === undefined ? undefined : decode(match[3])).catch((error: unknown) => {
      if (!(error instanceof HttpError)) {
        warn(`Unexpected error: ${(error as Error).stack ?? String(error)}`);
        return sendJson(res, 500, { error: 'Something went wrong in the room server' });
      }
      sendJson(res, error.status, { error: error.message }, error.headers);
      if (error.headers.connection === 'close') req.destroy();
    });
  });

  // Live updates: each phone and screen listens to its room; the room is sent whole on connect and on every change.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const alive = new WeakSet<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://room.invalid');
    const code = /^\/api\/rooms\/([^/]+)\/live$/.exec(pathname)?.[1]?.toUpperCase();
    const hosted = code ? rooms.get(code) : undefined;
    // Only this server's own pages may listen in a browser; scripts send no Origin.
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || new URL(origin).host === req.headers.host;
    if (!hosted || !sameOrigin) {
      socket.end(`HTTP/1.1 ${hosted ? '403 Forbidden' : '404 Not Found'}\r\nconnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (client) => {
      hosted.clients.add(client);
      alive.add(client);
      client.on('pong', () => alive.add(client));
      client.on('close', () => hosted.clients.delete(client));
      client.on('error', () => client.terminate());
      client.send(JSON.stringify(roomView(hosted.room)));
    });
  });
  const heartbeat = setInterval(() => {
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

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    address: server.address() as AddressInfo,
    rooms,
    resumed,
    openRoom,
    async close() {
      clearInterval(heartbeat);
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...rooms.values()].map((hosted) => hosted.saving));
    },
  };
}

/** The newest room for a scenario that has not ended, to carry on with. */
export function latestOpenRoom(rooms: Iterable<HostedRoom>, scenarioId: string): HostedRoom | undefined {
  return [...rooms]
    .filter((hosted) => hosted.room.context.run.scenario.id === scenarioId && phaseOf(hosted.room) !== 'ended')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}
