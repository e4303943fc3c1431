/**
 * The room server's JSON API over real HTTP on a random port, as phones and scripts use it: the
 * status codes and reasons, one vote per player, the facilitator's key, live updates over
 * WebSocket, and rooms that survive a restart of the server.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { maxBodyBytes, startRoomServer, type RoomServer } from '../../cli/commands/group/server.ts';
import { compileScenario } from '../../src/engine/compile.ts';
import { roomActions } from '../../src/rooms/api.ts';
import type { RoomView } from '../../src/rooms/view.ts';
import { lintText, readFixture } from '../helpers.ts';
import { coach } from './run-coach.ts';

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;
const loaded = { scenario, machine: compileScenario(scenario) };

let servers: RoomServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start(roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'))) {
  const siteDir = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Course</title>');
  writeFileSync(join(siteDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  const warnings: string[] = [];
  const server = await startRoomServer({ host: '127.0.0.1', port: 0, siteDir, roomsDir, loadScenario: async (id) => (id === scenario.id ? loaded : undefined), warn: (line) => warnings.push(line) });
  servers.push(server);
  const base = `http://127.0.0.1:${server.address.port}`;
  const call = async (path: string, init: { method?: string; body?: unknown; key?: string; raw?: string; type?: string } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: init.method ?? (init.body !== undefined || init.raw !== undefined ? 'POST' : 'GET'),
      headers: { 'content-type': init.type ?? 'application/json', ...(init.key ? { authorization: `Bearer ${init.key}` } : {}) },
      ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: response.status, json: (await response.json().catch(() => undefined)) as (RoomView & { error?: string; token?: string }) | undefined, headers: response.headers };
  };
  /** A phone joins under a name and keeps the token the room gives it. */
  const joinAs = async (code: string, name: string) => (await call(`/api/rooms/${code}/players`, { body: { name } })).json!.token!;
  /** A phone votes under its name with its token. */
  const voteAs = (code: string, player: string, choice: unknown, token: string) => call(`/api/rooms/${code}/votes`, { body: { player, choice, token } });
  return { server, base, call, joinAs, voteAs, roomsDir, warnings };
}

