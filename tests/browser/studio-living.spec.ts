/**
 * The studio to live in (issue 18, items 2, 3, 6 and 7): asked before a file replaces a draft; the
 * editor and the problems in the first screen at 1280x720; the diagram by keyboard; search; Enter in
 * a list; the paths to each ending agreeing with `coach paths`, with the debrief-quote note; the
 * preview's trace, and its run replayed after an edit; axe in both themes with all of it open.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillScenarioTemplate } from '../../src/engine/template.ts';
import { clearStorage } from './helpers.ts';
import { announcements, editor, paste, problems, projectRoot, studioUrl as url, template } from './studio-page.ts';

const gardenFile = fileURLToPath(new URL('./fixtures/garden-centre-with-sam.md', import.meta.url));
const garden = readFileSync(gardenFile, 'utf8');

test.beforeEach(async ({ page }) => clearStorage(page));

/**
 * The draft's whole text as the studio keeps it on the device (CodeMirror draws only the lines in
 * view, so the page does not hold them all), once typing has paused long enough for it to be kept.
 */
async function editorText(page: Page): Promise<string> {
  await page.waitForTimeout(300);
  return page.evaluate(() => (JSON.parse(localStorage.getItem('recovery-coach-practice:studio-draft') ?? '{}') as { text?: string }).text ?? '');
}

/** Puts the cursor after these words in the editor, by way of its search, as a trainer would find a line. */
async function cursorAfter(page: Page, words: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+F');
  // The search is fetched on the first Ctrl+F: type once its box has the focus, as a person would.
  await expect(page.getByRole('textbox', { name: 'Find' })).toBeFocused();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
}

test('opening a file over a draft of your own asks first, in a dialog; No and Escape keep the draft, Yes opens the file', async ({ page }) => {
  await page.goto(url);
  await paste(page, fillScenarioTemplate(template, 'my-own').replace('title: My own', 'title: Written by me'));
  await expect(problems(page)).toContainText('No problems');
  const file = { name: 'garden-centre-with-sam.md', mimeType: 'text/markdown', buffer: Buffer.from(garden) };

  await page.getByLabel('Open a file…').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Replace your draft with garden-centre-with-sam.md?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Your draft is the only copy the studio keeps.');
  await expect(dialog.getByRole('button', { name: 'No, keep my draft' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(editor(page)).toContainText('title: Written by me');
  await expect(announcements(page)).toContainText('Kept your draft; garden-centre-with-sam.md was not opened.');

  await page.getByLabel('Open a file…').setInputFiles(file);
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(editor(page)).toContainText('title: Written by me');

  await page.getByLabel('Open a file…').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Yes, open the file' }).click();
  await expect(editor(page)).toContainText('title: The garden centre with Sam');
  await expect(page.getByLabel('File name')).toHaveValue('garden-centre-with-sam.md');

  // The template, untouched, is nothing to lose: a file replaces it without a question.
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await page.getByRole('button', { name: 'Yes, replace it' }).click();
  await page.getByLabel('Open a file…').setInputFiles(file);
  await expect(editor(page)).toContainText('title: The garden centre with Sam');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('at 1280x720 the editor and the problems are in the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(url);
  await paste(page, fillScenarioTemplate(template, 'first-screen').replace('-> closes-down', '-> close-down'));
  await page.evaluate(() => window.scrollTo(0, 0));
  const firstProblem = problems(page).getByRole('listitem').first();
  await expect(firstProblem).toContainText('Unexpected target close-down');
  await expect(page.getByRole('heading', { name: 'Problems' })).toBeInViewport();
  await expect(firstProblem).toBeInViewport();
  const box = (await page.locator('.cm-editor').boundingBox())!;
  // The editor's top is on the first screen, with at least 14 lines of text below it.
  expect(box.y).toBeLessThan(720 - 300);
  await expect(editor(page)).toBeInViewport();
});

test('the diagram zooms and pans from the keyboard, and a box takes the editor to its node with Enter', async ({ page }) => {
  await page.goto(url);
  await expect(problems(page)).toContainText('No problems');
  const frame = page.getByRole('region', { name: 'Diagram drawing' });
  const svg = frame.locator('svg');
  const viewBox = () => svg.getAttribute('viewBox');
  const fitted = await viewBox();
  const zoom = page.getByRole('toolbar', { name: 'Zoom the diagram' });

  await frame.focus();
  await page.keyboard.press('+');
  const zoomedIn = await viewBox();
  expect(zoomedIn).not.toBe(fitted);
  await page.keyboard.press('ArrowRight');
  await expect.poll(viewBox).not.toBe(zoomedIn);
  await page.keyboard.press('0');
  await expect.poll(viewBox).toBe(fitted);
  await zoom.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(viewBox).not.toBe(fitted);
  await zoom.getByRole('button', { name: 'Fit it in' }).click();
  await expect.poll(viewBox).toBe(fitted);

  // With the mouse: Ctrl and the wheel zoom; dragging the space between the boxes moves it.
  const corner = (await frame.boundingBox())!;
  await page.mouse.move(corner.x + 8, corner.y + 8);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -120);
  await page.keyboard.up('Control');
  await expect(zoom).toContainText('125%');
  const beforeDrag = await viewBox();
  await page.mouse.down();
  await page.mouse.move(corner.x + 60, corner.y + 40, { steps: 4 });
  await page.mouse.up();
  await expect.poll(viewBox).not.toBe(beforeDrag);
  await page.keyboard.press('0');

  // The arrows carry their choices' numbers; routes say so.
  expect((await frame.locator('.diagram-arrow-tag').allTextContents()).sort()).toEqual(['1', '1, 2, 3', '2', 'route 1', 'route 2']);

  // Tab from the frame goes box by box, in the file's order; Enter goes to the node's heading.
  await frame.focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Opening: start · 2 choices\. Go to line \d+$/ })).toBeFocused();
  await page.keyboard.press('Tab');
  const listens = page.getByRole('button', { name: /^Listens: 3 choices\. Go to line \d+$/ });
  await expect(listens).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^Goes well: positive ending/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toHaveText('## Goes well');
});

