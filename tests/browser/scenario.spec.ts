import { expect, test, type Page } from '@playwright/test';
import { choose, clearStorage, course, expectFocused, fillStorage, jordan, tabTo } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

/** The conversation so far, as the player lists it. */
const conversation = (page: Page) => page.getByRole('list', { name: 'Conversation so far' });
const start = (page: Page) => page.getByRole('button', { name: /I have read the content notes/ }).click();

test('a scenario can be played to its ending with the keyboard alone, with an undo on the way', async ({ page }) => {
  await page.goto(jordan.url);
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();

  await tabTo(page, /I have read the content notes/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /What do you say\?/);
  await expect(conversation(page)).toContainText("Honestly, I don't know why I'm here.");

  await tabTo(page, /Coming here feels like one more plan/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /Complex reflection\s+You named what sits under Jordan's words/);

  await tabTo(page, /A plan of your own could really help/);
  await page.keyboard.press('Enter');
  await expect(conversation(page)).toContainText('You sound exactly like my case manager.');

  await tabTo(page, /Undo last choice/);
  await page.keyboard.press('Enter');
  await expect(conversation(page)).not.toContainText('You sound exactly like my case manager.');
  // A screen reader hears that the choice was undone, not the line it took back.
  const spoken = page.locator('[aria-live="polite"][aria-atomic="true"]').first();
  await expect(spoken).toHaveText(/^Last choice undone\. /);
  await expect(spoken).not.toContainText('You sound exactly like my case manager.');

  for (const says of jordan.agreesToMeet.slice(1)) {
    await tabTo(page, says);
    await page.keyboard.press('Enter');
  }

  await expectFocused(page, /^Debrief$/);
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief.getByText('positive', { exact: true })).toBeVisible();
  await expect(debrief.getByText(/Jordan arrived sure this was one more plan made for them/)).toBeVisible();
  await expect(debrief.getByRole('listitem')).toHaveCount(8);
  // The model run is not marked as a miss anywhere, though it answers Jordan's direct question with information.
  await expect(debrief.getByText(/A more MI-consistent option here:|The safety step here:|The straight answer here:/)).toHaveCount(0);
  const table = debrief.getByRole('table');
  await expect(table.getByRole('row', { name: /Reflection-to-question ratio/ })).toContainText('3:1 (3 reflections, 1 question)');
  await expect(table.getByRole('row', { name: /Percent complex reflections/ })).toContainText('100% (3 of 3)');
  await expect(table.getByRole('row', { name: /Total MI-adherent/ })).toContainText('3');
  await expect(debrief).toContainText('It is not a MITI rating of your own speech');
});

test('Restart asks first, and focus stays on a control whatever the answer', async ({ page }) => {
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.agreesToMeet.slice(0, 2));

  await page.getByRole('button', { name: 'Restart' }).focus();
  await page.keyboard.press('Enter');
  await expectFocused(page, /^No, keep going$/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /^Restart$/);
  await expect(conversation(page)).toContainText('What even are you, though?');

  // Escape answers no, as it closes any question.
  await page.keyboard.press('Enter');
  await expectFocused(page, /^No, keep going$/);
  await page.keyboard.press('Escape');
  await expectFocused(page, /^Restart$/);
  await expect(page.getByRole('button', { name: 'Yes, restart' })).toHaveCount(0);

  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, restart' }).click();
  await expectFocused(page, /What do you say\?/);
  await expect(conversation(page)).not.toContainText('What even are you, though?');
});

test('a run survives a reload and can be resumed', async ({ page }) => {
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.leavesEarly.slice(0, 1));
  await expect(conversation(page)).toContainText("Yeah, that's what everyone says.");

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume where you left off' }).click();
  await expect(conversation(page)).toContainText("Yeah, that's what everyone says.");
  await choose(page, jordan.leavesEarly.slice(1));
  await expect(page.getByRole('region', { name: 'Debrief' })).toContainText('negative');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
});

test('a finished run can be seen again, from the scenario page and from My progress', async ({ page }) => {
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.leavesEarly);
  await page.reload();

  const history = page.getByRole('region', { name: 'Your past runs of this scenario' });
  await expect(history.getByRole('heading', { level: 3 })).toContainText('negative');
  await expect(history).toContainText('0 MI-adherent, 2 non-adherent');
  await expect(history).not.toContainText('0 reflections to 0 questions');
  await history.getByRole('button', { name: 'Show the conversation and debrief' }).click();
  await expect(history.getByRole('list', { name: /The conversation on/ })).toContainText('You sound exactly like my case manager.');
  await expect(history.getByRole('region', { name: /Debrief of the run on/ })).toContainText('Jordan leaves early.');
  const [download] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Download this transcript' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^first-conversation-with-jordan-transcript-\d{4}-\d\d-\d\d\.md$/);

  await page.goto('/progress');
  const run = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'A first conversation with Jordan' }) });
  await expect(run).toContainText('negative');
  await expect(run).toContainText('0 MI-adherent, 2 non-adherent');
  await run.getByRole('link', { name: 'See its conversation and debrief again' }).click();
  await expect(page).toHaveURL(/\/scenarios\/first-conversation-with-jordan#run-/);
  await expect(page.getByRole('region', { name: /Debrief of the run on/ })).toContainText('Jordan leaves early.');
});

test('the transcript can be downloaded as Markdown', async ({ page }) => {
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.agreesToMeet);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the transcript' }).click()]);
  expect(download.suggestedFilename()).toBe('first-conversation-with-jordan-transcript.md');
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toContain('# A first conversation with Jordan');
  expect(text).toContain('- **Pronouns:** they/them');
  expect(text).toContain('**You (Affirm):** "Half the street trusted you with their computers, and Tash still comes to you first. People rely on your skill."');
  expect(text).toContain('**Outcome:** positive');
  expect(text).toContain('| Total MI-adherent | 3 | – | – |');
});

