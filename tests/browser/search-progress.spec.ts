import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { clearStorage } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

test('search, opened with /, finds a module by a word in its body', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/modules');
  expect(requests.some((url) => url.includes('search-index.json'))).toBe(false);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('stockroom');
  const result = dialog.getByRole('listitem').filter({ hasText: 'Motivational interviewing: OARS' });
  await expect(result).toBeVisible();
  await expect(result).toContainText('Module');
  await expect(result.locator('mark')).toHaveText(/stockroom/i);
  await result.getByRole('link').click();
  await expect(page).toHaveURL(/\/modules\/mi-oars$/);
});

test('progress can be exported, cleared and imported back', async ({ page }, testInfo) => {
  await page.goto('/modules/shared-decision-making');
  const markComplete = page.getByRole('button', { name: 'Mark this module as complete' });
  await markComplete.scrollIntoViewIfNeeded(); // it comes to life when scrolled to
  await markComplete.click();
  await expect(page.getByRole('button', { name: /Completed/ })).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByText('1 of 5 modules completed.')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).modules['shared-decision-making']).toBeTruthy();

  await page.getByRole('button', { name: 'Clear progress' }).click();
  await page.getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(page.getByText('0 of 5 modules completed.')).toBeVisible();

  await page.locator('input[type=file]').setInputFiles(file);
  await expect(page.getByText('Imported progress from progress.json.')).toBeVisible();
  await expect(page.getByText('1 of 5 modules completed.')).toBeVisible();

  await page.locator('input[type=file]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByText('That file is not a progress export: it has no version.')).toBeVisible();
  await expect(page.getByText('1 of 5 modules completed.')).toBeVisible();
});

test('corrupt stored progress never breaks a page, and what is valid is kept', async ({ page }) => {
  await page.evaluate(() =>
    localStorage.setItem(
      'recovery-coach-practice:progress',
      JSON.stringify({ version: 1, modules: { 'mi-oars': { completedAt: '2026-01-01T00:00:00.000Z' }, broken: 'yes' }, answers: 'nonsense', runs: [{ scenarioId: 42 }] }),
    ),
  );
  await page.goto('/progress');
  await expect(page.getByText(/Some saved progress could not be read \(3 entries\)/)).toBeVisible();
  await expect(page.getByText('1 of 5 modules completed.')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('recovery-coach-practice:progress:unreadable'))).toContain('nonsense');

  await page.evaluate(() => localStorage.setItem('recovery-coach-practice:progress', '{not json'));
  await page.goto('/scenarios/first-conversation-with-jordan');
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await expect(page.getByText('Your saved progress could not be read')).toBeVisible();
  await page.getByRole('button', { name: /Coming here wasn't really your idea/ }).click();
  await expect(page.getByText('Complex reflection')).toBeVisible();
  await page.goto('/modules/mi-oars');
  await expect(page.getByRole('button', { name: 'Mark this module as complete' })).toBeVisible();
});