test('Ctrl+F finds text in the editor, and the Find button opens the same search', async ({ page }) => {
  await page.goto(url);
  await expect(problems(page)).toContainText('No problems');
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+F');
  const find = page.getByRole('textbox', { name: 'Find' });
  await expect(find).toBeFocused();
  await page.keyboard.type('Maybe later');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cm-searchMatch-selected')).toHaveText('Maybe later');
  await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Whole words' })).toBeVisible();
  await page.getByRole('button', { name: 'Close the search' }).click();
  await expect(find).toHaveCount(0);

  await page.getByRole('button', { name: 'Find…' }).click();
  await expect(page.getByRole('textbox', { name: 'Find' })).toBeFocused();
});

test('Enter at the end of an indented list item starts the next one at the same indentation, and the spelling is checked', async ({ page }) => {
  await page.goto(url);
  await expect(problems(page)).toContainText('No problems');
  await expect(editor(page)).toHaveAttribute('spellcheck', 'true');
  await cursorAfter(page, 'tell it their way.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('set: rapport +2');
  const text = await editorText(page);
  expect(text).toContain('  - feedback: An open question invites Alex to tell it their way.\n  - set: rapport +2\n');
});

test('the paths to each ending agree with coach paths, with the debrief-quote note under its ending and in the problems', async ({ page }) => {
  await page.goto(url);
  await page.getByLabel('Open a file…').setInputFiles({ name: 'garden-centre-with-sam.md', mimeType: 'text/markdown', buffer: Buffer.from(garden) });
  await expect(problems(page)).toContainText('1 note. coach test passes this draft.');
  const note = /Unexpected quote “I do like being around the plants all day” in the debrief of good/;
  await expect(problems(page).getByRole('listitem')).toContainText(note);

  const paths = page.getByRole('region', { name: 'Paths to each ending' });
  await paths.getByText('Show the paths').click();
  const good = paths.getByRole('region', { name: 'good (positive)' });
  await expect(good).toBeVisible();
  await expect(good.getByRole('list', { name: 'Notes on the debrief of good' })).toContainText(note);
  await good.getByText('The 2 ways there, step by step').click();

  // Every sentence the view shows is one coach paths prints for the same file (its lines unwrapped).
  const result = spawnSync(process.execPath, ['bin/coach.mjs', 'paths', gardenFile], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  expect(result.status).toBe(0);
  const printed = result.stdout.replace(/\s+/g, ' ').replaceAll('`', '');
  // Each paragraph and item on its own: an item's own words, without the list inside it.
  const shown = await good.locator('p, li').evaluateAll((items) =>
    items.map((item) => {
      const own = item.cloneNode(true) as HTMLElement;
      own.querySelectorAll('ul').forEach((list) => list.remove());
      return (own.textContent ?? '').replace(/\s+/g, ' ').trim();
    }),
  );
  const sentences = shown.filter((text) => text && !text.startsWith('Line '));
  expect(sentences).toEqual(expect.arrayContaining(['2 runs reach this ending, in 2 ways through the nodes.', 'passes start, good', 'ends with hope from 1 to 2', 'Way 1 (1 run): start → draws → good', 'Listed: both ways, from every run.']));
  for (const sentence of sentences) expect(printed).toContain(sentence);

  // A line in the note takes the editor there.
  await good.getByRole('button', { name: 'Line 40' }).click();
  await expect(editor(page)).toBeFocused();
  await expect(page.locator('.cm-activeLine')).toContainText('Sam will ask about a trial Saturday.');
});

test('the preview shows the variables and the last route, and after an edit plays the run again where its choices still fit', async ({ page }) => {
  await page.goto(url);
  await expect(problems(page)).toContainText('No problems');
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByRole('button', { name: 'Play from the start' }).click();
  const trace = preview.getByRole('region', { name: 'Variables and routes' });
  await expect(trace).toContainText('Now: rapport = 0.');
  await expect(trace).toContainText('No route node passed yet.');
  await preview.getByRole('button', { name: /What brings you here today/ }).click();
  await expect(trace).toContainText('Now: rapport = 1.');
  await preview.getByRole('button', { name: /You're here partly for your sister/ }).click();
  await expect(trace).toContainText('Last route: route node check-in went on to goes-well, as rapport >= 2 holds (rapport = 2).');
  await trace.getByText('Every step so far').click();
  await expect(trace.getByRole('listitem')).toHaveCount(3);
  await expect(trace.getByRole('listitem').nth(1)).toContainText('1. At opening, took choice 1 of 2, Open question: “What brings you here today?” → listens.');

  // An edit to the ending's words: the run is played again on the new draft, to the same ending, and the focus stays in the editor.
  await paste(page, fillScenarioTemplate(template, 'new-scenario').replace('Alex agrees to meet again.', 'Alex agrees to meet again next Tuesday.'));
  await expect(preview.getByRole('note')).toContainText('Updated with your changes: all 2 of your choices replayed.');
  await expect(preview.getByRole('list', { name: 'Conversation so far' })).toContainText("You're here partly for your sister");
  await expect(preview.getByRole('region', { name: 'Debrief' })).toContainText('Alex agrees to meet again next Tuesday.');
  await expect(editor(page)).toBeFocused();

  // An edit that takes a chosen option away: the run keeps the choices before it, and says so.
  await paste(page, (await editorText(page)).replace(/- \*\*Complex reflection:\*\* "You're here partly[^\n]*\n[^\n]*\n[^\n]*\n/, ''));
  await expect(preview.getByRole('note')).toContainText('1 of your 2 choices still fit, and the run goes on from there.');
  await expect(preview.getByRole('heading', { name: 'What do you say?' })).toBeVisible();
  await expect(announcements(page)).toContainText('Preview: 1 of your 2 choices still fit the changed draft');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the studio has no axe violations in the ${theme} theme with the paths, the trace, the zoomed diagram and the dialog open`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(url);
    await page.getByLabel('Open a file…').setInputFiles({ name: 'garden-centre-with-sam.md', mimeType: 'text/markdown', buffer: Buffer.from(garden) });
    await expect(problems(page)).toContainText('1 note');
    await page.getByText('Show the paths').click();
    await page.getByText('The 2 ways there, step by step').click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Play from the start' }).click();
    await page.getByText('Every step so far').click();
    await page.getByRole('button', { name: /What draws you to it/ }).click();
    await editor(page).click();
    await page.keyboard.press('ControlOrMeta+F');
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    const violations = (results: Awaited<ReturnType<typeof axe>>) => results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations(await axe())).toEqual([]);
    await page.getByLabel('Open a file…').setInputFiles({ name: 'other.md', mimeType: 'text/markdown', buffer: Buffer.from(fillScenarioTemplate(template, 'other')) });
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(violations(await axe())).toEqual([]);
  });
}
