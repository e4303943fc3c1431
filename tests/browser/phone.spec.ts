/**
 * Phones in a room, at 375x667: no site menu, the options above the fold with large tap targets;
 * two people called Sam kept apart; a new name that keeps the same player and its vote; a vote
 * tapped offline kept on the phone and sent when the room is back; a code the server does not
 * hold; and at the end the player's own summary and the group's transcript to keep. Every message
 * in plain words. Axe-clean in both themes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort, phone, startGroup, stop, type Started } from './room-server.ts';
import { axeInBothThemes } from './helpers.ts';
import { builtScenarioIds } from './site-scenarios.ts';

const [id] = builtScenarioIds();
const phoneSize = { width: 375, height: 667 };


/** The room's API as the facilitator's key opens it, for moving the room on without a second screen. */
function roomApi({ room }: Started) {
  const origin = new URL(room.join).origin;
  return {
    origin,
    send: async (action: string, body: Record<string, unknown> = {}) => {
      const response = await fetch(`${origin}/api/rooms/${room.code}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${room.key}` }, body: JSON.stringify(body) });
      expect(response.status, `${action} ${JSON.stringify(body)}: ${await response.clone().text()}`).toBe(200);
      return response.json();
    },
    view: async () => (await fetch(`${origin}/api/rooms/${room.code}`)).json() as Promise<{ phase: string; players: string[]; voted: string[]; voters: Record<string, number> }>,
  };
}

const choices = (page: Page) => page.getByRole('list', { name: 'Vote for what the coach says' }).getByRole('button');

async function joinAs(browser: Browser, joinUrl: string, name: string): Promise<Page> {
  return phone(browser, joinUrl, name, phoneSize);
}

