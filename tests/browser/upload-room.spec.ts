/**
 * A room for a scenario file on a hosted course (issue 18, item 9): an organiser on /rooms/new/ of
 * a real `coach serve` chooses a `.md` from the device, sees it checked in the browser (a broken
 * one lists its problems with their lines), and opens the room; the shared screen fetches the
 * scenario from the room, a phone joins with the code and votes, and the facilitator reveals and
 * moves on to the debrief. The new pages pass axe in both themes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startServe, type RunningServer } from '../servers.ts';
import { expectNoAxeViolations, sidewaysOverflow, untilHydrated } from './helpers.ts';
import { phone, voteFirst } from './room-server.ts';

const passphrase = 'a kettle, two mugs and a window';
const garden = readFileSync(new URL('./fixtures/garden-centre-with-sam.md', import.meta.url), 'utf8');
const broken = garden.replace('-> draws', '-> nowhere');
const brokenLine = broken.split('\n').findIndex((line) => line.includes('-> nowhere')) + 1;
const asFile = (name: string, text: string) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServe(['--site', 'dist', '--rooms-dir', mkdtempSync(join(tmpdir(), 'rooms-'))], passphrase);
});

test.afterAll(async () => {
  await server?.stop();
});

/** The organiser's page with a file chosen; resolves once the page has said what the checks found. */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await untilHydrated(page);
  await page.getByRole('radio', { name: 'A scenario file from this device' }).check();
  await page.getByLabel('Scenario file (.md)').setInputFiles(asFile(name, text));
}

/** Opens a room for the garden centre file as an organiser would; returns the shared screen's link and the code. */
async function openRoom(page: Page): Promise<{ facilitator: string; code: string; join: string }> {
  await page.goto(`${server.url}/rooms/new/`);
  await chooseFile(page, 'Garden centre with Sam.md', garden);
  await expect(page.getByText('Garden centre with Sam.md passed its checks:')).toBeVisible();
  await page.getByLabel('Organiser passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Open the room' }).click();
  const opened = page.getByRole('region', { name: /^Room [A-Z0-9]{6} is open$/ });
  await expect(opened).toBeFocused();
  const code = /Room ([A-Z0-9]{6})/.exec((await opened.getByRole('heading').textContent()) ?? '')![1]!;
  const facilitator = (await opened.getByRole('link', { name: 'Open the shared screen' }).getAttribute('href'))!;
  const join = (await opened.getByRole('link', { name: /\/join\/$/ }).getAttribute('href'))!;
  return { facilitator, code, join };
}

