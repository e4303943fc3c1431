/**
 * `coach group` started as a user would, for the browser tests of rooms: a free port, the JSON
 * line it prints first, a phone that joins, and a clean stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, type Browser, type Page } from '@playwright/test';
import { firstLineOf } from '../servers.ts';

export { freePort } from '../servers.ts';

export interface Started {
  readonly child: ChildProcess;
  readonly room: { facilitator: string; join: string; code: string; key: string };
}

/** Starts `coach group` for a scenario as a user would, and reads the JSON line it prints first. */
export async function startGroup(id: string, port: number, roomsDir: string): Promise<Started> {
  const child = spawn(process.execPath, ['bin/coach.mjs', 'group', id, '--host', '127.0.0.1', '--port', String(port), '--rooms-dir', roomsDir, '--json'], { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const line = await firstLineOf(child, 'coach group');
  return { child, room: JSON.parse(line) };
}

/** Stops the server as Ctrl+C would, and checks it stopped cleanly. */
export async function stop({ child }: Started): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

/** A phone (its own browser context, phone-sized) that joins the room by name. */
export async function phone(browser: Browser, joinUrl: string, name: string, viewport = { width: 390, height: 800 }): Promise<Page> {
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByText(`you are ${name}`)).toBeVisible();
  return page;
}

/** A phone votes for the first option shown, and sees its vote marked. */
export async function voteFirst(page: Page): Promise<void> {
  const first = page.getByRole('list', { name: 'Vote for what the coach says' }).getByRole('button').first();
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
}
