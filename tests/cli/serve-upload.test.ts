/**
 * A room for a scenario file the organiser uploads (issue 18, item 9): real `coach serve`
 * processes, on their own folder of rooms and on a real Redis shared by two. The file is checked by
 * the same engine as the browser's, refused with each problem and its line, or played to an ending
 * through the API; it is kept with the room (resumed by a restart and by the other process), never
 * in scenarios/, and only whoever has the room's code can read it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomView } from '../../src/rooms/view.ts';
import { firstLineOf, freePort, startRedis, startServe, type RunningServer } from '../servers.ts';

const passphrase = 'a kettle, two mugs and a window';
const garden = readFileSync(new URL('../browser/fixtures/garden-centre-with-sam.md', import.meta.url), 'utf8');
const fileName = 'Garden centre with Sam (1).md';
let site: string;
let redis: RunningServer | undefined;
const servers: RunningServer[] = [];

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Course</title>');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop('SIGKILL')));
  await redis?.stop();
});

async function serve(...more: string[]): Promise<RunningServer> {
  const server = await startServe(['--site', site, ...more], passphrase);
  servers.push(server);
  return server;
}

type Json = Omit<Partial<RoomView>, 'problems'> & {
  error?: string;
  token?: string;
  code?: string;
  key?: string;
  facilitator?: string;
  join?: string;
  fileName?: string;
  markdown?: string;
  scenario?: { id: string; meta: { title: string } };
  problems?: Array<{ severity: string; start: { line: number; column: number }; reason: string; ruleId: string }>;
};

async function call(server: RunningServer, path: string, options: { body?: unknown; bearer?: string; raw?: string } = {}): Promise<{ status: number; json: Json | undefined }> {
  const post = options.body !== undefined || options.raw !== undefined;
  const response = await fetch(`${server.url}${path}`, {
    method: post ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}) },
    ...(post ? { body: options.raw ?? JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as Json | undefined };
}

/** Sends a file as the organiser's page does; `null` sends no passphrase. */
const upload = (server: RunningServer, markdown: string, bearer: string | null = passphrase) => call(server, '/api/rooms', { body: { markdown, fileName }, ...(bearer ? { bearer } : {}) });

/**
 * Plays the room to its ending through the API: a phone joins (on `phoneServer`) and votes for the
 * first option at every step, and the facilitator (on `screenServer`) reveals and moves on.
 */
async function playToEnding(phoneServer: RunningServer, screenServer: RunningServer, code: string, key: string): Promise<Json> {
  const joined = await call(phoneServer, `/api/rooms/${code}/players`, { body: { name: 'Ana' } });
  expect(joined.status).toBe(200);
  expect(await call(screenServer, `/api/rooms/${code}/start`, { body: { mode: 'vote' }, bearer: key })).toMatchObject({ status: 200 });
  for (let step = 0; step < 10; step++) {
    const view = (await call(phoneServer, `/api/rooms/${code}`)).json!;
    if (view.phase === 'ended') return view;
    if (view.phase === 'voting') expect(await call(phoneServer, `/api/rooms/${code}/votes`, { body: { player: 'Ana', choice: 1, token: joined.json!.token } })).toMatchObject({ status: 200 });
    expect(await call(screenServer, `/api/rooms/${code}/advance`, { body: { from: view.phase }, bearer: key })).toMatchObject({ status: 200 });
  }
  throw new Error('The room never reached an ending');
}

