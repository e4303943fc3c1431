/**
 * Live reload that keeps your place (issue 18, item 7): under `npm start`, a trainer plays a
 * scenario part way, edits its file, and the page reloads by itself with the run's choices played
 * again on the new version, instead of "Welcome back". This runs its own dev server (the other
 * browser tests use the built site) over a folder holding one scenario.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
// Beside the built site's preview (PLAYWRIGHT_PORT, 4400 by default), so two checkouts side by side do not meet.
const port = Number(process.env.PLAYWRIGHT_PORT ?? 4400) + 50;
const base = `http://127.0.0.1:${port}`;
const folder = mkdtempSync(join(tmpdir(), 'rcp-live-place-'));
const file = join(folder, 'garden-centre-with-sam.md');
let server: ChildProcess | undefined;
let log = '';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  copyFileSync(fileURLToPath(new URL('./fixtures/garden-centre-with-sam.md', import.meta.url)), file);
  server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...process.env, COACH_SCENARIOS_DIR: folder, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const status = await fetch(`${base}/scenarios/garden-centre-with-sam`).then((response) => response.status, () => 0);
    if (status === 200) return;
    await new Promise((wait) => setTimeout(wait, 300));
  }
  throw new Error(`the dev server did not start:\n${log}`);
});

test.afterAll(() => {
  server?.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('an edit to the scenario file mid-run reloads the page and replays the choices that still fit', async ({ page }) => {
  await page.goto(`${base}/scenarios/garden-centre-with-sam`);
  // On a cold start Vite may optimise the player's libraries on the first visit and fail that
  // page's hydration (504, "Outdated Optimize Dep"); a trainer would reload, and so does the test.
  const start = page.getByRole('button', { name: 'Start the scenario' });
  const hydrated = await expect(start).toBeEnabled({ timeout: 20_000 }).then(() => true, () => false);
  if (!hydrated) await page.reload();
  await start.click();
  await page.getByRole('button', { name: /What draws you to it/ }).click();
  const conversation = page.getByRole('list', { name: 'Conversation so far' });
  await expect(conversation).toContainText('I do like being around the plants all day.');

  // The trainer rewords Sam's line and saves: the page reloads by itself, at the same point.
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  writeFileSync(file, readFileSync(file, 'utf8').replace('I do like being around the plants all day.', 'I do love being around the plants all day.'));
  await reloaded;
  await expect(page.getByText('The scenario file changed: your choice was replayed on the new version.')).toBeVisible({ timeout: 20_000 });
  await expect(conversation).toContainText('I do love being around the plants all day.');
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Being outside, growing things, feels like you/ })).toBeVisible();

  // A second edit that takes the first choice away: the run goes back to where it no longer fits, and says so.
  const again = page.waitForEvent('load', { timeout: 60_000 });
  writeFileSync(file, readFileSync(file, 'utf8').replace('"What draws you to it?" -> draws', '"What draws you to the garden centre?" -> draws').replace('- **Simple reflection:** "Saturdays at the garden centre." -> worries\n  - feedback: A short reflection keeps Sam talking.\n', '- **Simple reflection:** "Saturdays at the garden centre." -> worries\n  - feedback: A short reflection keeps Sam talking.\n- **Closed question:** "Is it the money?" -> worries\n  - feedback: A narrow question.\n'));
  await again;
  await expect(page.getByText('The scenario file changed, and your first choice no longer fits it: the run starts again from the beginning.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /What draws you to the garden centre/ })).toBeVisible();
});
