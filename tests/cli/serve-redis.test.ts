/**
 * Hosted rooms as a deployment runs them: a real Redis server, two `coach serve` processes sharing
 * it behind a proxy (each phone's address in X-Forwarded-For, as Caddy sends it), thirty phones on
 * each, and one process killed mid-vote: its phones carry on with the other, and nothing is lost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RoomView } from '../../src/rooms/view.ts';
import { startRedis, startServe, type RunningServer } from '../servers.ts';

const passphrase = 'a kettle, two mugs and a window';
const scenario = 'first-conversation-with-jordan';
let redis: RunningServer;
const servers: RunningServer[] = [];
let site: string;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Course</title>');
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop('SIGKILL')));
  await redis?.stop();
});

async function serve(...more: string[]): Promise<RunningServer> {
  const server = await startServe(['--site', site, '--redis', redis.url, '--trust-proxy', ...more], passphrase);
  servers.push(server);
  return server;
}

type Answer = { status: number; json: (RoomView & { error?: string; token?: string; code?: string; key?: string; facilitator?: string; join?: string }) | undefined };

/** A request as a phone (from its own address, through the proxy) or the facilitator makes it. */
async function call(server: RunningServer, path: string, options: { body?: unknown; bearer?: string; from?: string } = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method: options.body === undefined ? 'GET' : 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': options.from ?? '192.0.2.1',
      ...(options.bearer ? { authorization: `Bearer ${options.bearer}` } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: response.status, json: (await response.json().catch(() => undefined)) as Answer['json'] };
}

/** A phone: its name, its own address, its token, and the views its live connection hears. */
class Phone {
  readonly name: string;
  readonly address: string;
  token = '';
  server: RunningServer;
  views: RoomView[] = [];
  socket?: WebSocket;

  constructor(name: string, address: string, server: RunningServer) {
    this.name = name;
    this.address = address;
    this.server = server;
  }

  async join(code: string): Promise<void> {
    const joined = await call(this.server, `/api/rooms/${code}/players`, { body: { name: this.name }, from: this.address });
    expect(joined.status).toBe(200);
    this.token = joined.json!.token!;
  }

  /** Listens to the room on its server, as the page does; resolves once the first view has come. */
  listen(code: string): Promise<void> {
    const socket = new WebSocket(`${this.server.url.replace('http', 'ws')}/api/rooms/${code}/live`, { headers: { 'x-forwarded-for': this.address } });
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.on('message', (data) => {
        this.views.push(JSON.parse(String(data)) as RoomView);
        resolve();
      });
      socket.once('error', reject);
    });
  }

  /** Votes, trying again (as the page keeps a vote made offline) until a server takes it. */
  async vote(code: string, choice: number): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await call(this.server, `/api/rooms/${code}/votes`, { body: { player: this.name, choice, token: this.token }, from: this.address }).catch(() => undefined);
      if (answer?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.name}'s vote was never taken`);
  }

  /** Moves to another server, as the proxy sends a phone whose server has gone to one that is up. */
  async moveTo(server: RunningServer, code: string): Promise<void> {
    this.socket?.terminate();
    this.server = server;
    await this.listen(code);
  }

  get latest(): RoomView | undefined {
    return this.views.at(-1);
  }
}

