/**
 * A hosted server (`coach serve`) with a whole class behind one address, as on a university's or
 * a hospital's network: forty phones join and vote at once from one address, and none is turned
 * away; guessing room codes from that address is still held to a few tries. Against a real
 * `coach serve` process; the phones' requests all come from 127.0.0.1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { startServe, type RunningServer } from '../servers.ts';

const passphrase = 'forty phones behind one address';
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
});

async function call(path: string, body?: unknown, bearer?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server!.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

it('lets forty phones behind one address join and vote at once, and still limits guessing codes', { timeout: 60_000 }, async () => {
  const site = mkdtempSync(join(tmpdir(), 'site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Course</title>');
  server = await startServe(['--site', site, '--rooms-dir', mkdtempSync(join(tmpdir(), 'rooms-'))], passphrase);
  const { json: opened } = await call('/api/rooms', { scenario: 'first-conversation-with-jordan' }, passphrase);
  const code = opened.code as string;
  const key = opened.key as string;
  expect(await call(`/api/rooms/${code}/settings`, { playerLimit: 40 }, key)).toMatchObject({ status: 200 });

  const names = Array.from({ length: 40 }, (_, i) => `Phone ${i + 1}`);
  const joins = await Promise.all(names.map((name) => call(`/api/rooms/${code}/players`, { name })));
  expect(joins.map(({ status }) => status)).toEqual(names.map(() => 200));
  expect(await call(`/api/rooms/${code}/start`, { mode: 'vote' }, key)).toMatchObject({ status: 200 });
  const votes = await Promise.all(names.map((player, i) => call(`/api/rooms/${code}/votes`, { player, choice: 1, token: joins[i]!.json.token })));
  expect(votes.map(({ status }) => status)).toEqual(names.map(() => 200));
  expect((await call(`/api/rooms/${code}`)).json.voted).toHaveLength(40);

  // Thirty wrong codes from the same address: the first few are answered, then the address waits.
  const guesses = [];
  for (let i = 0; i < 30; i++) guesses.push((await call(`/api/rooms/ZZZZ${String(i).padStart(2, '0')}`)).status);
  expect(guesses).toContain(429);
  expect(guesses.slice(0, 10).every((status) => status === 404)).toBe(true);
});
