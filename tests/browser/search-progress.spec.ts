import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { choose, clearStorage, course, expectFocused, fillStorage, jordan } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

const storageKey = 'recovery-coach-practice:progress';
/** Chooses a file with "Import progress", as the reader does through the browser's file chooser. */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import progress' }).click()]);
  await chooser.setFiles(file);
}

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
  await expect(result.getByText(/stockroom/i)).toBeVisible();
  await result.getByRole('link').click();
  await expect(page).toHaveURL(/\/modules\/mi-oars$/);
});

test('search says when it shows only the best of many results', async ({ page }) => {
  await page.goto('/modules');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await page.keyboard.type('reflection');
  await expect(dialog.getByText(/^\d+ results for “reflection”: the best 20 are shown; add a word to narrow it$/)).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(20);
});

test('search matches the beginnings of words, with snippets of clean, whole words', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Search/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await dialog.getByRole('searchbox').fill('refl');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Motivational interviewing: OARS' })).toBeVisible();
  const index = (await (await page.request.get('/search-index.json')).json()) as { documents: Record<string, { url: string; title: string; text: string }> };
  for (const result of await dialog.getByRole('listitem').all()) {
    const title = await result.getByRole('link').innerText();
    const document = Object.values(index.documents).find((entry) => entry.title === title)!;
    const snippet = (await result.getByRole('paragraph').last().innerText()).replace(/^…|…$/g, '');
    expect(snippet).not.toContain('|');
    // The snippet is the document's own text, begun at the start of a word.
    const flat = ` ${document.text.replace(/\s+/g, ' ')}`;
    expect(flat, title).toContain(` ${snippet.trim()}`);
  }
  // A scenario's content note comes before its snippet.
  await dialog.getByRole('searchbox').fill('hospital');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'A first conversation with Jordan' })).toContainText(/Content note: recent hospital stay\.\s*.*hospital/);
});

test('progress can be exported, cleared and imported back, and focus stays on a control', async ({ page }, testInfo) => {
  await page.goto('/modules/shared-decision-making');
  await page.getByRole('button', { name: 'Mark this module as complete' }).click();
  await expect(page.getByRole('button', { name: 'Mark this module as complete' })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/progress');
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).modules['shared-decision-making']).toBeTruthy();

  await page.getByRole('button', { name: 'Clear progress' }).focus();
  await page.keyboard.press('Enter');
  await expectFocused(page, /^No, keep it$/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /^Clear progress$/);
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, clear it' }).click();
  await expectFocused(page, /^Clear progress$/);
  await expect(page.getByText(`0 of ${course.modules} modules completed.`)).toBeVisible();

  await importFile(page, file);
  const preview = page.getByRole('region', { name: 'Import “progress.json”?' });
  await expect(preview).toContainText('The file holds 1 completed module.');
  await expect(page.getByText(`0 of ${course.modules} modules completed.`)).toBeVisible();
  await preview.getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(page.getByText('Merged the progress in progress.json with yours.')).toBeVisible();
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();
  await expectFocused(page, /^Import progress$/);

  await importFile(page, { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(page.getByText('That file is not a progress export: it has no version.')).toBeVisible();
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();
});

test('importing a partial file says what will change, asks, and merging keeps both sides', async ({ page }, testInfo) => {
  await page.goto(jordan.url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await choose(page, jordan.leavesEarly);
  await page.goto('/modules/mi-oars');
  await page.getByRole('button', { name: 'Mark this module as complete' }).click();

  // From another device: one other module and one other run, and none of the other sections.
  const file = testInfo.outputPath('other-device.json');
  const summary = { questions: 1, reflections: 2, complexReflections: 1, miAdherent: 3, miNonAdherent: 0 };
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      modules: { 'peer-support': { completedAt: '2026-02-01T09:00:00.000Z' } },
      runs: [{ scenarioId: 'setting-a-goal-with-marcus', title: 'Setting a goal with Marcus', endedAt: '2026-02-01T10:00:00.000Z', ending: 'x', outcome: 'positive', choices: [0], summary }],
    }),
  );
  await page.goto('/progress');
  await importFile(page, file);
  const preview = page.getByRole('region', { name: 'Import “other-device.json”?' });
  await expect(preview).toContainText('The file holds 1 completed module and 1 finished run.');
  await expect(preview).toContainText('Merge keeps everything in this browser and adds 1 completed module and 1 finished run.');
  await expect(preview).toContainText('Replace makes this browser hold only what is in the file: 1 completed module and 1 finished run here would be removed or changed.');
  await expectFocused(page, /Import “other-device\.json”\?/);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Nothing was imported.')).toBeVisible();
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();

  await importFile(page, file);
  await page.getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(page.getByText(`2 of ${course.modules} modules completed.`)).toBeVisible();
  const runs = page.getByRole('region', { name: 'Scenario runs' });
  await expect(runs.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeVisible();
  await expect(runs.getByRole('heading', { name: 'Setting a goal with Marcus' })).toBeVisible();
});

