/**
 * The room server in a process of its own, as a group relies on it: a few hundred hostile requests
 * (fixed seed, so a failure replays) never stop it and never get a 5xx; and killed in the middle of
 * a burst of changes, it comes back with every change it had answered. `npm run fuzz server` runs
 * many more requests.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { hostileRequest, sendRaw, startServerProcess, stillServing, type ServerProcess } from '../fuzz/hostile-requests.ts';

let running: ServerProcess[] = [];
afterEach(() => {
  for (const server of running) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  running = [];
});

async function start(roomsDir: string, options: { port?: number; generousLimits?: boolean } = {}) {
  const server = await startServerProcess(roomsDir, options);
  running.push(server);
  return server;
}

describe('the room server under hostile requests', () => {
  it('never exits and never answers 5xx, whatever the request line, path, headers, body or WebSocket frames', async () => {
    const server = await start(mkdtempSync(join(tmpdir(), 'rooms-')), { generousLimits: true });
    const statuses = new Map<number | 'closed', number>();
    await fc.assert(
      fc.asyncProperty(hostileRequest(server.room), async (request) => {
        const answer = await sendRaw(server.room.port, request.bytes, request.frames);
        statuses.set(answer.status ?? 'closed', (statuses.get(answer.status ?? 'closed') ?? 0) + 1);
        if (answer.status !== undefined && answer.status >= 500) throw new Error(`answered ${answer.status} to:\n${request.shown}`);
        if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}) after:\n${request.shown}\n${server.stderr()}`);
      }),
      { seed: 19_190_019, numRuns: 300 },
    );
    expect(await stillServing(server)).toBe(true);
    expect(server.stderr()).not.toContain('Unexpected error');
    // The requests reached the handlers, not only the parser: rooms were read, refused and changed.
    expect([...statuses.keys()]).toEqual(expect.arrayContaining([200, 400, 404, 421]));
  }, 120_000);

  it('the audit\'s crash requests each get an answer, and the server goes on', async () => {
    const server = await start(mkdtempSync(join(tmpdir(), 'rooms-')));
    const { port, code } = server.room;
    const host = `Host: 127.0.0.1:${port}`;
    const upgrade = 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==';
    const cases: Array<[string, number]> = [
      [`GET /api/rooms/%ZZ HTTP/1.1\r\n${host}`, 400],
      [`GET /api/rooms/%C0%AF HTTP/1.1\r\n${host}`, 400],
      [`GET /api/rooms/%E0%A4%A/votes HTTP/1.1\r\n${host}`, 400],
      [`GET /api/rooms/${code}/replies/%ZZ HTTP/1.1\r\n${host}`, 400],
      [`GET http://[ HTTP/1.1\r\n${host}`, 400],
      [`GET http://%zz/ HTTP/1.1\r\n${host}`, 400],
      [`GET http://127.0.0.1:99999/ HTTP/1.1\r\n${host}`, 400],
      [`GET http://[ HTTP/1.1\r\n${host}\r\n${upgrade}`, 404],
      [`GET / HTTP/1.1\r\n${host}\r\nOrigin: null\r\n${upgrade}`, 403],
      [`GET /api/rooms/${code}/live HTTP/1.1\r\n${host}\r\nOrigin: null\r\n${upgrade}`, 403],
      [`GET /api/rooms/${code}/live HTTP/1.1\r\n${host}\r\nOrigin: not a url\r\n${upgrade}`, 403],
    ];
    for (const [request, status] of cases) {
      expect({ request, answer: await sendRaw(port, Buffer.from(`${request}\r\n\r\n`)) }).toEqual({ request, answer: { status } });
      expect(server.child.exitCode).toBeNull();
    }
    expect(await stillServing(server)).toBe(true);
  });
});

describe('the room server killed in the middle of a burst', () => {
  it('comes back with every change it answered, and no temporary files', async () => {
    for (const pause of [60, 150, 300]) {
      const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
      const server = await start(roomsDir, { generousLimits: true });
      const { port, code, key } = server.room;
      const api = (action: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`http://127.0.0.1:${port}/api/rooms/${code}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      expect((await api('settings', { playerLimit: 200 }, { authorization: `Bearer ${key}` })).status).toBe(200);
      const answered: string[] = [];
      let next = 0;
      // Sixteen phones at once, each joining name after name as fast as the server answers, until it is killed.
      const phone = async () => {
        for (;;) {
          const name = `Player ${next++}`;
          const response = await api('players', { name }).catch(() => undefined);
          if (response?.status !== 200) return;
          answered.push(name);
        }
      };
      const phones = Array.from({ length: 16 }, phone);
      await new Promise((resolve) => setTimeout(resolve, pause));
      server.child.kill('SIGKILL');
      await Promise.all(phones);

      const again = await start(roomsDir, { generousLimits: true });
      expect(again.room.code).toBe(code);
      const room = (await (await fetch(`http://127.0.0.1:${again.room.port}/api/rooms/${code}`)).json()) as { players: string[] };
      expect(answered.length).toBeGreaterThan(0);
      expect(room.players).toEqual(expect.arrayContaining(answered));
      expect(readdirSync(roomsDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }
  }, 60_000);
});
