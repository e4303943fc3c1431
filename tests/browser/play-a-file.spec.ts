/**
 * A scenario reaches people without the repository (issue 18, item 9): someone sent a `.md` file
 * opens it on /trainers/play-a-file/, and it is checked and played in their browser, with nothing
 * sent anywhere; a broken file lists its problems with their lines, in words.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { clearStorage, expectNoAxeViolations } from './helpers.ts';

const url = '/trainers/play-a-file/';
const garden = readFileSync(new URL('./fixtures/garden-centre-with-sam.md', import.meta.url), 'utf8');

test.beforeEach(async ({ page }) => clearStorage(page));

test('a scenario file from the device is checked and played to its ending, with no request leaving the page for it', async ({ page }) => {
  const requests: string[] = [];
  await page.goto('/trainers');
  await page.getByRole('link', { name: 'Play a scenario file' }).click();
  await expect(page).toHaveURL(/\/trainers\/play-a-file\/$/);
  page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));

  // Saved twice from an email, it arrives as `… (1).md`: still playable.
  await page.getByLabel('Choose a scenario file (.md)').setInputFiles({ name: 'Garden centre with Sam (1).md', mimeType: 'text/markdown', buffer: Buffer.from(garden) });
  const scenario = page.getByRole('region', { name: 'The garden centre with Sam' });
  await expect(scenario).toBeFocused();
  await expect(scenario).toContainText('Sam is thinking about a few hours at the garden centre.');
  await expect(scenario).toContainText('You are talking with Sam.');
  await scenario.getByRole('button', { name: 'Start the scenario' }).click();
  await expect(scenario.getByRole('list', { name: 'Conversation so far' })).toContainText('They want someone at the garden centre on Saturdays.');
  await scenario.getByRole('button', { name: /What draws you to it/ }).click();
  await scenario.getByRole('button', { name: /Being outside, growing things, feels like you/ }).click();
  const debrief = scenario.getByRole('region', { name: 'Debrief' });
  await expect(debrief).toContainText('positive');
  await expect(debrief).toContainText('Sam will ask about a trial Saturday.');

  // Nothing was sent: no request but the page's own scripts and worker, and none with a body.
  expect(requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
  // The browser may ask for the site's icon at any moment; nothing else but the page's own code.
  expect(requests.filter((request) => !/^\/(_astro\/|favicon\.svg$)/.test(new URL(request.slice(4)).pathname))).toEqual([]);
  // And nothing kept: a file's run is not part of the course's progress.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => localStorage.getItem(key)?.includes('garden')))).toEqual([]);
});

test('a broken file lists its problems with their lines, in words, and is not played', async ({ page }) => {
  await page.goto(url);
  const broken = garden.replace('-> worries', '-> worried').replace('**Affirm:**', '**Affirmation:**');
  await page.getByLabel('Choose a scenario file (.md)').setInputFiles({ name: 'garden-centre-with-sam.md', mimeType: 'text/markdown', buffer: Buffer.from(broken) });
  const problems = page.getByRole('region', { name: 'garden-centre-with-sam.md cannot be played yet' });
  await expect(problems).toBeFocused();
  await expect(problems).toContainText('The checks found 2 errors in it. Each is listed below with its line in the file;');
  await expect(problems.getByRole('listitem')).toContainText([
    /^Line 17, column \d+ error: Unexpected target worried, expected the id of a node in this file; did you mean worries\?/,
    /^Line 32, column \d+ error: Unexpected behaviour code Affirmation/,
  ]);
  await expect(page.getByRole('button', { name: /Start/ })).toHaveCount(0);

  // The fixed file replaces it.
  await page.getByLabel('Choose a scenario file (.md)').setInputFiles({ name: 'garden-centre-with-sam.md', mimeType: 'text/markdown', buffer: Buffer.from(garden) });
  await expect(page.getByRole('button', { name: 'Start the scenario' })).toBeVisible();
  await expect(problems).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`playing a file has no axe violations in the ${theme} theme, with problems listed and with a run under way`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(url);
    await page.getByLabel('Choose a scenario file (.md)').setInputFiles({ name: 'broken.md', mimeType: 'text/markdown', buffer: Buffer.from(garden.replace('-> worries', '-> worried')) });
    await expect(page.getByRole('region', { name: 'broken.md cannot be played yet' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Choose a scenario file (.md)').setInputFiles({ name: 'garden.md', mimeType: 'text/markdown', buffer: Buffer.from(garden) });
    await page.getByRole('button', { name: 'Start the scenario' }).click();
    await page.getByRole('button', { name: /What draws you to it/ }).click();
    await expectNoAxeViolations(page);
  });
}
