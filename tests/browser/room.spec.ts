/**
 * A room on `coach group`, tried as a group would: the facilitator's screen and three phones (four
 * browser contexts) join, vote and play a scenario to its debrief. One phone reloads mid-step and
 * keeps its place; the server is stopped and started again and the room goes on.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, phone, startGroup as startGroupFor, stop, voteFirst } from './room-server.ts';
import { builtScenarioIds } from './site-scenarios.ts';

const [id] = builtScenarioIds();
const startGroup = (port: number, roomsDir: string) => startGroupFor(id!, port, roomsDir);

test('a facilitator and three phones play a room to its debrief, with votes from people without a phone, through a reload and a restart of the server', async ({ browser }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const roomsDir = mkdtempSync(join(tmpdir(), 'rooms-'));
  let server = await startGroup(port, roomsDir);
  try {
    const { facilitator: facilitatorUrl, join: joinUrl, code } = server.room;
    expect(joinUrl).toBe(`http://127.0.0.1:${port}/join/?code=${code}`);
    const facilitator = await (await browser.newContext()).newPage();
    await facilitator.goto(facilitatorUrl);
    await expect(facilitator.getByRole('heading', { name: 'Join on your phone' })).toBeVisible();
    await expect(facilitator.getByText(code, { exact: true })).toBeVisible();
    await expect(facilitator.getByRole('img', { name: `QR code for ${joinUrl}` })).toBeVisible();

    const [ana, ben, chris] = [await phone(browser, joinUrl, 'Ana'), await phone(browser, joinUrl, 'Ben'), await phone(browser, joinUrl, 'Chris')];
    await expect(facilitator.getByText('In the room: Ana, Ben, Chris.')).toBeVisible();
    await expect(ana!.getByText('Waiting for the facilitator to start, with Ben, Chris.')).toBeVisible();

    // A stray name (a phone that changed its name, say) is taken out by the facilitator.
    await fetch(`${new URL(joinUrl).origin}/api/rooms/${code}/players`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Stray' }) });
    await expect(facilitator.getByText('In the room: Ana, Ben, Chris, Stray.')).toBeVisible();
    await facilitator.locator('summary', { hasText: 'Someone left, or a name is wrong?' }).click();
    await facilitator.getByRole('button', { name: 'Remove Stray' }).click();
    await expect(facilitator.getByText('In the room: Ana, Ben, Chris.')).toBeVisible();

    await facilitator.getByRole('button', { name: /Start$/ }).click();
    await expect(facilitator.getByRole('heading', { name: 'Step 1' })).toBeVisible();

    // Who has voted appears live on the shared screen; what they chose waits for the reveal.
    await voteFirst(ana!);
    await voteFirst(ben!);
    await chris!.getByRole('list', { name: 'Vote for what the coach says' }).getByRole('button').nth(1).click();
    await expect(facilitator.getByText('Voted: 3 of 3 (Ana, Ben, Chris).')).toBeVisible();
    await expect(facilitator.getByText(/\d+ votes?\b/)).toHaveCount(0);

    // Two people without a phone vote by a show of hands, and the facilitator enters them: 2 wins.
    await facilitator.getByRole('button', { name: 'Controls and settings' }).click();
    await facilitator.getByLabel('Votes for 2').fill('2');
    await facilitator.getByRole('button', { name: 'Close' }).click();
    await expect(facilitator.getByText('Voted: 3 of 3 (Ana, Ben, Chris). Plus 2 votes from people without a phone.')).toBeVisible();

    // A phone reloads mid-step and keeps its place and its vote.
    await chris!.reload();
    await expect(chris!.getByRole('heading', { name: 'Step 1' })).toBeVisible();
    await expect(chris!.getByText('Your vote: 2. You can change it until the facilitator moves on.')).toBeVisible();

    await facilitator.getByRole('button', { name: "Reveal the group's choice" }).click();
    await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();
    await expect(facilitator.getByRole('region', { name: "The group's choice" }).getByRole('listitem').nth(1)).toContainText("3 votes · the group's choice");
    await expect(ben!.getByText(/^The group chose 2: .+ You voted 1\.$/)).toBeVisible();

    // The server stops and starts again; the room, the screens and the phones carry on.
    await stop(server);
    await expect(facilitator.getByText('Reconnecting to the room…')).toBeVisible();
    server = await startGroup(port, roomsDir);
    expect(server.room.code).toBe(code);
    await expect(facilitator.getByText('Reconnecting to the room…')).toBeHidden({ timeout: 15_000 });
    await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();
    // The key left the address bar (a projector shows it) but the facilitator's tab keeps it.
    expect(facilitator.url()).not.toContain('key=');
    await facilitator.reload();
    await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();

    for (let step = 2; step < 40; step++) {
      const next = facilitator.getByRole('button', { name: /^(Next step|See the debrief)/ });
      const toDebrief = (await next.textContent()) === 'See the debrief';
      await next.click();
      if (toDebrief) break;
      await expect(facilitator.getByRole('heading', { name: `Step ${step}` })).toBeVisible();
      for (const player of [ana!, ben!, chris!]) {
        await expect(player.getByRole('heading', { name: `Step ${step}` })).toBeVisible();
        await voteFirst(player);
      }
      await expect(facilitator.getByText('Voted: 3 of 3 (Ana, Ben, Chris).')).toBeVisible();
      await facilitator.getByRole('button', { name: "Reveal the group's choice" }).click();
      await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();
    }

    await expect(facilitator.getByRole('heading', { name: 'Group debrief' })).toBeVisible();
    await expect(facilitator.getByRole('region', { name: 'Group debrief' })).toContainText(/The group chose an MI-consistent option, a safety step or a straight answer at \d+ of \d+ steps?\./);
    for (const player of [ana!, ben!, chris!]) await expect(player.getByText(/^The scenario has ended: the outcome is (positive|mixed|negative)\./)).toBeVisible();
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});
