import { expect, test, type Page } from '@playwright/test';
import { clearStorage, expectFocused, tabTo } from './helpers.ts';

const url = '/scenarios/first-conversation-with-jordan';

test.beforeEach(async ({ page }) => clearStorage(page));

/** The conversation so far, as the player lists it. */
const conversation = (page: Page) => page.getByRole('list', { name: 'Conversation so far' });

test('a scenario can be played to its ending with the keyboard alone, with an undo on the way', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^recent hospital stay$/ })).toBeVisible();

  await tabTo(page, /I have read the content notes/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /What do you say\?/);
  await expect(conversation(page)).toContainText("Honestly, I don't know why I'm here.");

  await tabTo(page, /Coming here wasn't really your idea/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /Complex reflection\s+You named what was unsaid/);

  await tabTo(page, /A coach can help you make a plan/);
  await page.keyboard.press('Enter');
  await expect(conversation(page)).toContainText('She said you\'d help me "get on track"');

  await tabTo(page, /Undo last choice/);
  await page.keyboard.press('Enter');
  await expect(conversation(page)).not.toContainText('get on track');
  await expect(page.getByRole('button', { name: /What would getting back to normal look like/ })).toBeVisible();

  await tabTo(page, /What would getting back to normal look like/);
  await page.keyboard.press('Enter');
  await tabTo(page, /People trusted you with their computers/);
  await page.keyboard.press('Enter');

  await expectFocused(page, /^Debrief$/);
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief.getByText('positive')).toBeVisible();
  await expect(debrief.getByText('Jordan agrees to come back next week.')).toBeVisible();
  await expect(debrief.getByRole('listitem')).toHaveCount(3);
  const table = debrief.getByRole('table');
  await expect(table.getByRole('row', { name: /Reflection-to-question ratio/ })).toContainText('1:1 (1 reflection, 1 question) (fair)');
  await expect(table.getByRole('row', { name: /Percent complex reflections/ })).toContainText('100% (1 of 1) (good)');
  await expect(table.getByRole('row', { name: /Total MI-adherent/ })).toContainText('1');
  await expect(debrief).toContainText('It is not a MITI rating of your own speech');
});

test('a run survives a reload and can be resumed', async ({ page }) => {
  await page.goto(url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await page.getByRole('button', { name: /Coaching helps a lot of people/ }).click();
  await expect(conversation(page)).toContainText("Yeah, that's what everyone says.");

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  await expect(conversation(page)).toContainText("Yeah, that's what everyone says.");
  await page.getByRole('button', { name: /Well, your case manager is worried/ }).click();
  await expect(page.getByRole('region', { name: 'Debrief' })).toContainText('negative');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await page.goto('/progress');
  await expect(page.getByRole('row', { name: /A first conversation with Jordan/ })).toContainText('negative');
});

test('the transcript can be downloaded as Markdown', async ({ page }) => {
  await page.goto(url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await page.getByRole('button', { name: /Coming here wasn't really your idea/ }).click();
  await page.getByRole('button', { name: /What would getting back to normal look like/ }).click();
  await page.getByRole('button', { name: /Would it help to think together/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the transcript' }).click()]);
  expect(download.suggestedFilename()).toBe('first-conversation-with-jordan-transcript.md');
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toContain('# A first conversation with Jordan');
  expect(text).toContain('- **Pronouns:** they/them');
  expect(text).toContain('**You (Seeking collaboration):** "Would it help to think together about ways back into that kind of work?"');
  expect(text).toContain('**Outcome:** positive');
  expect(text).toContain('| Total MI-adherent | 1 | – | – |');
});

test('take a break leaves the run for a calm page, and the way back resumes it', async ({ page }) => {
  await page.goto(url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await page.getByRole('button', { name: /Coming here wasn't really your idea/ }).click();
  await page.getByRole('link', { name: 'Take a break' }).click();
  await expect(page.getByRole('heading', { name: 'Taking a break' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the scenario' }).click();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  await expect(conversation(page)).toContainText("No. Everyone's got a plan for me since the hospital.");
});

test('every scenario appears in the catalogue and can be filtered', async ({ page }) => {
  await page.goto('/scenarios');
  await expect(page.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Preparing for a medication review with Priya' })).toBeVisible();
  await page.getByLabel('Level').selectOption('intermediate');
  await expect(page.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeHidden();
  await expect(page.getByText('1 of 3 scenarios')).toBeVisible();
  await page.getByLabel('Level').selectOption('');
  await page.getByLabel('Skill', { exact: true }).selectOption('reflections');
  await expect(page.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Preparing for a medication review with Priya' })).toBeHidden();
});