test('My progress names scenarios in progress by their titles', async ({ page }) => {
  await page.goto(jordan.url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await choose(page, jordan.agreesToMeet.slice(0, 1));
  await page.goto('/progress');
  await expect(page.getByRole('region', { name: 'Scenario runs' }).getByRole('link', { name: 'A first conversation with Jordan' })).toBeVisible();
  await expect(page.getByText('first-conversation-with-jordan')).toHaveCount(0);
});

test('corrupt stored progress never breaks a page, and what is valid is kept', async ({ page }) => {
  await page.evaluate(
    (key) => localStorage.setItem(key, JSON.stringify({ version: 1, modules: { 'mi-oars': { completedAt: '2026-01-01T00:00:00.000Z' }, broken: 'yes' }, answers: 'nonsense', runs: [{ scenarioId: 42 }] })),
    storageKey,
  );
  await page.goto('/progress');
  await expect(page.getByText(/Some saved progress could not be read \(3 entries\)/)).toBeVisible();
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();
  const setAside = page.getByRole('region', { name: 'Set aside on this device' });
  const [download] = await Promise.all([page.waitForEvent('download'), setAside.getByRole('button', { name: 'Download it' }).click()]);
  expect(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))).toContain('nonsense');

  await page.evaluate((key) => localStorage.setItem(key, '{not json'), storageKey);
  await page.goto(jordan.url);
  await expect(page.getByText('Your saved progress could not be read')).toBeVisible();
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await choose(page, jordan.agreesToMeet.slice(0, 1));
  await expect(page.getByText('Complex reflection')).toBeVisible();
  await page.goto('/modules/mi-oars');
  await expect(page.getByRole('button', { name: 'Mark this module as complete' })).toBeVisible();
});

test('a corrupt 5 MB record with no room to set it aside is never written over, and can be downloaded', async ({ page }) => {
  const corrupt = await page.evaluate((key) => {
    const text = `{"version":1,"modules":{"mi-oars":${'x'.repeat(2_600_000)}`;
    localStorage.setItem(key, text);
    return text.length;
  }, storageKey);
  await fillStorage(page);
  await page.goto('/modules/mi-oars');
  await expect(page.getByText(/there is no room on this device to set it aside\. It is left untouched/)).toBeVisible();
  await page.getByRole('button', { name: 'Mark this module as complete' }).click();
  await expect(page.getByText(/This was not saved: your earlier saved progress could not be read/)).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key)?.length, storageKey)).toBe(corrupt);

  await page.goto('/progress');
  const setAside = page.getByRole('region', { name: 'Set aside on this device' });
  await expect(setAside).toContainText('Your saved progress, which could not be read and is kept as it was');
  const [download] = await Promise.all([page.waitForEvent('download'), setAside.getByRole('button', { name: 'Download it' }).click()]);
  expect((await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks))).length).toBe(corrupt);
  await setAside.getByRole('button', { name: 'Delete it' }).click();
  await setAside.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByText('It was deleted.')).toBeVisible();
  expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).version, storageKey)).toBe(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('My progress says it needs JavaScript instead of showing empty counts', async ({ page }) => {
    await page.goto('/progress');
    await expect(page.getByText('My progress needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByText(/0 of \d+ modules completed/)).toBeHidden();
    await expect(page.getByRole('button')).toHaveCount(0);
  });
});
