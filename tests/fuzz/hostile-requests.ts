/**
 * Hostile requests for the room server, as raw bytes over TCP: request lines (absolute targets that
 * do not parse, bad percent escapes, long and odd paths), headers (Host, Origin, content types and
 * lengths that lie, the facilitator's key or a wrong one, WebSocket upgrades), bodies (JSON of the
 * wrong shape, prototype keys, numbers past 2^53, bytes that are not UTF-8) and, after an upgrade
 * that succeeds, WebSocket frames. Used by the fixed-seed fuzz in `npm test`
 * (tests/cli/room-server-fuzz.test.ts) and by `npm run fuzz server`, both against the server in a
 * process of its own (room-server-process.ts), whose property is that it never exits and never
 * answers a 5xx to any of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { firstLineOf } from '../servers.ts';

/** The room the server process opened, to aim requests at its real code and key. */
export interface ServedRoom {
  readonly port: number;
  readonly code: string;
  readonly key: string;
  readonly pid: number;
}

/** A started server process, what it printed, and everything it wrote to standard error. */
export interface ServerProcess {
  readonly child: ChildProcess;
  readonly room: ServedRoom;
  readonly stderr: () => string;
}

/** Starts tests/fuzz/room-server-process.ts with Node, and reads the room it opened. */
export async function startServerProcess(roomsDir: string, options: { port?: number; generousLimits?: boolean } = {}): Promise<ServerProcess> {
  const script = fileURLToPath(new URL('room-server-process.ts', import.meta.url));
  const args = ['--disable-warning=ExperimentalWarning', script, roomsDir, String(options.port ?? 0), ...(options.generousLimits ? ['--generous-limits'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Kept for the tests to read after start-up, too.
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const line = await firstLineOf(child, 'the room server');
  return { child, room: JSON.parse(line) as ServedRoom, stderr: () => stderr };
}

/** What the server did with one request: the status it answered (101 for an upgrade), or none if it only closed the connection. */
export interface Answer {
  readonly status?: number;
}

/**
 * Sends bytes on a new connection and reads the status line of the answer. After a 101, sends
 * the frames too. Gives up waiting after `patience` ms (a body shorter than its Content-Length
 * is waited for by design), and always closes the connection.
 */
export function sendRaw(port: number, request: Buffer, frames: readonly Buffer[] = [], patience = 400): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1];
      resolve(status ? { status: Number(status) } : {});
    };
    const timer = setTimeout(finish, patience);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('data', (chunk) => {
      const first = received === '';
      received += chunk.toString('latin1');
      if (!first) return;
      if (received.startsWith('HTTP/1.1 101') && frames.length > 0) {
        for (const frame of frames) socket.write(frame);
        setTimeout(finish, 30);
      } else setTimeout(finish, 10);
    });
    socket.write(request);
  });
}

const actions = ['players', 'leave', 'votes', 'replies', 'reveal', 'settings', 'counts', 'start', 'advance', 'undo', 'restart', 'pause', 'resume', 'qr.svg', 'live', 'dance', ''];
const badEscapes = ['%ZZ', '%C0%AF', '%E0%A4%A', '%', '%%', '%u0041', '%00', '%FF%FE', '%2e%2e', '%2F', '%5c', '%252e', '%c0%ae'];

function code(room: ServedRoom) {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(room.code) },
    fc.constant(room.code.toLowerCase()),
    fc.constantFrom(...badEscapes),
    fc.constantFrom(...badEscapes).map((escape) => `${room.code.slice(0, 3)}${escape}`),
    fc.stringMatching(/^[A-Z2-9]{6}$/),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.constantFrom('constructor', '__proto__', 'toString', '..', '.', 'NOPE', 'x'.repeat(300)),
  ) as fc.Arbitrary<string>;
}

function target(room: ServedRoom) {
  const api = fc
    .tuple(
      code(room),
      fc.constantFrom(...actions),
      fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...badEscapes), fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/), fc.constant('')) }),
    )
    .map(([roomCode, action, rest]) => `/api/rooms/${roomCode}${action ? `/${action}` : ''}${rest === undefined ? '' : `/${rest}`}`);
  return fc.oneof(
    { weight: 6, arbitrary: api },
    { weight: 1, arbitrary: fc.constantFrom('http://[', 'http://%zz/', 'http://127.0.0.1:99999/', 'http://[::1', '*', '//', '//evil.example/api/rooms/x', 'http://attacker.example/api/rooms/') },
    { weight: 1, arbitrary: api.map((path) => `http://127.0.0.1:${room.port}${path}`) },
    { weight: 1, arbitrary: fc.constantFrom('/', '/index.html', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%ZZ', '/..;/', '/\u0000', '/join/?code=%ZZ', '/api', '/api/', '/api/rooms', '/api/rooms/') },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => `/${text}`) },
  );
}

function jsonBody(room: ServedRoom) {
  const value = fc.oneof(
    fc.constantFrom(0, -1, 1, 2, 2.5, 1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 'two', '', null, true, false, [], {}),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('\u202eevil.exe\u202c', '\u200b', 'constructor', '__proto__', 'toString', 'Ana', 'ANA', 'vote', 'hot-seat', 'voting', 'x'.repeat(2000)),
  );
  const key = fc.constantFrom('player', 'name', 'choice', 'count', 'text', 'mode', 'token', 'typedReplies', 'playerLimit', 'from', 'sayItSeconds', 'sayItYourWay', '__proto__', 'constructor');
  return fc.oneof(
    fc.dictionary(key, value, { maxKeys: 5 }).map((object) => JSON.stringify(object)),
    fc.constantFrom('{"__proto__": {"polluted": 1}}', '{"constructor": {"prototype": {"x": 1}}}', '[1, 2]', 'null', '"text"', '{', '{"player": "Ana", "choice": ', `{"name": "Ana", "token": "${room.key}"}`),
    fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)),
    fc.string({ maxLength: 80 }),
  );
}

