import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { clearStorage, expectFocused, expectNoAxeViolations, jordan, sidewaysOverflow, tabTo } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

const conversation = (page: Page) => page.getByRole('list', { name: 'Conversation so far' });
const spoken = (page: Page) => page.locator('[aria-live="polite"][aria-atomic="true"]').first();

/** Turns on "Write my own reply first" and starts, by keyboard. */
async function startInOwnWords(page: Page) {
  await page.goto(jordan.url);
  await tabTo(page, /Write my own reply first/);
  await page.keyboard.press('Space');
  await tabTo(page, /I have read the content notes/);
  await page.keyboard.press('Enter');
  await expectFocused(page, /What would you say to Jordan\?/);
  // The coder arrives with the mode; until then the button says it is loading.
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
}

test('in own words, alone and by keyboard at 375 px: write, say what it was, see it coded, then pick the option marked closest', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await startInOwnWords(page);

  // Shift+Enter breaks the line; Enter sends.
  await page.keyboard.type('It sounds like everyone has a plan for you');
  await page.keyboard.press('Shift+Enter');
  await page.keyboard.type('and none of them are yours');
  await page.keyboard.press('Enter');

  // First runs: say what kind of reply it was, in plain words.
  await expectFocused(page, /What kind of reply do you think that was\?/);
  await page.getByRole('radio', { name: 'Saying back what they meant' }).check();
  await page.getByRole('button', { name: 'See how it reads' }).press('Enter');

  const result = page.getByRole('region', { name: 'How your reply reads' });
  await expect(result).toContainText('so it is a reflection');
  await expect(result).toContainText('You called it saying back what they meant');
  await expect(spoken(page)).toHaveText(/^Your reply reads as (?:Simple|Complex) reflection\./);
  await expectFocused(page, /Now pick the option to go on with/);
  const closest = page.getByRole('button', { name: /Closest to what you wrote/ });
  await expect(closest).toHaveCount(1);
  await expect(closest).toContainText('Coming here feels like one more plan made for you');
  expect(await sidewaysOverflow(page)).toBe(0);

  await tabTo(page, /Coming here feels like one more plan/);
  await page.keyboard.press('Enter');
  await expect(conversation(page)).toContainText('You wrote “It sounds like everyone has a plan for you');
  await expectFocused(page, /What would you say to Jordan\?/);

  // A reply that tells Jordan what to do gets a suggestion.
  await page.keyboard.type('you should give coaching a go');
  await page.keyboard.press('Enter');
  await page.getByRole('radio', { name: 'Not sure' }).check();
  await page.getByRole('button', { name: 'See how it reads' }).click();
  await expect(page.getByRole('region', { name: 'How your reply reads' })).toContainText('You told Jordan what to do. What might you reflect first');

  // Undo takes back the typed reply with its choice.
  await page.getByRole('button', { name: /A plan of your own could really help/ }).click();
  await expect(conversation(page)).toContainText('you should give coaching a go');
  await page.getByRole('button', { name: 'Undo last choice' }).click();
  await expect(conversation(page)).not.toContainText('you should give coaching a go');
  await expect(page.getByRole('textbox', { name: 'What would you say to Jordan?' })).toBeVisible();
});

test('a whole run in own words: skip when stuck, a reload keeps the words, the debrief and transcript keep them, and the chart shows after runs', async ({ page }) => {
  await startInOwnWords(page);
  await page.getByRole('checkbox', { name: /Say what kind of reply I think it was/ }).uncheck();

  const replies = ['coming here feels like one more plan for you', 'you decide what happens next', '', 'what would a good week look like for you?', '', '', '', ''];
  for (const [step, says] of jordan.agreesToMeet.entries()) {
    if (step === 3) {
      // A reload in the middle keeps the run and the words written so far.
      await page.reload();
      await page.getByRole('button', { name: 'Resume where you left off' }).click();
      await expect(conversation(page)).toContainText('you decide what happens next');
    }
    const reply = replies[step]!;
    if (reply) {
      await page.getByRole('textbox', { name: 'What would you say to Jordan?' }).fill(reply);
      await page.getByRole('textbox', { name: 'What would you say to Jordan?' }).press('Enter');
      await expect(page.getByRole('region', { name: 'How your reply reads' })).toBeVisible();
    } else {
      await page.getByRole('button', { name: 'Skip: show me the options' }).click();
    }
    await page.getByRole('button', { name: says }).click();
  }

  const debrief = page.getByRole('region', { name: 'Debrief' });
  await expect(debrief.getByRole('heading', { name: 'In your own words' })).toBeVisible();
  await expect(debrief).toContainText('You wrote 3 replies: 1 open question, 0 closed questions, 1 reflection');
  await expect(debrief.getByRole('table', { name: /What you wrote, as the coder read it/ })).toBeVisible();
  await expect(debrief).toContainText('A coder on a device is not a trained MITI rater');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the transcript' }).click();
  const transcript = readFileSync((await (await download).path())!, 'utf8');
  expect(transcript).toContain('**You wrote:** "coming here feels like one more plan for you"');
  expect(transcript).toContain('> Read by the coder as');
  expect(transcript).toContain('### In your own words');

  // The run is kept with its words: the history shows them again.
  await page.reload();
  await page.getByRole('button', { name: 'Show the conversation and debrief' }).click();
  await expect(page.getByRole('list', { name: /The conversation on/ })).toContainText('you decide what happens next');
});