/** Waits until every phone's newest view passes `check`. */
async function everyPhoneSees(phones: readonly Phone[], check: (view: RoomView) => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!phones.every((phone) => phone.latest && check(phone.latest))) {
    if (Date.now() > deadline) {
      const behind = phones.filter((phone) => !phone.latest || !check(phone.latest)).map((phone) => phone.name);
      throw new Error(`These phones never saw it: ${behind.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('coach serve on Redis, two processes', () => {
  it('opens rooms only with the organiser passphrase, over the API', async () => {
    const server = await serve();
    expect(await call(server, '/api/rooms', { body: { scenario } })).toMatchObject({ status: 401 });
    expect(await call(server, '/api/rooms', { body: { scenario }, bearer: 'a guess of some length' })).toMatchObject({ status: 403, json: { error: 'That is not the organiser passphrase of this server' } });
    expect(await call(server, '/api/rooms', { body: { scenario: 'no-such-scenario' }, bearer: passphrase })).toMatchObject({ status: 404 });
    const opened = await call(server, '/api/rooms', { body: { scenario }, bearer: passphrase });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ code: expect.stringMatching(/^[A-Z0-9]{6}$/), key: expect.any(String), join: `${server.url}/join/?code=${opened.json!.code}` });
    expect(opened.json!.facilitator).toBe(`${server.url}/scenarios/${scenario}/group/?room=${opened.json!.code}#key=${opened.json!.key}`);
  });

  it('takes thirty phones on each process, and when one is killed mid-vote its phones carry on with the other, losing nothing', { timeout: 60_000 }, async () => {
    const [first, second] = [await serve(), await serve()];
    const { code, key } = (await call(first, '/api/rooms', { body: { scenario }, bearer: passphrase })).json!;
    // A code the store does not hold is refused by either process, in plain words.
    expect(await call(second, '/api/rooms/ZZZZZZ')).toMatchObject({ status: 404, json: { error: 'There is no room ZZZZZZ on this server: check the code on the shared screen' } });

    // Sixty people: more than the forty a room takes at first.
    expect(await call(first, `/api/rooms/${code}/settings`, { body: { playerLimit: 60 }, bearer: key })).toMatchObject({ status: 200 });
    const phones = Array.from({ length: 60 }, (_, i) => new Phone(`Player ${i + 1}`, `198.51.100.${i + 1}`, i < 30 ? first : second));
    // Joins go out together, half to each process: the store keeps every one.
    await Promise.all(phones.map((phone) => phone.join(code!)));
    await Promise.all(phones.map((phone) => phone.listen(code!)));
    expect((await call(second, `/api/rooms/${code}`)).json!.players).toHaveLength(60);

    expect(await call(second, `/api/rooms/${code}/start`, { body: { mode: 'vote' }, bearer: key })).toMatchObject({ status: 200 });
    await everyPhoneSees(phones, (view) => view.phase === 'voting');

    // Half the first process's phones vote; then it is killed while the rest of its phones are voting.
    const onFirst = phones.slice(0, 30);
    await Promise.all(onFirst.slice(0, 15).map((phone) => phone.vote(code!, 1)));
    const late = onFirst.slice(15).map((phone) => phone.vote(code!, 2));
    await first.stop('SIGKILL');
    // The proxy now sends the first process's phones to the second: their votes go there (again, if they never landed).
    await Promise.all(onFirst.map((phone) => phone.moveTo(second, code!)));
    for (const phone of onFirst.slice(15)) phone.server = second;
    await Promise.all([...late, ...phones.slice(30).map((phone) => phone.vote(code!, 1))]);

    await everyPhoneSees(phones, (view) => view.voted.length === 60);
    const revealed = await call(second, `/api/rooms/${code}/advance`, { body: { from: 'voting' }, bearer: key });
    expect(revealed).toMatchObject({ status: 200, json: { phase: 'revealed', votes: { 1: 45, 2: 15 }, decision: { choice: 1, by: 'majority' } } });
    await everyPhoneSees(phones, (view) => view.phase === 'revealed' && view.votes['1'] === 45 && view.votes['2'] === 15);
    for (const phone of phones) phone.socket?.terminate();
  });

  it('closes a room after its time without changes, keeping nothing', async () => {
    const server = await serve('--idle', '1s');
    const { code } = (await call(server, '/api/rooms', { body: { scenario }, bearer: passphrase })).json!;
    expect((await call(server, `/api/rooms/${code}`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await call(server, `/api/rooms/${code}`)).status).toBe(404);
  });
});