/** Mostly `usual`, sometimes one of the others, sometimes left out. */
function mostly<T>(usual: T, others: fc.Arbitrary<T>, absent = 1) {
  return fc.oneof({ weight: 8, arbitrary: fc.constant<T | undefined>(usual) }, { weight: 2, arbitrary: others as fc.Arbitrary<T | undefined> }, { weight: absent, arbitrary: fc.constant(undefined) });
}

function headers(room: ServedRoom) {
  const own = `127.0.0.1:${room.port}`;
  return fc.record({
    host: mostly(own, fc.constantFrom(`localhost:${room.port}`, `attacker.example:${room.port}`, 'attacker.example', '[', '', `127.0.0.1:${room.port + 1}`, own.toUpperCase())),
    origin: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('null', 'not a url', `http://${own}`, `http://attacker.example:${room.port}`, 'http://[', 'file://', '') }),
    contentType: mostly('application/json', fc.constantFrom('application/json; charset=utf-8', 'application/json-patch+json', 'text/plain', 'APPLICATION/JSON', ';', '')),
    authorization: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constant(`Bearer ${room.key}`) }, { weight: 1, arbitrary: fc.constantFrom('Bearer wrong-key', 'Bearer', 'Basic abc', `bearer   ${room.key}`) }),
    upgrade: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    lengthLies: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(-1, 0, 5, 10_000_000, Number.NaN) }),
    extra: fc.oneof({ weight: 4, arbitrary: fc.constant([] as Array<[string, string]>) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ maxLength: 40 }).map((text) => text.replace(/[\r\n]/g, ''))), { maxLength: 3 }) }),
  });
}

/** One WebSocket frame from a client: masked, with any opcode and a payload that may be too large. */
const frame = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 15 }), fc.uint8Array({ maxLength: 40 }), fc.constantFrom(0, 0, 0, 126, 127), fc.boolean())
  .map(([fin, opcode, payload, lengthForm, masked]) => {
    const head = [(fin ? 0x80 : 0) | opcode];
    const mask = masked ? [0x80] : [0];
    if (lengthForm === 126) head.push(mask[0]! | 126, 0xff, 0xff);
    else if (lengthForm === 127) head.push(mask[0]! | 127, 0, 0, 0, 1, 0, 0, 0, 0);
    else head.push(mask[0]! | payload.length);
    return Buffer.concat([Buffer.from(head), Buffer.from(masked ? [1, 2, 3, 4] : []), Buffer.from(payload)]);
  });

/** A hostile request and, for upgrades, the frames to send after it. */
export interface HostileRequest {
  readonly bytes: Buffer;
  readonly frames: readonly Buffer[];
  /** For a failure report: the request as text. */
  readonly shown: string;
}

/** Hostile requests aimed at a served room. */
export function hostileRequest(room: ServedRoom): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      line: fc.oneof(
        // Requests a phone or a facilitator's page could send, with anything in their headers and bodies…
        { weight: 3, arbitrary: fc.constantFrom(...actions.slice(0, 13)).map((action) => ['POST', `/api/rooms/${room.code}/${action}`] as const) },
        { weight: 1, arbitrary: fc.constantFrom('', '/qr.svg', '/replies/k3v9Qx7LmT2wZp8R').map((rest) => ['GET', `/api/rooms/${room.code}${rest}`] as const) },
        // …and anything at all.
        {
          weight: 4,
          arbitrary: fc.tuple(
            fc.oneof({ weight: 6, arbitrary: fc.constantFrom('GET', 'POST') }, { weight: 2, arbitrary: fc.constantFrom('HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH') }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/) }),
            target(room),
          ),
        },
      ) as fc.Arbitrary<readonly [string, string]>,
      version: fc.oneof({ weight: 8, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1 extra') }),
      headers: headers(room),
      body: fc.option(fc.oneof({ weight: 4, arbitrary: jsonBody(room) }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')) }), { nil: undefined, freq: 3 }),
      frames: fc.array(frame, { maxLength: 4 }),
    })
    .map(({ line: [method, path], version, headers: h, body, frames }) => {
      const bodyBytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body, 'latin1');
      const lines = [`${method} ${path} ${version}`];
      if (h.host !== undefined) lines.push(`Host: ${h.host}`);
      if (h.origin !== undefined) lines.push(`Origin: ${h.origin}`);
      if (h.contentType !== undefined) lines.push(`Content-Type: ${h.contentType}`);
      if (h.authorization !== undefined) lines.push(`Authorization: ${h.authorization}`);
      if (h.upgrade) lines.push('Connection: Upgrade', 'Upgrade: websocket', 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==');
      if (bodyBytes.length > 0 || h.lengthLies !== undefined) lines.push(`Content-Length: ${h.lengthLies ?? bodyBytes.length}`);
      for (const [name, value] of h.extra) lines.push(`${name}: ${value}`);
      const bytes = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bodyBytes]);
      return { bytes, frames: h.upgrade ? frames : [], shown: bytes.toString('latin1').slice(0, 600) };
    });
}

/** Whether the server process is still running and answers a plain request for its room. */
export async function stillServing(server: ServerProcess): Promise<boolean> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return false;
  const { port, code } = server.room;
  const answer = await sendRaw(port, Buffer.from(`GET /api/rooms/${code} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`), [], 2000);
  return answer.status === 200 || answer.status === 429;
}
