/**
 * The room server against the audit's findings (issue 19), each reproduced as the audit did it:
 * players are people (a vote needs the voter's token), limits per address, the Host a request
 * names, what is confirmed is on disk and a save that fails is said, one server per rooms folder,
 * and rooms resumed after their scenario was edited.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { hostname } from 'node:os';
import { isPrivate, ownHostValues } from '../../cli/commands/group/addresses.ts';
import { RoomsFolderInUse } from '../../cli/commands/group/room-files.ts';
import { contentSecurityPolicy, startRoomServer, type RoomServer, type RoomServerOptions } from '../../cli/commands/group/server.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import type { RoomView } from '../../src/rooms/view.ts';
import { sendRaw } from '../fuzz/hostile-requests.ts';
import { lintText, readFixture } from '../helpers.ts';

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;
const loaded = { scenario, machine: compileScenario(scenario) };

let servers: RoomServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

type Answer = { status: number; json: (RoomView & { error?: string; token?: string }) | undefined; headers: Headers };

async function start(roomsDir = mkdtempSync(join(tmpdir(), 'rooms-')), more: Partial<RoomServerOptions> = {}) {
  const siteDir = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Course</title>');
  const warnings: string[] = [];
  const server = await startRoomServer({ host: '127.0.0.1', port: 0, siteDir, roomsDir, loadScenario: async (id) => (id === scenario.id ? loaded : undefined), warn: (line) => warnings.push(line), ...more });
  servers.push(server);
  const base = `http://127.0.0.1:${server.address.port}`;
  const call = async (path: string, body?: unknown, key?: string): Promise<Answer> => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, json: (await response.json().catch(() => undefined)) as Answer['json'], headers: response.headers };
  };
  const { code, key } = await server.openRoom(loaded);
  return { server, base, call, code, key, roomsDir, warnings };
}

const closeServer = async (server: RoomServer) => {
  await server.close();
  servers = servers.filter((other) => other !== server);
};

describe('players are people: only a phone that joined under a name votes under it', () => {
  it('refuses a vote as someone else, by any spelling, and a second phone taking a name', async () => {
    const { call, code, key } = await start();
    const ana = (await call(`/api/rooms/${code}/players`, { name: 'Ana' })).json!.token!;
    const ben = (await call(`/api/rooms/${code}/players`, { name: 'Ben' })).json!.token!;
    expect(ana).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await call(`/api/rooms/${code}/start`, { mode: 'vote' }, key);

    // The audit: {"player": "ANA", "choice": 2} replaced Ana's vote.
    expect(await call(`/api/rooms/${code}/votes`, { player: 'ANA', choice: 2 })).toMatchObject({ status: 403, json: { error: "Only Ana's own phone can vote as Ana: a vote carries the token the room gave on joining" } });
    expect(await call(`/api/rooms/${code}/votes`, { player: 'Ana', choice: 2, token: ben })).toMatchObject({ status: 403, json: { error: "Only Ana's own phone can vote as Ana" } });
    expect(await call(`/api/rooms/${code}/votes`, { player: 'Chris', choice: 2, token: ben })).toMatchObject({ status: 409, json: { error: 'There is nobody called Chris in the room: join first, then vote' } });
    expect(await call(`/api/rooms/${code}/players`, { name: 'ana' })).toMatchObject({ status: 409, json: { error: 'Someone called Ana is in the room already: pick another name, such as ana 2', suggestion: 'ana 2' } });
    expect(await call(`/api/rooms/${code}/votes`, { player: 'ana', choice: 2, token: ana })).toMatchObject({ status: 200, json: { voted: ['Ana'] } });

    // Ana's phone reloads and joins again with its token: still Ana, no new token.
    const again = await call(`/api/rooms/${code}/players`, { name: 'Ana', token: ana });
    expect(again).toMatchObject({ status: 200, json: { players: ['Ana', 'Ben'] } });
    expect(again.json!.token).toBeUndefined();
  });

  it('moves a renamed player with their vote and their phone, never leaving a ghost, and offers a second Sam a name of their own', async () => {
    const { call, code, key } = await start();
    const sam = (await call(`/api/rooms/${code}/players`, { name: 'Sam' })).json!.token!;
    // The trial: a second "Sam" (or "sam") became the same voter. Now they are asked for another name.
    expect(await call(`/api/rooms/${code}/players`, { name: 'sam' })).toMatchObject({ status: 409, json: { suggestion: 'sam 2' } });
    const sam2 = (await call(`/api/rooms/${code}/players`, { name: 'Sam 2' })).json!.token!;
    await call(`/api/rooms/${code}/start`, { mode: 'vote' }, key);
    await call(`/api/rooms/${code}/votes`, { player: 'Sam', choice: 1, token: sam });
    await call(`/api/rooms/${code}/votes`, { player: 'Sam 2', choice: 2, token: sam2 });

    // Only the phone that holds a name renames it, and not onto someone else's.
    expect(await call(`/api/rooms/${code}/rename`, { from: 'Sam', to: 'Samira', token: sam2 })).toMatchObject({ status: 403, json: { error: "Only Sam's own phone can change Sam's name" } });
    expect(await call(`/api/rooms/${code}/rename`, { from: 'Sam', to: 'SAM 2', token: sam })).toMatchObject({ status: 409, json: { suggestion: 'SAM 3' } });
    const renamed = await call(`/api/rooms/${code}/rename`, { from: 'Sam', to: 'Samira', token: sam });
    expect(renamed).toMatchObject({ status: 200, json: { players: ['Samira', 'Sam 2'], voted: ['Samira', 'Sam 2'] } });

    // The same phone votes on under its new name; the old name is nobody's.
    expect(await call(`/api/rooms/${code}/votes`, { player: 'Samira', choice: 2, token: sam })).toMatchObject({ status: 200 });
    expect(await call(`/api/rooms/${code}/votes`, { player: 'Sam', choice: 1, token: sam })).toMatchObject({ status: 409 });
    expect(await call(`/api/rooms/${code}/advance`, {}, key)).toMatchObject({ status: 200, json: { voters: { Samira: 2, 'Sam 2': 2 }, decision: { choice: 2 } } });
  });

  it('keeps the hot seat\'s pick for the hot seat', async () => {
    const { call, code, key } = await start();
    await call(`/api/rooms/${code}/players`, { name: 'Ana' });
    const ben = (await call(`/api/rooms/${code}/players`, { name: 'Ben' })).json!.token!;
    await call(`/api/rooms/${code}/start`, { mode: 'hot-seat' }, key);
    await call(`/api/rooms/${code}/advance`, {}, key);
    expect(await call(`/api/rooms/${code}/votes`, { player: 'Ana', choice: 2, token: ben })).toMatchObject({ status: 403 });
    expect((await call(`/api/rooms/${code}/advance`, {}, key)).json).toMatchObject({ error: "Waiting for Ana's pick, who is in the hot seat" });
  });

  it('keeps the tokens through a restart, and forgets a removed player\'s', async () => {
    const first = await start();
    const ana = (await first.call(`/api/rooms/${first.code}/players`, { name: 'Ana' })).json!.token!;
    await first.call(`/api/rooms/${first.code}/players`, { name: 'Ben' });
    await first.call(`/api/rooms/${first.code}/leave`, { name: 'Ben' }, first.key);
    await closeServer(first.server);
    const file = JSON.parse(readFileSync(join(first.roomsDir, `${first.code}.json`), 'utf8'));
    expect(file.playerTokens.map(([name]: [string]) => name)).toEqual(['Ana']);
    expect(JSON.stringify(file)).not.toContain(ana);

    const second = await start(first.roomsDir);
    await second.call(`/api/rooms/${first.code}/start`, { mode: 'vote' }, first.key);
    expect(await second.call(`/api/rooms/${first.code}/votes`, { player: 'Ana', choice: 1, token: ana })).toMatchObject({ status: 200 });
  });

  it('refuses the name __proto__ and names that hide what they say, in plain words', async () => {
    const { call, code } = await start();
    expect(await call(`/api/rooms/${code}/players`, { name: '__proto__' })).toMatchObject({ status: 400, json: { error: 'Unexpected name `__proto__`, expected another name: this one is reserved' } });
    expect(await call(`/api/rooms/${code}/players`, { name: '\u202Eevil.exe' })).toMatchObject({ status: 400 });
  });
});

describe('limits per address', () => {
  it('says plainly when an address has joined, voted or guessed too much, and never limits the facilitator', async () => {
    const { call, code, key } = await start(undefined, { limits: { joins: { burst: 2, perSecond: 0.01 }, changes: { burst: 3, perSecond: 0.01 }, lookups: { burst: 2, perSecond: 0.01 } } });
    const tokens = [(await call(`/api/rooms/${code}/players`, { name: 'Ana' })).json!.token!, (await call(`/api/rooms/${code}/players`, { name: 'Ben' })).json!.token!];
    const third = await call(`/api/rooms/${code}/players`, { name: 'Chris' });
    expect(third).toMatchObject({ status: 429, json: { error: 'Too many names joined from this address: wait a minute and try again' } });
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);

    await call(`/api/rooms/${code}/start`, { mode: 'vote' }, key);
    for (let i = 0; i < 3; i++) expect((await call(`/api/rooms/${code}/votes`, { player: 'Ana', choice: 1 + (i % 2), token: tokens[0] })).status).toBe(200);
    expect(await call(`/api/rooms/${code}/votes`, { player: 'Ana', choice: 1, token: tokens[0] })).toMatchObject({ status: 429, json: { error: 'Too many votes or replies from this address: wait a few seconds and try again' } });
    for (let i = 0; i < 10; i++) expect((await call(`/api/rooms/${code}/counts`, { choice: 1, count: i }, key)).status).toBe(200);

    // Guessing room codes: two misses, then even the right code waits.
    expect((await call('/api/rooms/AAAAAA')).status).toBe(404);
    expect((await call('/api/rooms/BBBBBB')).status).toBe(404);
    expect(await call('/api/rooms/CCCCCC')).toMatchObject({ status: 429, json: { error: 'Too many tries at room codes from this address: wait a minute, then check the code on the shared screen' } });
    expect((await call(`/api/rooms/${code}`)).status).toBe(429);
  });

  it('caps live connections per address, and closes one that talks back', async () => {
    const { base, code } = await start(undefined, { limits: { socketsPerAddress: 2 } });
    const url = `${base.replace('http', 'ws')}/api/rooms/${code}/live`;
    const open = () => new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => resolve(socket));
      socket.once('unexpected-response', (_req, res) => reject(new Error(String(res.statusCode))));
    });
    const [first, second] = [await open(), await open()];
    await expect(open()).rejects.toThrow('429');
    const closed = new Promise<number>((resolve) => first.once('close', resolve));
    first.send('hello');
    expect(await closed).toBe(1008);
    second.close();
  });
});

describe('requests for another site (DNS rebinding)', () => {
  it('answers 421 to a Host that is not this server\'s, on the site, the API and live connections', async () => {
    const { server, code } = await start();
    const port = server.address.port;
    const rebound = `Host: attacker.example:${port}\r\nOrigin: http://attacker.example:${port}`;
    expect(await sendRaw(port, Buffer.from(`GET /api/rooms/${code} HTTP/1.1\r\n${rebound}\r\n\r\n`))).toEqual({ status: 421 });
    expect(await sendRaw(port, Buffer.from(`GET / HTTP/1.1\r\n${rebound}\r\n\r\n`))).toEqual({ status: 421 });
    expect(await sendRaw(port, Buffer.from(`GET /api/rooms/${code}/live HTTP/1.1\r\n${rebound}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`))).toEqual({ status: 421 });
    expect(await sendRaw(port, Buffer.from(`GET /api/rooms/${code} HTTP/1.1\r\nHost: localhost:${port}\r\n\r\n`))).toEqual({ status: 200 });
  });

  it('takes its public address with the default port written out, as some clients send it, and nothing like it', async () => {
    const { server, code } = await start(undefined, { publicUrl: 'https://rooms.example.org' });
    const port = server.address.port;
    for (const host of ['rooms.example.org', 'ROOMS.example.org:443']) expect(await sendRaw(port, Buffer.from(`GET /api/rooms/${code} HTTP/1.1\r\nHost: ${host}\r\n\r\n`))).toEqual({ status: 200 });
    for (const host of ['rooms.example.org:80', 'rooms.example.org:8443', 'rooms.example.org.evil.example']) expect(await sendRaw(port, Buffer.from(`GET /api/rooms/${code} HTTP/1.1\r\nHost: ${host}\r\n\r\n`))).toEqual({ status: 421 });
  });

  it('sends a Content-Security-Policy that loads, sends and frames nothing from elsewhere, and refuses JSON look-alikes', async () => {
    const { base, call, code } = await start();
    for (const path of ['/', `/api/rooms/${code}`]) expect((await fetch(`${base}${path}`)).headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).toContain("img-src 'self' data:");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    const patch = await fetch(`${base}/api/rooms/${code}/players`, { method: 'POST', headers: { 'content-type': 'application/json-patch+json' }, body: '{"name": "Ana"}' });
    expect(patch.status).toBe(415);
    expect((await call(`/api/rooms/${code}`)).json!.players).toEqual([]);
  });
});

describe('what the server confirms is on disk', () => {
  it('answers a change only once the room file holds it, however many come at once', async () => {
    const { base, call, code, key, roomsDir } = await start(undefined, { limits: { joins: { burst: 1000, perSecond: 1000 } } });
    await call(`/api/rooms/${code}/settings`, { playerLimit: 200 }, key);
    const onDisk = () => JSON.parse(readFileSync(join(roomsDir, `${code}.json`), 'utf8')).room.players as string[];
    const joins = Array.from({ length: 120 }, async (_, i) => {
      const response = await fetch(`${base}/api/rooms/${code}/players`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Player ${i}` }) });
      expect(response.status).toBe(200);
      // Read the moment the answer arrives: the file already has this player.
      expect(onDisk()).toContain(`Player ${i}`);
    });
    await Promise.all(joins);
    expect(readdirSync(roomsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('never writes an older state over a newer one: a revision on every write', async () => {
    const { call, code, key, roomsDir } = await start();
    await call(`/api/rooms/${code}/players`, { name: 'Ana' });
    const path = join(roomsDir, `${code}.json`);
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    expect(saved.revision).toBe(2);
    // Something else wrote a newer revision of the room (the trial: a second server on the folder).
    writeFileSync(path, JSON.stringify({ ...saved, revision: 9, room: { ...saved.room, players: ['Ana', 'Ben'] } }));
    const refused = await call(`/api/rooms/${code}/start`, { mode: 'vote' }, key);
    expect(refused).toMatchObject({ status: 503, json: { error: expect.stringContaining('the file holds revision 9 of the room, newer than this server\'s 3: another server has written it') } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ revision: 9, room: { players: ['Ana', 'Ben'] } });
  });

  it('answers 503 when a save fails, shows it on every screen at once, and clears it when saving works again', async () => {
    const { base, call, code, key, roomsDir, warnings } = await start();
    const live: RoomView[] = [];
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/rooms/${code}/live`);
    socket.on('message', (data) => live.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));

    // The folder goes away and a file takes its place: every write fails (as root, chmod would not).
    rmSync(roomsDir, { recursive: true });
    writeFileSync(roomsDir, 'not a folder');
    const failed = await call(`/api/rooms/${code}/players`, { name: 'Ana' });
    expect(failed.status).toBe(503);
    expect(failed.json!.error).toMatch(/^This room could not be saved in .+ \(.+\): changes since then would be lost if the server stopped\. Free some space or fix the folder's permissions; the next change saves everything\.$/);
    expect((await call(`/api/rooms/${code}`)).json!.problems).toEqual([failed.json!.error]);
    await expect.poll(() => live.at(-1)?.problems).toEqual([failed.json!.error]);
    await call(`/api/rooms/${code}/players`, { name: 'Ben' });
    expect(warnings.filter((line) => line.includes('could not be saved'))).toHaveLength(1);

    rmSync(roomsDir);
    mkdirSync(roomsDir);
    expect(await call(`/api/rooms/${code}/start`, { mode: 'vote' }, key)).toMatchObject({ status: 200, json: { problems: [] } });
    expect(JSON.parse(readFileSync(join(roomsDir, `${code}.json`), 'utf8')).room.players).toEqual(['Ana', 'Ben']);
    socket.close();
  });

  it('refuses to start when the rooms folder cannot be written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'rooms-')), 'a-file');
    writeFileSync(file, '');
    await expect(start(join(file, 'rooms'))).rejects.toThrow(/ENOTDIR/);
  });
});

describe('the rooms folder', () => {
  it('is kept by one server at a time; a lock left by a killed server is taken over', async () => {
    const { roomsDir } = await start();
    await expect(start(roomsDir)).rejects.toThrow(RoomsFolderInUse);
    await expect(start(roomsDir)).rejects.toThrow(`another coach group (process ${process.pid}) is using the rooms folder ${roomsDir}: stop it first, or pass another folder with --rooms-dir`);
    await Promise.all(servers.map((server) => server.close()));
    servers = [];
    // A process id that is not running, as after a SIGKILL.
    writeFileSync(join(roomsDir, '.lock'), '2147483646\n');
    expect((await start(roomsDir)).server.resumed).toBe(1);
  });

  it('removes temporary files a crash left, and closes rooms nobody has used for two weeks', async () => {
    const first = await start();
    await closeServer(first.server);
    writeFileSync(join(first.roomsDir, `${first.code}.json.12345.tmp`), '{"half": ');
    const file = JSON.parse(readFileSync(join(first.roomsDir, `${first.code}.json`), 'utf8'));
    writeFileSync(join(first.roomsDir, 'OLDONE.json'), JSON.stringify({ ...file, code: 'OLDONE', updatedAt: '2020-01-01T00:00:00.000Z' }));
    const second = await start(first.roomsDir);
    expect([...second.server.rooms.keys()].sort()).toEqual([first.code, second.code].sort());
    expect(second.warnings).toContain(`Room OLDONE was closed: nobody has used it since 2020-01-01. Its file is in ${join(first.roomsDir, 'closed')}`);
    expect(readdirSync(first.roomsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(join(first.roomsDir, 'closed'))).toEqual(['OLDONE.json']);
  });
});

describe('a room whose scenario was edited while it was saved', () => {
  it('resumes with the votes that no longer fit set aside, tells the facilitator, and serves phones (the audit: 500, then a crash)', async () => {
    const first = await start();
    const { code, key } = first;
    const tokens = [(await first.call(`/api/rooms/${code}/players`, { name: 'Ana' })).json!.token!, (await first.call(`/api/rooms/${code}/players`, { name: 'Ben' })).json!.token!];
    await first.call(`/api/rooms/${code}/start`, { mode: 'vote' }, key);
    await first.call(`/api/rooms/${code}/votes`, { player: 'Ana', choice: 2, token: tokens[0] });
    await first.call(`/api/rooms/${code}/votes`, { player: 'Ben', choice: 2, token: tokens[1] });
    await closeServer(first.server);

    // The trainer takes out the option both voted for, as in the audit's edit-test.
    const edited = { ...scenario, nodes: scenario.nodes.map((node) => (node.id === 'hello' && node.kind === 'choice' ? { ...node, choices: node.choices.filter((choice) => choice.code.name !== 'Confront') } : node)) };
    const editedLoaded = { scenario: edited, machine: compileScenario(edited) };
    const second = await start(first.roomsDir, { loadScenario: async () => editedLoaded });
    const view = await second.call(`/api/rooms/${code}`);
    const setAside = 'The scenario changed while the room was saved: 2 votes at step 1 were for options the scenario has changed since, so they were set aside: ask the group to vote again.';
    expect(view).toMatchObject({ status: 200, json: { phase: 'voting', voters: {}, problems: [setAside] } });
    expect(second.warnings).toContain(`Room ${code}: ${setAside}`);
    const socket = new WebSocket(`${second.base.replace('http', 'ws')}/api/rooms/${code}/live`);
    const first_message = await new Promise<RoomView>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    expect(first_message.problems).toEqual([setAside]);
    socket.close();
    // The file is mended too: a third start says nothing more.
    await closeServer(second.server);
    renameSync(join(first.roomsDir, `${second.code}.json`), join(first.roomsDir, `${second.code}.json.done`));
    const third = await start(first.roomsDir, { loadScenario: async () => editedLoaded });
    expect((await third.call(`/api/rooms/${code}`)).json!.problems).toEqual([]);
  });
});

describe('addresses', () => {
  it('calls only private and link-local networks private, so a public one is never picked or called "local network" by itself', () => {
    for (const address of ['10.0.0.5', '172.16.0.1', '172.31.255.255', '192.168.1.20', '169.254.10.1', 'fd12::1', 'fe80::1']) expect(isPrivate(address)).toBe(true);
    for (const address of ['192.0.2.2', '8.8.8.8', '100.64.0.1', '172.32.0.1', '2001:db8::1']) expect(isPrivate(address)).toBe(false);
  });

  it('takes as Host only the address it listens on, its loopback names and this computer\'s name, with the port', () => {
    const loopback = ownHostValues('127.0.0.1', 4450);
    for (const host of ['127.0.0.1:4450', 'localhost:4450', '[::1]:4450', `${hostname().toLowerCase()}:4450`]) expect(loopback.has(host)).toBe(true);
    for (const host of ['127.0.0.1', '127.0.0.1:80', 'attacker.example:4450', '10.0.0.5:4450']) expect(loopback.has(host)).toBe(false);
    expect(ownHostValues('10.0.0.5', 80).has('10.0.0.5')).toBe(true);
  });
});