describe('the room API', () => {
  it('answers 404 for an unknown room, and serves the course beside the API', async () => {
    const { call, base } = await start();
    expect(await call('/api/rooms/NOPE')).toMatchObject({ status: 404, json: { error: 'There is no room NOPE on this server: check the code on the shared screen' } });
    expect(await call('/api/rooms/NOPE/votes', { body: { player: 'Ana', choice: 1 } })).toMatchObject({ status: 404 });
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>Course</title>');
  });

  it('serves the offline worker with no-cache, so a browser sees a new version of the course at once', async () => {
    const { base } = await start();
    const worker = await fetch(`${base}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('refuses bad JSON, a choice not offered, a wrong content type and an oversized body, with a reason', async () => {
    const { server, call, joinAs, voteAs } = await start();
    const { code, key } = await server.openRoom(loaded);
    const ana = await joinAs(code, 'Ana');
    await call(`/api/rooms/${code}/start`, { body: { mode: 'vote' }, key });
    expect(await call(`/api/rooms/${code}/votes`, { raw: '{"player": "Ana", "choice": ' })).toMatchObject({ status: 400, json: { error: 'Unexpected body that is not JSON, expected a JSON object such as {"player": "Ana", "choice": 2, "token": "<from joining>"}' } });
    expect(await call(`/api/rooms/${code}/players`, { raw: 'Ana' })).toMatchObject({ status: 400, json: { error: 'Unexpected body that is not JSON, expected a JSON object such as {"name": "Ana"}' } });
    expect(await voteAs(code, 'Ana', 3, ana)).toMatchObject({ status: 400, json: { error: 'There is no choice 3 at this step: the choices offered are 1 to 2' } });
    expect(await voteAs(code, 'Ana', 'two', ana)).toMatchObject({ status: 400, json: { error: 'Unexpected `choice`, expected a whole number from 1' } });
    expect(await call(`/api/rooms/${code}/votes`, { raw: 'player=Ana&choice=1', type: 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415 });
    const big = await call(`/api/rooms/${code}/votes`, { body: { player: 'Ana', choice: 1, padding: 'x'.repeat(maxBodyBytes) } });
    expect(big).toMatchObject({ status: 400, json: { error: expect.stringMatching(new RegExp(`^Unexpected body of \\d+ bytes, expected at most ${maxBodyBytes}$`)) } });
    expect(await call(`/api/rooms/${code}/dance`, { body: {} })).toMatchObject({ status: 404 });
  });

  it('keeps one vote per player per step: voting again replaces it', async () => {
    const { server, call, joinAs, voteAs } = await start();
    const { code, key } = await server.openRoom(loaded);
    const [ana, ben] = [await joinAs(code, 'Ana'), await joinAs(code, 'Ben')];
    await call(`/api/rooms/${code}/start`, { body: { mode: 'vote', liveCounts: true }, key });
    await voteAs(code, 'Ana', 1, ana);
    await voteAs(code, 'Ben', 1, ben);
    const again = await voteAs(code, 'Ana', 2, ana);
    expect(again).toMatchObject({ status: 200, json: { votes: { 1: 1, 2: 1 }, voted: ['Ana', 'Ben'], voters: {}, players: ['Ana', 'Ben'] } });
    expect((await call(`/api/rooms/${code}`)).json).toMatchObject({ node: 'hello', offered: [{ number: 1, says: 'Twenty minutes is what you have.' }, { number: 2 }], votes: { 1: 1, 2: 1 } });

    // The facilitator, and only the facilitator, takes a name out, with its vote.
    expect(await call(`/api/rooms/${code}/leave`, { body: { name: 'Ana' } })).toMatchObject({ status: 401 });
    expect(await call(`/api/rooms/${code}/leave`, { body: { name: 'Ana' }, key })).toMatchObject({ status: 200, json: { votes: { 1: 1, 2: 0 }, players: ['Ben'] } });
    expect(await call(`/api/rooms/${code}/leave`, { body: { name: 'Ana' }, key })).toMatchObject({ status: 400, json: { error: 'There is nobody called Ana in the room' } });
  });

  it('keeps one player per phone: a phone in the room cannot join again under another name (a rename racing a rejoin had left a ghost)', async () => {
    const { server, call, joinAs } = await start();
    const { code } = await server.openRoom(loaded);
    const token = await joinAs(code, 'Sam 2');
    expect((await call(`/api/rooms/${code}/rename`, { body: { from: 'Sam 2', to: 'Samira', token } })).status).toBe(200);
    expect(await call(`/api/rooms/${code}/players`, { body: { name: 'Sam 2', token } })).toMatchObject({ status: 409, json: { error: 'This phone is in the room already, as Samira: change that name instead of joining again' } });
    expect((await call(`/api/rooms/${code}`)).json!.players).toEqual(['Samira']);
    // Another phone, with no token, joins as ever.
    expect((await call(`/api/rooms/${code}/players`, { body: { name: 'Sam 2' } })).status).toBe(200);
  });

  it('refuses to move on without the key (401) or with a wrong one (403), and moves on with it', async () => {
    const { server, call, joinAs, voteAs } = await start();
    const { code, key } = await server.openRoom(loaded);
    const noKey = await call(`/api/rooms/${code}/advance`, { body: {} });
    expect(noKey).toMatchObject({ status: 401, json: { error: '`advance` is for the facilitator: send the room\'s key as `Authorization: Bearer <key>`' } });
    expect(noKey.headers.get('www-authenticate')).toBe('Bearer realm="room"');
    expect(await call(`/api/rooms/${code}/advance`, { body: {}, key: 'not-the-key' })).toMatchObject({ status: 403 });
    expect(await call(`/api/rooms/${code}/advance`, { body: {}, key })).toMatchObject({ status: 409, json: { error: 'The room has not started yet: start it first' } });
    const ana = await joinAs(code, 'Ana');
    await call(`/api/rooms/${code}/start`, { body: { mode: 'vote' }, key });
    await voteAs(code, 'Ana', 1, ana);
    expect(await call(`/api/rooms/${code}/advance`, { body: {}, key })).toMatchObject({ status: 200, json: { phase: 'revealed', decision: { choice: 1, by: 'majority', code: 'Simple reflection' } } });
    expect(await call(`/api/rooms/${code}/advance`, { key, method: 'POST' })).toMatchObject({ status: 200, json: { phase: 'voting', node: 'listens' } });
    expect(await call(`/api/rooms/${code}/undo`, { body: {}, key })).toMatchObject({ status: 200, json: { phase: 'voting', node: 'hello', voted: ['Ana'] } });
    expect(await call(`/api/rooms/${code}/restart`, { body: {}, key })).toMatchObject({ status: 200, json: { step: 1, voted: [] } });
  });

  it('takes typed replies by a phone\'s own id, counts them without their words, and shows them, without names, when the facilitator does', async () => {
    const { server, call, joinAs } = await start();
    const { code, key } = await server.openRoom(loaded);
    const [ana, ben] = ['k3v9Qx7LmT2wZp8R', 'Zq81-bn_0PlmX4ce'];
    const tokens = { [ana]: await joinAs(code, 'Ana'), [ben]: await joinAs(code, 'Ben') };
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: ana, text: 'Hello', token: tokens[ana] } })).toMatchObject({
      status: 409,
      json: { error: 'Replies are typed only while the group pauses to say it their way, and now the room is still being set up' },
    });
    await call(`/api/rooms/${code}/start`, { body: { mode: 'vote', sayItYourWay: true }, key });

    // Only a phone that joined may add a reply: anyone else with the code would fill the slots with junk.
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: 'junk1', text: 'Buy now' } })).toMatchObject({ status: 403, json: { error: 'Only a phone that has joined the room can send a reply: join with your name first (a reply carries the token the room gave on joining)' } });
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: 'junk2', text: 'Buy now', token: 'A'.repeat(24) } })).toMatchObject({ status: 403 });

    expect(await call(`/api/rooms/${code}/replies`, { body: { player: ana, text: 'First try', token: tokens[ana] } })).toMatchObject({ status: 200, json: { phase: 'saying', typedReplies: true, replies: { count: 1, shown: false, texts: [] } } });
    // A phone replaces its own reply; another phone adds one.
    await call(`/api/rooms/${code}/replies`, { body: { player: ana, text: 'What would make these twenty minutes worth it?', token: tokens[ana] } });
    const two = await call(`/api/rooms/${code}/replies`, { body: { player: ben, text: 'Do you want to skip today?', token: tokens[ben] } });
    expect(two.json!.replies).toEqual({ count: 2, shown: false, texts: [] });
    const hidden = JSON.stringify((await call(`/api/rooms/${code}`)).json);
    for (const secret of [ana, ben, 'twenty minutes worth it', 'skip today']) expect(hidden).not.toContain(secret);

    // A phone reads its own reply back by its id (after a reload, say); nobody else's.
    expect(await call(`/api/rooms/${code}/replies/${ana}`)).toMatchObject({ status: 200, json: { step: 1, text: 'What would make these twenty minutes worth it?', shown: false } });
    expect(await call(`/api/rooms/${code}/replies/someone-else`)).toMatchObject({ status: 200, json: { step: 1, text: null } });
    expect(await call(`/api/rooms/${code}/replies/${ana}`, { body: {} })).toMatchObject({ status: 405 });

    // Checked at the edge: an id, not a name; at most 1,000 characters.
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: 'Ana Smith', text: 'Hi', token: tokens[ana] } })).toMatchObject({ status: 400, json: { error: 'Unexpected `player`, expected a player id of 1 to 64 letters, digits, - or _' } });
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: ana, text: 'é'.repeat(1001), token: tokens[ana] } })).toMatchObject({ status: 400, json: { error: 'Unexpected `text`, expected a reply of at most 1000 characters' } });
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: ana, text: 'é'.repeat(1000), token: tokens[ana] } })).toMatchObject({ status: 200 });
    await call(`/api/rooms/${code}/replies`, { body: { player: ana, text: 'What would make these twenty minutes worth it?', token: tokens[ana] } });

    // Only the facilitator shows them; then they cannot change.
    expect(await call(`/api/rooms/${code}/reveal`, { body: {} })).toMatchObject({ status: 401 });
    const shown = await call(`/api/rooms/${code}/reveal`, { body: {}, key });
    expect(shown).toMatchObject({ status: 200, json: { phase: 'saying', replies: { count: 2, shown: true } } });
    expect([...shown.json!.replies.texts].sort()).toEqual(['Do you want to skip today?', 'What would make these twenty minutes worth it?']);
    expect(JSON.stringify(shown.json)).not.toContain(ana);
    expect(await call(`/api/rooms/${code}/replies`, { body: { player: ben, text: 'Changed my mind', token: tokens[ben] } })).toMatchObject({ status: 409, json: { error: 'The replies have been shown: they cannot change now' } });
    expect(await call(`/api/rooms/${code}/advance`, { body: {}, key })).toMatchObject({ status: 200, json: { phase: 'voting', replies: { count: 2, shown: true } } });

    // The facilitator turns typed replies off (and on) during the run.
    expect(await call(`/api/rooms/${code}/settings`, { body: { typedReplies: false } })).toMatchObject({ status: 401 });
    expect(await call(`/api/rooms/${code}/settings`, { body: { typedReplies: 'no' }, key })).toMatchObject({ status: 400, json: { error: 'Unexpected `typedReplies`, expected true or false' } });
    expect(await call(`/api/rooms/${code}/settings`, { body: { typedReplies: false }, key })).toMatchObject({ status: 200, json: { typedReplies: false } });
  });

  it('keeps a phone\'s typed reply through a restart of the server', async () => {
    const first = await start();
    const { code, key } = await first.server.openRoom(loaded);
    const token = (await first.call(`/api/rooms/${code}/players`, { body: { name: 'Ana' } })).json!.token!;
    await first.call(`/api/rooms/${code}/start`, { body: { mode: 'hot-seat' }, key });
    await first.call(`/api/rooms/${code}/replies`, { body: { player: 'k3v9Qx7LmT2wZp8R', text: 'What would help most today?', token } });
    await first.server.close();
    servers = servers.filter((server) => server !== first.server);
    const saved = JSON.parse(readFileSync(join(first.roomsDir, `${code}.json`), 'utf8'));
    expect(saved.room).toMatchObject({ phase: 'saying', replies: { k3v9Qx7LmT2wZp8R: 'What would help most today?' }, repliesShown: false });

    const second = await start(first.roomsDir);
    expect((await second.call(`/api/rooms/${code}`)).json).toMatchObject({ phase: 'saying', replies: { count: 1, shown: false } });
    expect((await second.call(`/api/rooms/${code}/replies/k3v9Qx7LmT2wZp8R`)).json).toEqual({ step: 1, text: 'What would help most today?', shown: false });
  });

  it('sends the room whole to live listeners on connect and on every change', async () => {
    const { server, base, call } = await start();
    const { code, key } = await server.openRoom(loaded);
    const socket = new WebSocket(`${base.replace('http', 'ws')}/api/rooms/${code}/live`);
    const messages: RoomView[] = [];
    const arrived = (count: number) => new Promise<void>((resolve) => {
      const check = () => (messages.length >= count ? resolve() : setTimeout(check, 10));
      check();
    });
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await arrived(1);
    expect(messages[0]).toMatchObject({ phase: 'setup' });
    await call(`/api/rooms/${code}/players`, { body: { name: 'Ana' } });
    await call(`/api/rooms/${code}/start`, { body: { mode: 'hot-seat' }, key });
    await arrived(3);
    expect(messages[2]).toMatchObject({ phase: 'saying', hotSeat: 'Ana', players: ['Ana'] });
    socket.close();
    const refused = new WebSocket(`${base.replace('http', 'ws')}/api/rooms/NOPE/live`);
    await new Promise((resolve) => refused.on('error', resolve));
  });

  it('saves every change and resumes the room when the server starts again', async () => {
    const first = await start();
    const { code, key } = await first.server.openRoom(loaded);
    const ana = await first.joinAs(code, 'Ana');
    await first.call(`/api/rooms/${code}/start`, { body: { mode: 'vote' }, key });
    await first.voteAs(code, 'Ana', 2, ana);
    await first.server.close();
    servers = servers.filter((server) => server !== first.server);
    const saved = JSON.parse(readFileSync(join(first.roomsDir, `${code}.json`), 'utf8'));
    expect(saved).toMatchObject({ code, key, room: { phase: 'voting', ballot: { votes: { Ana: 1 } } } });

    const second = await start(first.roomsDir);
    expect(second.server.resumed).toBe(1);
    expect((await second.call(`/api/rooms/${code}`)).json).toMatchObject({ phase: 'voting', voted: ['Ana'] });
    expect(await second.call(`/api/rooms/${code}/advance`, { body: {}, key })).toMatchObject({ status: 200, json: { decision: { choice: 2 } } });
  });

  it('leaves a room file it cannot read as it is, and says so', async () => {
    const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
    writeFileSync(join(roomsDir, 'BROKEN.json'), '{ not json');
    const { warnings, server } = await start(roomsDir);
    expect(server.resumed).toBe(0);
    expect(warnings).toEqual(['BROKEN.json was left as it is: it is not JSON']);
  });
});

describe('coach group on the command line', () => {
  it('refuses a bad port with one line and exit code 2', () => {
    const result = coach(['group', 'first-conversation-with-jordan', '--port', 'seventy']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("coach: option '--port <number>' argument 'seventy' is invalid. Expected a whole number from 0 to 65535 (0 picks any free port).\n");
  });

  it('documents every action of the JSON API in its help, typed replies among them', () => {
    const { stdout, status } = coach(['group', '--help']);
    expect(status).toBe(0);
    for (const action of Object.keys(roomActions)) expect(stdout).toMatch(new RegExp(`POST /api/rooms/<code>/([a-z]+\\|)*${action}\\b`));
    expect(stdout).toContain('GET  /api/rooms/<code>/replies/<id>');
  });

  it('names a scenario that does not exist, with exit code 2', () => {
    const result = coach(['group', 'no-such-scenario']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^coach: no scenario `no-such-scenario`/);
  });
});