test('take a break leaves the run for a calm page, and the way back resumes it', async ({ page }) => {
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.agreesToMeet.slice(0, 1));
  await page.getByRole('link', { name: 'Take a break' }).click();
  await expect(page.getByRole('heading', { name: 'Taking a break' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the scenario' }).click();
  // Straight back into the run at its last step: no question to answer first.
  await expect(conversation(page)).toContainText("I'm twenty-nine. I can make my own plans.");
  await expect(page.getByRole('button', { name: 'Resume where you left off' })).toHaveCount(0);
});

test('the content note comes before the summary and introduction', async ({ page }) => {
  await page.goto(jordan.url);
  const note = page.getByRole('complementary', { name: 'Content note' });
  await expect(note.getByRole('listitem')).toHaveText(['recent hospital stay']);
  const before = (a: string, b: string) =>
    page.evaluate(([first, second]) => {
      const [x, y] = [first, second].map((text) => [...document.querySelectorAll('main *')].find((element) => element.children.length === 0 && element.textContent?.includes(text!)));
      return Boolean(x && y && x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, [a, b]);
  expect(await before('recent hospital stay', 'Jordan was referred by a case manager')).toBe(true);
  expect(await before('recent hospital stay', 'You are a recovery coach at a community drop-in centre')).toBe(true);

  await page.goto('/scenarios');
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'A first conversation with Jordan' }) });
  await expect(card).toHaveText(/^A first conversation with Jordan\s*Content note: recent hospital stay\.\s*Jordan was referred/);
});

test('every scenario appears in the catalogue, with done and in-progress marks, and can be filtered', async ({ page }) => {
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.leavesEarly);
  await page.goto('/scenarios/setting-a-goal-with-marcus');
  await page.getByRole('button', { name: /Start/ }).click();
  await page.getByRole('region', { name: 'What do you say?' }).getByRole('button').first().click();

  await page.goto('/scenarios');
  await expect(page.getByRole('article')).toHaveCount(course.scenarios.length);
  const card = (title: string) => page.getByRole('article').filter({ has: page.getByRole('heading', { name: title }) });
  await expect(card('A first conversation with Jordan')).toContainText('Done: last outcome negative');
  await expect(card('Setting a goal with Marcus')).toContainText('In progress');
  await expect(card('Preparing for a medication review with Priya')).toContainText('Not started');

  const intermediate = course.scenarios.filter((scenario) => /^level: intermediate$/m.test(scenario.text)).length;
  await page.getByLabel('Level').selectOption('intermediate');
  await expect(page.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeHidden();
  await expect(page.getByText(`${intermediate} of ${course.scenarios.length} scenarios`)).toBeVisible();
  await page.getByLabel('Level').selectOption('');
  await page.getByLabel('Skill', { exact: true }).selectOption('reflections');
  await expect(page.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeVisible();
});

test('a saved run with impossible choices is set aside, not replayed, and the page stays usable', async ({ page }) => {
  // 120,000 choices, as a hand-edited record might hold: far more than the scenario allows.
  await page.evaluate(() =>
    localStorage.setItem(
      'recovery-coach-practice:progress',
      JSON.stringify({ version: 1, modules: {}, answers: {}, reflections: {}, runs: [], inProgress: { 'first-conversation-with-jordan': { choices: Array.from({ length: 120_000 }, () => 0), acknowledged: true, updatedAt: '2026-03-01T10:00:00.000Z' } } }),
    ),
  );
  await page.goto(jordan.url);
  await expect(page.getByText(/Your saved run of this scenario no longer fits it .* so it was set aside on this device/)).toBeVisible();
  await start(page);
  await choose(page, jordan.agreesToMeet.slice(0, 1));
  await expect(conversation(page)).toContainText("I'm twenty-nine.");

  await page.goto('/progress');
  const setAside = page.getByRole('region', { name: 'Set aside on this device' });
  await expect(setAside).toContainText('A run of “A first conversation with Jordan” that no longer fits the scenario');
  const [download] = await Promise.all([page.waitForEvent('download'), setAside.getByRole('button', { name: 'Download it' }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(JSON.parse(text).choices).toHaveLength(120_000);
});

test('when storage is full, a finished run says it was not saved and offers an export that holds it', async ({ page }) => {
  await page.goto(jordan.url);
  await fillStorage(page);
  await start(page);
  await choose(page, jordan.agreesToMeet);
  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief.getByText(/storage for this site is full, so this was not saved on this device/)).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), debrief.getByRole('button', { name: 'Export progress' }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(JSON.parse(text).runs).toMatchObject([{ scenarioId: 'first-conversation-with-jordan', outcome: 'positive' }]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the player says it needs JavaScript instead of showing buttons that do nothing', async ({ page }) => {
    await page.goto(jordan.url);
    await expect(page.getByText('The role-play needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('complementary', { name: 'Content note' })).toBeVisible();
  });

  test('the catalogue, the group page and the tally sheet say what needs JavaScript, with no dead controls', async ({ page }) => {
    await page.goto('/scenarios');
    await expect(page.getByText('Filtering the list needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('article')).toHaveCount(course.scenarios.length);
    await page.goto(`${jordan.url}/group`);
    await expect(page.getByText('Playing as a group needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByText('Getting the group player ready')).toBeHidden();
    await page.goto('/observe');
    await expect(page.getByText('The tally sheet needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
  });
});