test('an organiser chooses a file, sees it checked and opens a room; a phone joins and votes, and the facilitator reveals and moves on to the debrief', async ({ browser }) => {
  test.setTimeout(120_000);
  const organiser = await (await browser.newContext()).newPage();
  await organiser.goto(`${server.url}/rooms/new/`);

  // A file with an error is listed with its line, in words, and is not sent.
  await chooseFile(organiser, 'Garden centre with Sam.md', broken);
  const problems = organiser.getByRole('region', { name: 'Garden centre with Sam.md cannot be played yet' });
  await expect(problems).toBeFocused();
  await expect(problems).toContainText(`Line ${brokenLine}, column`);
  await expect(problems).toContainText('nowhere');
  await organiser.getByLabel('Organiser passphrase').fill(passphrase);
  await organiser.getByRole('button', { name: 'Open the room' }).click();
  await expect(organiser.getByRole('alert')).toHaveText('Choose a scenario file that passes its checks first: what stops this one is said above.');

  const { facilitator: facilitatorUrl, code, join: joinUrl } = await openRoom(organiser);
  expect(facilitatorUrl).toMatch(new RegExp(`^${server.url}/rooms/play/\\?room=${code}#key=`));
  expect(joinUrl).toBe(`${server.url}/join/?code=${code}`);

  const facilitator = await (await browser.newContext()).newPage();
  await facilitator.goto(facilitatorUrl);
  await expect(facilitator.getByRole('heading', { name: 'Join on your phone' })).toBeVisible();
  await expect(facilitator.getByText(code, { exact: true })).toBeVisible();
  expect(facilitator.url()).not.toContain('key=');

  const ana = await phone(browser, joinUrl, 'Ana');
  await expect(facilitator.getByText('In the room: Ana.')).toBeVisible();
  await facilitator.getByRole('button', { name: /Start$/ }).click();
  await expect(facilitator.getByRole('heading', { name: 'Step 1' })).toBeVisible();
  // The scenario's lines come from the uploaded file, rendered in the browser.
  await expect(facilitator.getByText('They want someone at the garden centre on Saturdays.', { exact: true })).toBeVisible();

  await voteFirst(ana);
  await expect(facilitator.getByText('Voted: 1 of 1 (Ana).')).toBeVisible();
  await facilitator.getByRole('button', { name: "Reveal the group's choice" }).click();
  await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();
  await expect(facilitator.getByText('An open question lets Sam say what matters.', { exact: true }).first()).toBeVisible();

  await facilitator.getByRole('button', { name: 'Next step' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Step 2' })).toBeVisible();
  await expect(ana.getByRole('heading', { name: 'Step 2' })).toBeVisible();
  await voteFirst(ana);
  await facilitator.getByRole('button', { name: "Reveal the group's choice" }).click();
  await facilitator.getByRole('button', { name: 'See the debrief' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Group debrief' })).toBeVisible();
  await expect(facilitator.getByRole('region', { name: 'Group debrief' })).toContainText('Sam will ask about a trial Saturday.');

  // The phone's own summary rebuilds the room from the scenario the room serves.
  await expect(ana.getByText(/^The scenario has ended: the outcome is positive\./)).toBeVisible();
  await expect(ana.getByRole('heading', { name: 'Your summary' })).toBeVisible();
  await expect(ana.getByText('Step 1: You voted 1 (')).toBeVisible();
});

test('a file over 200 KB is refused on the page, in words, before anything is sent', async ({ page }) => {
  await page.goto(`${server.url}/rooms/new/`);
  const posts: string[] = [];
  page.on('request', (request) => void (request.method() === 'POST' && posts.push(request.url())));
  await chooseFile(page, 'Garden centre with Sam.md', `${garden}\n<!-- ${'padding '.repeat(26_000)} -->\n`);
  await expect(page.locator('.notice', { hasText: /^Garden centre with Sam\.md is 2\d\d KB: a scenario file may be at most 200 KB here\./ })).toBeFocused();
  await page.getByLabel('Organiser passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Open the room' }).click();
  await expect(page.getByRole('alert')).toHaveText('Choose a scenario file that passes its checks first: what stops this one is said above.');
  expect(posts).toEqual([]);
});

test('the scenario file is the room\'s alone: no room code, no file', async ({ page }) => {
  await page.goto(`${server.url}/rooms/play/?room=ZZZZZZ`);
  await expect(page.getByRole('heading', { name: 'No room ZZZZZZ here' })).toBeVisible();
  const answer = await page.request.get(`${server.url}/api/rooms/ZZZZZZ/scenario`);
  expect(answer.status()).toBe(404);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the organiser's page and an uploaded room's shared screen have no axe violations in the ${theme} theme`, async ({ page, browser }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`${server.url}/rooms/new/`);
    await expectNoAxeViolations(page);
    await chooseFile(page, 'Garden centre with Sam.md', broken);
    await expect(page.getByRole('region', { name: 'Garden centre with Sam.md cannot be played yet' })).toBeVisible();
    await expectNoAxeViolations(page);
    // On a phone-sized screen too, the problems fit without sideways scrolling.
    await page.setViewportSize({ width: 320, height: 740 });
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1280, height: 720 });

    const { facilitator: facilitatorUrl, join: joinUrl } = await openRoom(page);
    await expectNoAxeViolations(page);
    const screen = await (await browser.newContext({ colorScheme: theme })).newPage();
    await screen.goto(facilitatorUrl);
    await expect(screen.getByRole('heading', { name: 'Join on your phone' })).toBeVisible();
    await expectNoAxeViolations(screen);
    const ana = await phone(browser, joinUrl, 'Ana');
    await screen.getByRole('button', { name: /Start$/ }).click();
    await voteFirst(ana);
    await screen.getByRole('button', { name: "Reveal the group's choice" }).click();
    await expect(screen.getByRole('heading', { name: "The group's choice" })).toBeVisible();
    await expectNoAxeViolations(screen);
  });
}