describe('coach serve with its own folder of rooms: an uploaded scenario file', () => {
  it('opens a room only with the organiser passphrase', async () => {
    const server = await serve('--rooms-dir', mkdtempSync(join(tmpdir(), 'rooms-')));
    expect(await upload(server, garden, null)).toMatchObject({ status: 401, json: { error: expect.stringContaining('organiser passphrase') } });
    expect(await upload(server, garden, 'a guess of some length')).toMatchObject({ status: 403 });
  });

  it('refuses a file with errors, saying each one with its line, and opens no room', async () => {
    const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
    const server = await serve('--rooms-dir', roomsDir);
    const broken = garden.replace('-> draws', '-> nowhere');
    const line = broken.split('\n').findIndex((text) => text.includes('-> nowhere')) + 1;
    const refused = await upload(server, broken);
    expect(refused.status).toBe(400);
    expect(refused.json!.error).toMatch(/^`Garden centre with Sam \(1\)\.md` has an error, so no room was opened:\n- line \d+, column \d+: /);
    expect(refused.json!.error).toContain(`- line ${line}, column`);
    expect(refused.json!.error).toContain('nowhere');
    expect(refused.json!.error).toContain('Fix the file');
    expect(refused.json!.problems!.filter((problem) => problem.severity === 'error')).toEqual([expect.objectContaining({ start: { line, column: expect.any(Number) }, reason: expect.stringContaining('nowhere') })]);
    // Not a scenario at all: said in words too.
    const notOne = await upload(server, 'Dear all,\n\nSee you on Tuesday.\n');
    expect(notOne.status).toBe(400);
    expect(notOne.json!.error).toMatch(/- line 1, column 1: /);
    expect(readdirSync(roomsDir).filter((name) => name.endsWith('.json'))).toEqual([]);
  });

  it('refuses a file over 200 KB with 413, in words', async () => {
    const server = await serve('--rooms-dir', mkdtempSync(join(tmpdir(), 'rooms-')));
    const large = `${garden}\n<!-- ${'padding '.repeat(26_000)} -->\n`;
    expect(await upload(server, large)).toMatchObject({ status: 413, json: { error: expect.stringMatching(/^`Garden centre with Sam \(1\)\.md` is 2\d\d KB: a scenario file may be at most 200 KB here/) } });
    // A request far larger than any file could make is refused before it is read whole.
    const huge = await call(server, '/api/rooms', { raw: JSON.stringify({ markdown: 'x'.repeat(700_000), fileName }), bearer: passphrase });
    expect(huge).toMatchObject({ status: 413, json: { error: expect.stringContaining('may be at most 200 KB') } });
    // Without the passphrase, nobody may send that much: 401 comes first.
    expect(await upload(server, large, null)).toMatchObject({ status: 401 });
  });

  it('opens a room for a valid file, plays it to its ending through the API, and a restart resumes it from the room alone', { timeout: 60_000 }, async () => {
    const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
    let server = await serve('--rooms-dir', roomsDir);
    const opened = await upload(server, garden);
    expect(opened.status).toBe(201);
    const { code, key } = opened.json as { code: string; key: string };
    // The facilitator's screen fetches the scenario from the room: the course has no page for it.
    expect(opened.json!.facilitator).toBe(`${server.url}/rooms/play/?room=${code}#key=${key}`);
    expect(opened.json!.join).toBe(`${server.url}/join/?code=${code}`);
    const view = (await call(server, `/api/rooms/${code}`)).json!;
    expect(view).toMatchObject({ uploaded: true, scenario: { id: 'garden-centre-with-sam', title: 'The garden centre with Sam' } });

    const scenario = await call(server, `/api/rooms/${code}/scenario`);
    expect(scenario).toMatchObject({ status: 200, json: { fileName, markdown: garden, scenario: { id: 'garden-centre-with-sam', meta: { title: 'The garden centre with Sam' } } } });
    // Kept with the room, nowhere else: not in scenarios/, and not without the room's code.
    expect(existsSync(join('scenarios', 'garden-centre-with-sam.md'))).toBe(false);
    expect(await call(server, '/api/rooms/ZZZZZZ/scenario')).toMatchObject({ status: 404 });
    expect(JSON.parse(readFileSync(join(roomsDir, `${code}.json`), 'utf8'))).toMatchObject({ upload: { fileName, markdown: garden } });

    // The server restarts mid-room: the room and its scenario come back from the room's file.
    const joined = await call(server, `/api/rooms/${code}/players`, { body: { name: 'Ben' } });
    expect(joined.status).toBe(200);
    await server.stop();
    server = await serve('--rooms-dir', roomsDir);
    expect((await call(server, `/api/rooms/${code}`)).json).toMatchObject({ uploaded: true, players: ['Ben'] });
    expect(await call(server, `/api/rooms/${code}/scenario`)).toMatchObject({ status: 200, json: { markdown: garden } });

    const ended = await playToEnding(server, server, code, key);
    expect(ended).toMatchObject({ phase: 'ended', ending: { id: 'good', outcome: 'positive' }, step: 3 });
  });
});

describe('coach serve on Redis, two processes: an uploaded scenario file', () => {
  it('is resumed by the other process from the store alone, and plays to its ending across both', { timeout: 60_000 }, async () => {
    redis = await startRedis();
    const [first, second] = [await serve('--redis', redis.url), await serve('--redis', redis.url)];
    const opened = await upload(first, garden);
    expect(opened.status).toBe(201);
    const { code, key } = opened.json as { code: string; key: string };
    // The second process never saw the upload: it reads the room, and its file, from Redis.
    expect(await call(second, `/api/rooms/${code}/scenario`)).toMatchObject({ status: 200, json: { fileName, markdown: garden } });
    const ended = await playToEnding(second, first, code, key);
    expect(ended).toMatchObject({ phase: 'ended', uploaded: true, ending: { id: 'good', outcome: 'positive' } });
    // A refused file is refused by either process in the same words.
    const broken = garden.replace('-> draws', '-> nowhere');
    const [one, two] = [await upload(first, broken), await upload(second, broken)];
    expect(one.status).toBe(400);
    expect(two.json!.error).toBe(one.json!.error);
  });
});

describe('coach group with a file from outside scenarios/', () => {
  /** `coach group <file> --json` as a facilitator starts it; resolves with the JSON line and a way to stop it as Ctrl+C would. */
  async function group(path: string, roomsDir: string, port: number): Promise<{ room: { facilitator: string; code: string; key: string }; stop: () => Promise<number | null> }> {
    const child = spawn(process.execPath, ['bin/coach.mjs', 'group', path, '--host', '127.0.0.1', '--port', String(port), '--rooms-dir', roomsDir, '--json'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const line = await firstLineOf(child, 'coach group');
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    return { room: JSON.parse(line), stop: () => (child.kill('SIGTERM'), exited) };
  }

  it('keeps the file with its room: the screen fetches it from the room, and a restart carries the room on', { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), 'files-'));
    const path = join(folder, 'Garden centre with Sam.md');
    writeFileSync(path, garden);
    const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
    const port = await freePort();
    const first = await group(path, roomsDir, port);
    const base = `http://127.0.0.1:${port}`;
    expect(first.room.facilitator).toBe(`${base}/rooms/play/?room=${first.room.code}#key=${first.room.key}`);
    const server = { url: base } as RunningServer;
    expect(await call(server, `/api/rooms/${first.room.code}/scenario`)).toMatchObject({ status: 200, json: { fileName: 'Garden centre with Sam.md', markdown: garden } });
    expect(await first.stop()).toBe(0);

    const again = await group(path, roomsDir, port);
    expect(again.room.code).toBe(first.room.code);
    expect((await call(server, `/api/rooms/${again.room.code}`)).json).toMatchObject({ uploaded: true, scenario: { title: 'The garden centre with Sam' } });
    expect(await again.stop()).toBe(0);
  });
});
