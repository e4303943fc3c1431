/**
 * Two rooms on one laptop (the trial: two `coach group`s loaded and wrote each other's saved rooms,
 * and a group lost a step). A second `coach group` on the same rooms folder opens its room on the
 * server already running, so each room has one writer; a vote in one never shows in the other;
 * and after a restart both rooms carry on where they were.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { RoomView } from '../../src/rooms/view.ts';
import { freePort, startGroup, stop } from './room-server.ts';
import { builtScenarioIds } from './site-scenarios.ts';

const [first, second] = builtScenarioIds();

test('a second coach group on the same folder opens its room on the running server; the rooms never touch, and both survive a restart', async ({ browser }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
  let server = await startGroup(first!, port, roomsDir);
  try {
    const opened = spawnSync(process.execPath, ['bin/coach.mjs', 'group', second!, '--host', '127.0.0.1', '--port', String(await freePort()), '--rooms-dir', roomsDir, '--json'], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(opened.status, opened.stderr).toBe(0);
    const room = JSON.parse(opened.stdout.slice(0, opened.stdout.indexOf('\n'))) as { code: string; key: string; join: string; facilitator: string };
    expect(opened.stdout).toContain('on the coach group already running on this computer');
    // Both rooms are on the one server that holds the folder.
    expect(new URL(room.join).port).toBe(String(port));

    const read = async (code: string) => (await (await fetch(`http://127.0.0.1:${port}/api/rooms/${code}`)).json()) as RoomView;
    expect((await read(server.room.code)).scenario.id).toBe(first);
    expect((await read(room.code)).scenario.id).toBe(second);

    // Each facilitator's screen shows its own room.
    const screen = await (await browser.newContext()).newPage();
    await screen.goto(room.facilitator);
    await expect(screen.getByText(room.code, { exact: true }).first()).toBeVisible();

    // A join in one room is not in the other.
    const join = (code: string, name: string) => fetch(`http://127.0.0.1:${port}/api/rooms/${code}/players`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
    expect((await join(server.room.code, 'Ana')).status).toBe(200);
    expect((await join(room.code, 'Ben')).status).toBe(200);
    expect((await read(server.room.code)).players).toEqual(['Ana']);
    expect((await read(room.code)).players).toEqual(['Ben']);

    // A restart: both rooms come back as they were.
    await stop(server);
    server = await startGroup(first!, port, roomsDir);
    expect((await read(server.room.code)).players).toEqual(['Ana']);
    expect((await read(room.code)).players).toEqual(['Ben']);
  } finally {
    await stop(server);
  }
});
