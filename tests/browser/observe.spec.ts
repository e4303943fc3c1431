/** The observer's tally sheet: tap and key tallies, undo, live figures, a note, a reload, and the exports. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { clearStorage } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

test('an observer tallies by tap and by key, takes one back, notes one, and exports Markdown and CSV', async ({ page }) => {
  await page.goto('/observe');
  const figures = page.getByRole('region', { name: 'Live figures' });
  await expect(figures).toContainText('No questions or reflections were tallied, so there is no ratio.');

  await page.getByRole('button', { name: /^Open question/ }).click();
  await page.getByRole('button', { name: /^Complex reflection/ }).click();
  await page.keyboard.press('3'); // Simple reflection
  await page.keyboard.press('='); // Confront
  await page.keyboard.press('='); // Confront, taken back next
  await expect(page.getByRole('button', { name: /^Confront 2 so far/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo the last tally' }).click();
  await expect(page.getByRole('button', { name: /^Confront 1 so far/ })).toBeVisible();

  await expect(figures).toContainText('2:1 (2 reflections, 1 question)');
  await expect(figures).toContainText('50% (1 of 2)');
  await expect(figures.getByText('Total MI non-adherent').locator('..')).toContainText('1');

  await page.getByLabel('Note on tally 4 (Confront, 0:00)').fill('argued about the plan');
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await expect(page.getByRole('timer')).toHaveText('0:01', { timeout: 3000 });

  await page.reload();
  await expect(page.getByRole('button', { name: /^Confront 1 so far/ })).toBeVisible();
  await expect(page.getByLabel('Note on tally 4', { exact: true })).toHaveValue('argued about the plan');

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  const text = readFileSync(await markdown.path(), 'utf8');
  expect(text).toContain('| Reflection-to-question ratio (R:Q) | 2:1 (2 reflections, 1 question) | 1:1 | 2:1 |');
  expect(text).toContain('| 4 | 0:00 | Confront | argued about the plan |');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^tally-sheet-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(readFileSync(await csv.path(), 'utf8').split('\r\n').slice(0, 2)).toEqual(['scenario,coach,observer,round,number,time,seconds,code,counts as,MITI group,note', ',,,,1,0:00,0,Open question,question,,']);
});

test("five triads' sheets can be told apart: the scenario, coach, observer and round go into the exports and their names", async ({ page }) => {
  // Opened from a scenario's role cards, the sheet names the scenario.
  await page.goto('/observe?scenario=first-conversation-with-jordan');
  const scenario = page.getByRole('combobox', { name: 'Scenario' });
  await expect(scenario).toHaveValue(/Jordan/);
  const title = await scenario.inputValue();
  await page.getByLabel(/^Coach/).fill('Ana');
  await page.getByLabel(/^Observer/).fill('Sam');
  await page.getByLabel(/^Round/).fill('2');
  await page.getByRole('button', { name: /^Affirm/ }).click();
  await page.reload();
  await expect(page.getByLabel(/^Coach/)).toHaveValue('Ana');

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as Markdown' }).click()]);
  expect(markdown.suggestedFilename()).toMatch(/^tally-sheet-\d{4}-\d{2}-\d{2}-a-first-conversation-with-jordan-ana-round-2\.md$/);
  expect(readFileSync(await markdown.path(), 'utf8')).toContain(`- Scenario: ${title}\n- Coach: Ana\n- Observer: Sam\n- Round: 2\n`);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as CSV' }).click()]);
  expect(readFileSync(await csv.path(), 'utf8').split('\r\n')[1]).toMatch(new RegExp(`^${title},Ana,Sam,2,1,`));

  // The next round: a new sheet keeps the scenario and the observer, and asks for the coach and round again.
  await page.getByRole('button', { name: 'Start a new sheet' }).click();
  await page.getByRole('button', { name: 'Yes, clear the sheet' }).click();
  await expect(scenario).toHaveValue(title);
  await expect(page.getByLabel(/^Observer/)).toHaveValue('Sam');
  await expect(page.getByLabel(/^Coach/)).toHaveValue('');
});

test('number-row keys can be turned off, and then do nothing', async ({ page }) => {
  await page.goto('/observe');
  await page.getByLabel(/Number-row keys tally codes/).uncheck();
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: /^Open question 0 so far/ })).not.toHaveAttribute('aria-keyshortcuts');
});
