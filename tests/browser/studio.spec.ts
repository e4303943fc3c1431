/**
 * The studio, used as a trainer would: start from the template, break a line and fix it, read the
 * diagram, play the draft from a node with a variable set, download it, and find that `coach test`
 * passes the downloaded file. Then keeping the draft, opening a file, the keyboard, axe and 320 px.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { fillScenarioTemplate } from '../../src/engine/template.ts';
import { clearStorage } from './helpers.ts';
import { announcements, editor, paste, problems, projectRoot, studioUrl as url, template } from './studio-page.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

test('a trainer writes a scenario from the template, breaks and fixes it, previews it from a node and downloads it', async ({ page }, testInfo) => {
  await page.goto(url);
  await page.getByLabel('File name').fill('meeting-sam.md');
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await expect(editor(page)).toContainText('title: Meeting sam');
  await expect(problems(page)).toContainText('No problems. coach test passes this draft.');

  // Break a line: a target that does not exist.
  const text = fillScenarioTemplate(template, 'meeting-sam');
  const brokenLine = text.split('\n').findIndex((line) => line.includes('"What brings you here today?" -> listens')) + 1;
  await paste(page, text.replace('"What brings you here today?" -> listens', '"What brings you here today?" -> listen'));
  const problem = problems(page).getByRole('listitem').filter({ hasText: 'Unexpected target listen' });
  await expect(problem).toContainText(`Line ${brokenLine}, column 55 error: Unexpected target listen, expected the id of a node in this file; did you mean listens?`);
  await expect(page.locator('.cm-line').nth(brokenLine - 1).locator('.cm-lintRange-error')).toHaveText('listen');
  await expect(announcements(page)).toContainText('Checked: 1 error');
  // The error comes first, before the note that exploration waits for it.
  await expect(problems(page).getByRole('listitem').first()).toContainText('Unexpected target listen');

  // The problem's place takes the trainer to it; Undo fixes it.
  await problem.getByRole('button', { name: `Line ${brokenLine}, column 55` }).click();
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(problems(page)).toContainText('No problems. coach test passes this draft.');
  await expect(page.locator('.cm-lintRange-error')).toHaveCount(0);

  // The diagram: every node, the endings coloured by outcome and named in words.
  const diagram = page.getByRole('region', { name: 'Diagram' });
  await expect(diagram.getByRole('group', { name: /Diagram of the draft: 6 nodes, 5 arrows, 3 endings, 0 unreachable/ })).toBeVisible();
  const goesWell = diagram.locator('[data-node="goes-well"]');
  await expect(goesWell).toContainText('positive ending');
  const fill = await goesWell.locator('path').evaluate((path) => getComputedStyle(path).fill);
  const plainFill = await diagram.locator('[data-node="listens"] path').evaluate((path) => getComputedStyle(path).fill);
  expect(fill).not.toBe(plainFill);
  // A click on a box takes the editor to that node's heading.
  await goesWell.click();
  await expect(editor(page)).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toContainText('## Goes well');
  await diagram.getByText('The diagram as a table').click();
  await expect(diagram.getByRole('row', { name: /Goes well/ })).toContainText('positive ending');

  // Preview from `listens` with rapport 1: the affirmation that needs rapport >= 1 is offered.
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByLabel('Start at node').selectOption('listens');
  await preview.getByLabel('rapport').fill('1');
  await preview.getByRole('button', { name: 'Play from this node' }).click();
  await expect(preview.getByRole('list', { name: 'Conversation so far' })).toContainText("I'm not sure. My sister said it might help.");
  await preview.getByRole('button', { name: /Coming along when you're not sure takes courage/ }).click();
  await expect(preview.getByRole('region', { name: 'Debrief' })).toContainText('positive');
  // With rapport at its starting value, 0, it is not offered.
  await preview.getByLabel('rapport').fill('');
  await preview.getByRole('button', { name: 'Play from this node' }).click();
  await expect(preview.getByRole('button', { name: /Did your sister make you come/ })).toBeVisible();
  await expect(preview.getByRole('button', { name: /takes courage/ })).toHaveCount(0);

  // Download it, and run coach test on the file as a trainer would.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the .md' }).click()]);
  expect(download.suggestedFilename()).toBe('meeting-sam.md');
  const saved = testInfo.outputPath('meeting-sam.md');
  await download.saveAs(saved);
  const result = spawnSync(process.execPath, ['bin/coach.mjs', 'test', saved], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  expect(result.stdout).toContain('1 scenario: 1 passed, 0 failed');
  expect(result.status).toBe(0);
});

test('the draft is kept on the device and comes back after a reload', async ({ page }) => {
  await page.goto(url);
  await expect(problems(page)).toContainText('No problems');
  await paste(page, fillScenarioTemplate(template, 'kept-for-later'));
  await expect(problems(page)).toContainText('No problems');
  await page.reload();
  await expect(editor(page)).toContainText('title: Kept for later');
  await expect(announcements(page)).toContainText('Your draft kept on this device is back in the editor.');
});

test('starting from the template asks first when there is a draft to lose, and No keeps it', async ({ page }) => {
  await page.goto(url);
  await paste(page, fillScenarioTemplate(template, 'my-own').replace('title: My own', 'title: Written by me'));
  await page.getByRole('button', { name: 'Start from the template' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm starting from the template' });
  await expect(confirm).toContainText('Replace your draft with the template?');
  await expect(confirm.getByRole('button', { name: 'No, keep my draft' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Start from the template' })).toBeFocused();
  await expect(editor(page)).toContainText('title: Written by me');
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await page.getByRole('button', { name: 'Yes, replace it' }).click();
  await expect(editor(page)).toContainText('title: New scenario');
});

test('a file opened from the device is checked under its own name', async ({ page }) => {
  await page.goto(url);
  await page.getByLabel('Open a file…').setInputFiles({ name: 'Draft Two.md', mimeType: 'text/markdown', buffer: Buffer.from(fillScenarioTemplate(template, 'draft-two')) });
  await expect(page.getByLabel('File name')).toHaveValue('Draft Two.md');
  await expect(editor(page)).toContainText('title: Draft two');
  await expect(problems(page)).toContainText('Unexpected file name Draft Two.md, expected lower-case letters, digits and hyphens ending in .md, such as draft-two.md');
  await page.getByLabel('File name').fill('draft-two.md');
  await expect(problems(page)).toContainText('No problems');
});

test('the keyboard reaches the file picker, with its focus shown, and can leave the editor with Escape then Tab', async ({ page }) => {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start from the template' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Open a file…')).toBeFocused();
  expect(await page.getByText('Open a file…').evaluate((label) => getComputedStyle(label).outlineStyle)).toBe('solid');

  await expect(page.getByText('To move on from the editor with the keyboard, press Escape, then Tab.')).toBeVisible();
  await editor(page).click();
  await page.keyboard.press('Tab');
  await expect(editor(page)).toBeFocused(); // Tab indents
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor(page)).not.toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the studio has no axe violations in the ${theme} theme, with a problem listed and the preview playing`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(url);
    await paste(page, fillScenarioTemplate(template, 'axe').replace('-> closes-down', '-> close-down'));
    await expect(problems(page).getByRole('listitem')).not.toHaveCount(0);
    await paste(page, fillScenarioTemplate(template, 'axe'));
    await expect(problems(page)).toContainText('No problems');
    await page.getByRole('button', { name: 'Play from the start' }).click();
    await expect(page.getByRole('heading', { name: 'What do you say?' })).toBeVisible();
    await page.getByText('The diagram as a table').click();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the studio fits a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(url);
  await expect(problems(page)).toContainText('No problems');
  await expect(page.getByRole('group', { name: /Diagram of the draft/ })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the trainers\' page leads to the studio, the guide and the format', async ({ page }) => {
  await page.goto('/trainers');
  await page.getByRole('link', { name: 'Authoring guide' }).click();
  await expect(page.getByRole('heading', { name: 'Writing role-play scenarios', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'scenario format version 1' }).click();
  await expect(page).toHaveURL(/\/trainers\/format\/$/);
  await expect(page.getByRole('heading', { name: 'Scenario format, version 1', level: 1 })).toBeVisible();
  await page.goto('/trainers');
  await page.getByRole('link', { name: 'Scenario studio' }).click();
  await expect(page.getByRole('heading', { name: 'Scenario studio', level: 1 })).toBeVisible();
});