test('the own-words steps pass axe in both themes', async ({ page }) => {
  await startInOwnWords(page);
  await expectNoAxeViolations(page);
  await page.keyboard.type('what matters most to you about today');
  await page.keyboard.press('Enter');
  await expectNoAxeViolations(page);
  await page.getByRole('radio', { name: 'A question they can answer freely' }).check();
  await page.getByRole('button', { name: 'See how it reads' }).click();
  await expect(page.getByRole('region', { name: 'How your reply reads' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});

/** A finished run of Jordan's scenario in own words, as the player keeps it. */
function runInOwnWords(day: number, replies: { text: string; code: string; own?: string }[]) {
  return {
    scenarioId: 'first-conversation-with-jordan',
    title: 'A first conversation with Jordan',
    endedAt: `2026-11-0${day}T10:00:00.000Z`,
    ending: 'leaves-early',
    outcome: 'negative',
    choices: [0, 0],
    summary: { questions: 0, reflections: 0, complexReflections: 0, miAdherent: 0, miNonAdherent: 2 },
    ownWords: replies.map((reply) => ({ confidence: 0.9, ...reply })),
  };
}

test('My progress charts practice in own words over three runs, with a table, what was misread, and it survives export and import', async ({ page }, testInfo) => {
  const runs = [
    runInOwnWords(1, [{ text: 'do you want to come back', code: 'Closed question', own: 'Open question' }, { text: 'you should try it', code: 'Persuade' }]),
    runInOwnWords(2, [{ text: 'what brings you here', code: 'Open question' }, { text: 'you feel pushed?', code: 'Closed question', own: 'Complex reflection' }]),
    runInOwnWords(3, [{ text: 'what matters to you', code: 'Open question' }, { text: 'everyone has a plan for you', code: 'Complex reflection', own: 'Complex reflection' }, { text: 'you want your own plan', code: 'Simple reflection' }]),
  ];
  await page.evaluate((record) => localStorage.setItem('recovery-coach-practice:progress', JSON.stringify(record)), { version: 1, modules: {}, answers: {}, reflections: {}, runs, inProgress: {}, groupsInProgress: {} });
  await page.goto('/progress');

  const section = page.getByRole('region', { name: 'Your practice in your own words' });
  await expect(section).toContainText('From 3 runs where you wrote your own replies');
  await expect(section.getByRole('img', { name: /^Reflections per question: run 1, 0:1; run 2, 0:1; run 3, 2:1\./ })).toBeVisible();
  await expect(section.getByRole('img', { name: /^Open questions, share of questions: run 1, 0%; run 2, 50%; run 3, 100%/ })).toBeVisible();
  const table = section.getByRole('table', { name: 'Your runs in your own words, oldest first' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(3)).toContainText('2:1');
  await expect(section.getByRole('listitem').first()).toContainText('You meant a question they can answer freely (Open question) and it read as a yes-or-no or short-answer question (Closed question): 1 time.');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);

  // Export, clear, import: the words come back with the runs.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = testInfo.outputPath('progress.json');
  await download.saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).runs[2].ownWords[1].text).toBe('everyone has a plan for you');
  await page.getByRole('button', { name: 'Clear progress' }).click();
  await page.getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(section).toHaveCount(0);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import progress' }).click()]);
  await chooser.setFiles(file);
  await page.getByRole('region', { name: 'Import “progress.json”?' }).getByRole('button', { name: 'Merge with my progress' }).click();
  await expect(page.getByRole('region', { name: 'Your practice in your own words' })).toContainText('From 3 runs');
});

test('with the mode off the coder is never fetched, and with it on the page fits 320 px', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(jordan.url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await page.getByRole('button', { name: /Coming here feels like one more plan/ }).click();
  await expect(page.getByRole('list', { name: 'Conversation so far' })).toContainText('Coming here feels like one more plan');
  expect(fetched.filter((path) => /\/coder\.[^/]*\.js$/.test(path))).toEqual([]);

  await page.setViewportSize({ width: 320, height: 700 });
  await page.getByRole('checkbox', { name: /Write my own reply first/ }).check();
  await expect(page.getByRole('button', { name: 'Send' })).toBeEnabled();
  expect(fetched.filter((path) => /\/coder\.[^/]*\.js$/.test(path))).toHaveLength(1);
  expect(await sidewaysOverflow(page)).toBe(0);
});