/** Messages on a phone are words: no backticks, no JSON, no Markdown emphasis. */
async function expectPlainWords(page: Page): Promise<void> {
  await expect(page.locator('main')).not.toContainText(/[`{}]|\*\*/, { useInnerText: true });
}

test('a phone at 375x667 has no site menu, the options above the fold and large tap targets', async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await startGroup(id!, await freePort(), mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const api = roomApi(server);
    const ana = await joinAs(browser, server.room.join, 'Ana');
    await expect(ana.getByRole('navigation')).toHaveCount(0);
    await expect(ana.getByRole('banner')).toHaveCount(0);
    await expect(ana.getByRole('contentinfo')).toHaveCount(0);
    expect(await axeInBothThemes(ana), 'phone, waiting').toEqual([]);
    await api.send('start', { mode: 'vote' });
    await expect(ana.getByRole('heading', { name: 'Step 1' })).toBeVisible();
    const buttons = choices(ana);
    await expect(buttons).not.toHaveCount(0);
    const first = (await buttons.first().boundingBox())!;
    expect(first.y + first.height, 'the first option ends within the first screen').toBeLessThanOrEqual(667);
    for (const box of await Promise.all((await buttons.all()).map((button) => button.boundingBox()))) {
      expect(box!.height).toBeGreaterThanOrEqual(48);
      expect(box!.width).toBeGreaterThanOrEqual(330);
    }
    const changeName = (await ana.getByRole('button', { name: 'Change name' }).boundingBox())!;
    expect(changeName.height).toBeGreaterThanOrEqual(48);
    await ana.screenshot({ path: 'test-results/phone-375-voting.png' });
    expect(await axeInBothThemes(ana), 'phone, voting').toEqual([]);
    await expectPlainWords(ana);
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});

test('a second Sam is offered Sam 2, the two vote apart, and a new name keeps the same player and its vote', async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await startGroup(id!, await freePort(), mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const api = roomApi(server);
    const sam = await joinAs(browser, server.room.join, 'Sam');
    const other = await (await browser.newContext({ viewport: phoneSize })).newPage();
    await other.goto(server.room.join);
    await other.getByLabel('Your name').fill('Sam');
    await other.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(other.getByText('Someone called Sam is already in this room. Pick another name, or join as Sam 2.', { exact: true })).toBeVisible();
    await expect(other.getByLabel('Your name')).toBeFocused();
    expect(await axeInBothThemes(other), 'a name taken').toEqual([]);
    await other.getByRole('button', { name: 'Join as Sam 2', exact: true }).click();
    await expect(other.getByText('you are Sam 2')).toBeVisible();
    await expect(sam.getByText('you are Sam', { exact: false })).toBeVisible();

    await api.send('start', { mode: 'vote' });
    await choices(sam).nth(0).click();
    await choices(other).nth(1).click();
    await expect.poll(async () => (await api.view()).voted.sort()).toEqual(['Sam', 'Sam 2']);
    await expect(sam.getByText('Your vote: 1. You can change it until the facilitator moves on.')).toBeVisible();
    await expect(other.getByText('Your vote: 2. You can change it until the facilitator moves on.')).toBeVisible();

    // Sam 2 takes another name: the same player, the same vote, no one left behind.
    await other.getByRole('button', { name: 'Change name' }).click();
    await other.getByLabel('Your new name').fill('Sam');
    await other.getByRole('button', { name: 'Change my name' }).click();
    // Sam 2 is this phone's own name now, so the free one is Sam 3.
    await expect(other.getByText('Someone called Sam is already in this room. Pick another name, or change to Sam 3.', { exact: true })).toBeVisible();
    await expect(other.getByRole('button', { name: 'Change to Sam 3', exact: true })).toBeVisible();
    await other.getByLabel('Your new name').fill('Samira');
    await other.getByRole('button', { name: 'Change my name' }).click();
    await expect(other.getByText('you are Samira')).toBeVisible();
    await expect(other.getByText('Your vote: 2. You can change it until the facilitator moves on.')).toBeVisible();
    const renamed = await api.view();
    expect(renamed.players).toEqual(['Sam', 'Samira']);
    expect(renamed.voted.sort()).toEqual(['Sam', 'Samira']);

    // A tie between the two: the room says so in words, and the facilitator picks.
    await api.send('advance', { choice: 2 });
    await expect(sam.getByText(/^The group chose 2: .+ You voted 1\.$/)).toBeVisible();
    await expect(other.getByText(/^The group chose 2: .+ You voted 2\.$/)).toBeVisible();
    const revealed = await api.view();
    expect(revealed.voters).toEqual({ Sam: 1, Samira: 2 });
    // A reload keeps who the phone is.
    await other.reload();
    await expect(other.getByText('you are Samira')).toBeVisible();
    await expectPlainWords(other);
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});

test('a vote tapped while offline is kept on the phone and reaches the room when it is back, and the message goes', async ({ browser }) => {
  test.setTimeout(90_000);
  const server = await startGroup(id!, await freePort(), mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const api = roomApi(server);
    const context = await browser.newContext({ viewport: phoneSize });
    const cy = await context.newPage();
    await cy.goto(server.room.join);
    await cy.getByLabel('Your name').fill('Cy');
    await cy.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(cy.getByText('you are Cy')).toBeVisible();
    const screen = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await screen.goto(server.room.facilitator);
    await screen.getByRole('button', { name: /Start$/ }).click();
    await expect(cy.getByRole('heading', { name: 'Step 1' })).toBeVisible();

    await context.setOffline(true);
    await choices(cy).nth(1).click();
    await expect(cy.getByText('Saved on this phone: it will be sent when the room is back.')).toBeVisible();
    await expect(cy.getByText('Your vote: 2, not sent yet.')).toBeVisible();
    expect((await api.view()).voted).toEqual([]);
    await context.setOffline(false);
    await expect(screen.getByText('Voted: 1 of 1 (Cy).')).toBeVisible({ timeout: 15_000 });
    await expect(cy.getByText('Saved on this phone: it will be sent when the room is back.')).toBeHidden();
    await expect(cy.getByText('Your vote: 2. You can change it until the facilitator moves on.')).toBeVisible();
    await expectPlainWords(cy);
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});

test('a join page given a code this server does not hold says so in plain words', async ({ browser }) => {
  const server = await startGroup(id!, await freePort(), mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const page = await (await browser.newContext({ viewport: phoneSize })).newPage();
    await page.goto(`${new URL(server.room.join).origin}/join/?code=ABC123`);
    await expect(page.getByText('There is no room ABC123 here. Check the code on the shared screen.')).toBeVisible();
    await expect(page.getByLabel('Room code')).toBeVisible();
    expect(await axeInBothThemes(page), 'no such room').toEqual([]);
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});

test('at the end a phone shows its own summary and the group transcript, to save as text or print, loaded only then', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startGroup(id!, await freePort(), mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const api = roomApi(server);
    const context = await browser.newContext({ viewport: phoneSize, acceptDownloads: true });
    const dee = await context.newPage();
    const summaryChunk: string[] = [];
    dee.on('request', (request) => {
      if (/PhoneSummary|scenario\.json/.test(request.url())) summaryChunk.push(request.url());
    });
    await dee.goto(server.room.join);
    await dee.getByLabel('Your name').fill('Dee');
    await dee.getByRole('button', { name: 'Join', exact: true }).click();
    await expect(dee.getByText('you are Dee')).toBeVisible();
    await api.send('start', { mode: 'vote' });
    // Dee votes 2 at every step, and the group goes with 2 where it can.
    for (let step = 1; step < 40; step++) {
      await expect(dee.getByRole('heading', { name: `Step ${step}` })).toBeVisible();
      await choices(dee).nth(1).click();
      await expect.poll(async () => (await api.view()).voted).toEqual(['Dee']);
      await api.send('advance');
      await expect(dee.getByText(/^The group chose 2: .+ You voted 2\.$/)).toBeVisible();
      expect(summaryChunk, 'nothing of the summary loaded before the end').toEqual([]);
      await api.send('advance');
      if ((await api.view()).phase === 'ended') break;
    }
    const summary = dee.getByRole('region', { name: 'Your summary' });
    await expect(summary).toBeVisible();
    await expect(summary.getByText(/^Your vote matched the group's choice at (\d+) of the \1 steps? you voted at\.$/)).toBeVisible();
    await expect(summary.getByRole('listitem').first()).toContainText(/^Step 1: You voted 2 \(.+\)\. The group chose 2 \(.+\): “/);
    await expect(dee.getByRole('region', { name: "The group's conversation" })).toContainText('Played by Dee, voting at each step.');
    const [download] = await Promise.all([dee.waitForEvent('download'), summary.getByRole('button', { name: 'Save as text' }).click()]);
    expect(download.suggestedFilename()).toBe(`${id}-my-summary.txt`);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toMatch(/^.+: my summary\nAs Dee, in a group room\.\n\nStep 1: You voted 2 /);
    expect(text).toContain('Played by Dee, voting at each step.');
    expect(text).not.toContain('**');
    await expect(summary.getByRole('button', { name: 'Print' })).toBeVisible();
    await dee.screenshot({ path: 'test-results/phone-375-end.png' });
    expect(await axeInBothThemes(dee), 'phone, the end').toEqual([]);
    await expectPlainWords(dee);
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});
