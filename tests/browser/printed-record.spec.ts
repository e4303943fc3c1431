/**
 * A record a trainee can hand in: My progress printed (or saved as a PDF) is one page holding the
 * record alone, and each past run saves as plain text and prints on its own. Printing is checked
 * the way a browser does it: in print media, and as a PDF on A4 and US Letter.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CodeName } from '../../src/engine/coder/codes.ts';
import type { FinishedRun, OwnReplyRecord, Progress } from '../../src/progress/schema.ts';
import { arrange } from '../../src/site/check-attempt.ts';
import { clearStorage, choose, course, expectNoAxeViolations, jordan, untilHydrated } from './helpers.ts';

const storageKey = 'recovery-coach-practice:progress';
const today = new Date('2026-12-07T10:00:00Z');

// Dates as a British reader's browser writes them, and "today" fixed, so the page says what we expect.
test.use({ locale: 'en-GB', timezoneId: 'Europe/London' });
test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(today);
  await clearStorage(page);
});

/** The questions of a module's check as its page draws them: ids in bank order, and how many an attempt draws. */
function bank(moduleId: string): { draw: number; questions: { id: string; options: number }[] } {
  const data = parse(readFileSync(`content/checks/${moduleId}.yaml`, 'utf8')) as { draw?: number; questions: { id: string; options: unknown[] }[] };
  return { draw: data.draw ?? 6, questions: data.questions.map((question) => ({ id: question.id, options: question.options.length })) };
}

/** A check attempt begun at `startedAt` with the first `answered` of its drawn questions answered, the first `wrong` of them wrongly. */
function attempt(progress: Progress, moduleId: string, startedAt: string, { wrong = 0, answered = Infinity } = {}): void {
  const seed = `seed-${moduleId}`;
  const { draw, questions } = bank(moduleId);
  progress.checks[moduleId] = { seed, startedAt };
  arrange(questions, draw, seed)
    .questions.slice(0, answered)
    .forEach(({ id }, i) => (progress.answers[`${moduleId}/check/${id}`] = { choice: 0, correct: i >= wrong, answeredAt: new Date(Date.parse(startedAt) + (i + 1) * 60_000).toISOString() }));
}

const reply = (text: string, code: CodeName, own?: CodeName): OwnReplyRecord => ({ text, code, confidence: 0.8, ...(own ? { own } : {}) });
const titles = Object.fromEntries(course.scenarios.map(({ id, text }) => [id, /^title: (.+)$/m.exec(text)![1]!]));
function run(scenarioId: string, endedAt: string, outcome: FinishedRun['outcome'], summary: [questions: number, reflections: number, complex: number, adherent: number, nonAdherent: number], extra: Partial<FinishedRun> = {}): FinishedRun {
  const [questions, reflections, complexReflections, miAdherent, miNonAdherent] = summary;
  return { scenarioId, title: titles[scenarioId]!, endedAt, ending: 'ending', outcome, choices: [0, 1, 0, 2, 0, 1], summary: { questions, reflections, complexReflections, miAdherent, miNonAdherent }, ...extra };
}
const ownWords = [
  reply('What brings you here today?', 'Open question', 'Open question'),
  reply('So coming here was not your idea.', 'Complex reflection', 'Simple reflection'),
  reply('You want people off your back.', 'Simple reflection'),
  reply('Have you thought about a job?', 'Closed question', 'Open question'),
  reply('You know yourself best.', 'Emphasizing autonomy'),
  reply('It sounds like fixing things matters to you.', 'Complex reflection'),
  reply('What would normal look like?', 'Open question'),
  reply('Shall we meet again next week?', 'Seeking collaboration'),
];

/** Eight weeks of a trainee's practice: eight modules, most checks done, twelve runs of seven scenarios, three in their own words and one with a group, and private reflections. */
function realisticRecord(): Progress {
  const progress: Progress = { version: 1, modules: {}, answers: {}, reflections: {}, runs: [], inProgress: {}, groupsInProgress: {}, checks: {} };
  const completed = ['what-recovery-means', 'peer-support', 'the-coachs-role', 'the-coaching-process', 'mi-spirit-and-processes', 'mi-oars', 'shared-decision-making', 'safety-and-the-coachs-role'];
  completed.forEach((id, week) => (progress.modules[id] = { completedAt: `2026-10-${String(5 + week * 3).padStart(2, '0')}T19:30:00.000Z` }));
  completed.slice(0, 6).forEach((id, i) => attempt(progress, id, `2026-10-${String(5 + i * 3).padStart(2, '0')}T19:00:00.000Z`, { wrong: i % 3 }));
  attempt(progress, 'shared-decision-making', '2026-10-23T19:00:00.000Z', { answered: 3 });
  progress.reflections['mi-oars/why'] = { text: 'I rush to fix things when someone is upset. Private note to myself.', savedAt: '2026-10-20T20:00:00.000Z' };
  progress.reflections['peer-support/story'] = { text: 'My own story is mine to share, or not.', savedAt: '2026-10-08T20:00:00.000Z' };
  progress.runs = [
    run('first-conversation-with-jordan', '2026-10-07T18:10:00.000Z', 'negative', [1, 0, 0, 0, 2]),
    run('first-conversation-with-jordan', '2026-10-09T18:20:00.000Z', 'positive', [1, 5, 3, 3, 0]),
    run('setting-a-goal-with-marcus', '2026-10-12T18:00:00.000Z', 'mixed', [3, 3, 1, 1, 1]),
    run('when-kai-asks-you-to-keep-a-secret', '2026-10-15T18:00:00.000Z', 'positive', [2, 4, 2, 2, 0], { group: { mode: 'vote', players: ['Ana', 'Ben', 'Cy'], votes: [] } }),
    run('in-two-minds-about-drinking-with-nadia', '2026-10-19T18:00:00.000Z', 'negative', [4, 1, 0, 0, 3]),
    run('in-two-minds-about-drinking-with-nadia', '2026-10-21T18:00:00.000Z', 'mixed', [3, 3, 1, 1, 1]),
    run('in-two-minds-about-drinking-with-nadia', '2026-10-26T18:00:00.000Z', 'positive', [2, 6, 4, 2, 0]),
    run('a-warm-line-call-from-bea', '2026-11-02T18:00:00.000Z', 'mixed', [2, 4, 2, 1, 0]),
    run('first-conversation-with-jordan', '2026-11-09T18:00:00.000Z', 'positive', [1, 6, 4, 3, 0], { ownWords }),
    run('when-dana-mentions-not-wanting-to-be-here', '2026-11-16T18:00:00.000Z', 'positive', [3, 5, 3, 2, 0], { ownWords }),
    run('a-warm-line-call-from-bea', '2026-11-23T18:00:00.000Z', 'positive', [2, 5, 3, 2, 0], { ownWords }),
    run('housing-advocacy-with-tomas', '2026-12-04T18:00:00.000Z', 'positive', [2, 4, 2, 3, 0]),
  ];
  progress.inProgress['sharing-your-story-with-ray'] = { choices: [0, 1], acknowledged: true, updatedAt: '2026-12-05T18:00:00.000Z' };
  return progress;
}

async function seed(page: Page, progress: Progress, name?: string): Promise<void> {
  await page.evaluate(
    ([key, record, typed]) => {
      localStorage.setItem(key, JSON.stringify(record));
      if (typed) localStorage.setItem('recovery-coach-practice:record-name', typed);
    },
    [storageKey, progress, name ?? ''] as const,
  );
}

/** What the record says against a term of its heading (`Name`, `Printed on`). */
const about = (record: Locator, term: string) => record.getByRole('term').filter({ hasText: term }).locator('xpath=following-sibling::dd[1]');

/** How many pages a PDF from Chromium has: its page objects, each `/Type /Page` (the tree above them is `/Pages`). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

/** Stands in for the browser's print dialog, counting how often it was asked for. */
async function catchPrint(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  return () => page.evaluate(() => (window as unknown as { printed: number }).printed);
}

test('My progress prints one page, A4 or Letter: the record alone, with the trainee’s name, modules, scenarios, time and own words', async ({ page }, testInfo) => {
  writeFileSync(testInfo.outputPath('seeded-progress.json'), JSON.stringify(realisticRecord(), null, 2));
  await seed(page, realisticRecord(), 'Sam Okafor');
  await page.goto('/progress');
  await expect(page.getByText(`8 of ${course.modules} modules completed.`)).toBeVisible();
  for (const landmark of ['banner', 'navigation', 'contentinfo'] as const) await expect(page.getByRole(landmark).first()).toBeVisible();
  // On screen the record is a card with a name and a button; the record itself is for paper.
  const card = page.getByRole('region', { name: 'A record to hand in' });
  await expect(card.getByRole('textbox', { name: 'Your name on the record (optional)' })).toHaveValue('Sam Okafor');
  await expect(page.getByRole('article', { name: 'Record of practice' })).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  const record = page.getByRole('article', { name: 'Record of practice' });
  await expect(record).toBeVisible();
  // Hidden elements have no role to find: none of the site's frame is left on the paper.
  for (const landmark of ['banner', 'navigation', 'contentinfo'] as const) await expect(page.getByRole(landmark)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'My progress', level: 1 })).toBeHidden();
  await expect(card).toBeHidden();
  await expect(page.getByRole('region', { name: 'Keep, move or clear your progress' })).toBeHidden();
  // Reflections are private: never on the paper.
  await expect(page.getByText(/Private note to myself/)).toBeHidden();

  await expect(about(record, 'Name')).toHaveText('Sam Okafor');
  await expect(about(record, 'Printed on')).toHaveText('7 Dec 2026');
  await expect(about(record, 'Practice recorded')).toHaveText('5 Oct 2026 to 4 Dec 2026');
  await expect(record).toContainText(`Completed 8 of the course’s ${course.modules} modules.`);
  const modules = record.getByRole('table').first();
  await expect(modules.getByRole('row')).toHaveCount(1 + 8);
  await expect(modules.getByRole('row', { name: /Motivational interviewing: OARS/ })).toContainText(/20 Oct 2026.*\d of 6 right/);
  await expect(modules.getByRole('row', { name: /What recovery means/ })).toContainText('5 Oct 2026');
  await expect(modules.getByRole('row', { name: /What recovery means/ })).toContainText('6 of 6 right');
  await expect(modules.getByRole('row', { name: /Shared decision-making/ })).toContainText('not finished (3 of 6 answered)');
  await expect(modules.getByRole('row', { name: /Safety and the coach/ })).toContainText('not taken');

  await expect(record).toContainText('12 runs played to an ending, of 7 scenarios.');
  const scenarios = record.getByRole('table').nth(1);
  await expect(scenarios.getByRole('row')).toHaveCount(1 + 7);
  // Newest first; each scenario once, with every run's ending and the latest run's figures.
  await expect(scenarios.getByRole('row').nth(1)).toContainText('Housing advocacy');
  await expect(scenarios.getByRole('row', { name: /A first conversation with Jordan/ })).toHaveText(/3: 2 positive, 1 negative\s*9 Nov 2026, positive\s*6 reflections, 1 question; 3 MI-adherent, 0 non-adherent/);
  await expect(scenarios.getByRole('row', { name: /Nadia/ })).toContainText('3: 1 positive, 1 mixed, 1 negative');
  await expect(scenarios.getByRole('row', { name: /Kai/ })).toContainText('1: 1 positive (1 as a group)');

  await expect(record).toContainText(/This course does not time your practice\. By its own estimates for the 8 modules completed and 12 scenario runs finished, about \d+ hours( \d+ minutes)?\./);
  await expect(record).toContainText('In 3 runs you wrote 24 replies of your own. As the coder on this device read them: 1 reflection per question, 67% of questions open, 25% of replies MI-adherent.');

  // One page on either paper, at the site's margins, as the browser's "Save as PDF" makes it.
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format });
    writeFileSync(testInfo.outputPath(`record-${format}.pdf`), pdf);
    expect(pageCount(pdf), format).toBe(1);
  }
  await page.screenshot({ path: testInfo.outputPath('record-print.png'), fullPage: true });
});

test('the printed record leaves a line for a name not typed, keeps a typed one on this device only, and "Print my record" opens the print dialog', async ({ page }) => {
  await seed(page, realisticRecord());
  await page.goto('/progress');
  await page.emulateMedia({ media: 'print' });
  const record = page.getByRole('article', { name: 'Record of practice' });
  await expect(record.getByRole('term').filter({ hasText: 'Name' })).toBeVisible();
  await expect(about(record, 'Name')).toHaveText(/^\s*$/);

  await page.emulateMedia({ media: 'screen' });
  const name = page.getByRole('textbox', { name: 'Your name on the record (optional)' });
  await untilHydrated(page);
  await name.fill('Sam Okafor');
  await page.reload();
  await expect(name).toHaveValue('Sam Okafor');
  // A preference, not progress: the export a trainee moves between devices does not carry it.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  expect(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'))).not.toContain('Sam Okafor');

  const printed = await catchPrint(page);
  await page.getByRole('button', { name: 'Print my record' }).click();
  expect(await printed()).toBe(1);
});

test('a record with nothing in it yet still prints, saying so', async ({ page }) => {
  await page.goto('/progress');
  await page.emulateMedia({ media: 'print' });
  const record = page.getByRole('article', { name: 'Record of practice' });
  await expect(record).toContainText(`Completed 0 of the course’s ${course.modules} modules.`);
  await expect(record).toContainText('No scenarios played to an ending yet.');
  await expect(record).toContainText('Nothing to count yet. This course does not time your practice.');
  await expect(record.getByRole('heading', { name: 'In your own words' })).toHaveCount(0);
  expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
});

test('a past run saves as plain text and prints on its own', async ({ page }, testInfo) => {
  await page.goto(jordan.url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await choose(page, jordan.agreesToMeet);
  await page.reload();
  const history = page.getByRole('region', { name: 'Your past runs of this scenario' });
  await history.getByRole('button', { name: 'Show the conversation and debrief' }).click();

  const [download] = await Promise.all([page.waitForEvent('download'), history.getByRole('button', { name: 'Save as text' }).click()]);
  expect(download.suggestedFilename()).toBe('first-conversation-with-jordan-transcript-2026-12-07.txt');
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  writeFileSync(testInfo.outputPath('transcript.txt'), text);
  expect(text.startsWith('A first conversation with Jordan\nPractised on 7 Dec 2026, 10:00.\n\nPersona\n\nName: Jordan\nPronouns: they/them\nAge: 29\n')).toBe(true);
  expect(text).toContain('\nConversation\n\nJordan sits by the door');
  expect(text).toContain('\nJordan: Honestly, I don');
  expect(text).toContain('You (Affirm): "Half the street trusted you with their computers, and Tash still comes to you first. People rely on your skill."\nFeedback: ');
  expect(text).toContain('\nDebrief\n\nOutcome: positive\n');
  expect(text).toContain('\nTotal MI-adherent: 3.\n');
  expect(text).toMatch(/\nStep by step\n\n1\. \S/);
  // Plain words: no Markdown emphasis, headings, tables, quotes or code marks, and no HTML.
  for (const mark of ['*', '# ', '|', '\n>', '`', '<', '&amp;', '&quot;']) expect(text, mark).not.toContain(mark);
  expect(text).not.toMatch(/(^|\s)_\S|\S_(\s|$)/);
  // The Markdown file is still there for those who want it.
  await expect(history.getByRole('button', { name: 'Download this transcript (Markdown)' })).toBeVisible();

  for (const landmark of ['banner', 'main', 'contentinfo'] as const) await expect(page.getByRole(landmark)).toBeVisible();
  const printed = await catchPrint(page);
  await history.getByRole('button', { name: 'Print this transcript' }).click();
  expect(await printed()).toBe(1);
  await page.emulateMedia({ media: 'print' });
  for (const landmark of ['banner', 'main', 'contentinfo'] as const) await expect(page.getByRole(landmark)).toHaveCount(0);
  const sheet = page.getByRole('heading', { level: 1, name: 'A first conversation with Jordan' }).filter({ visible: true });
  await expect(sheet).toHaveCount(1);
  await expect(page.getByText('Practised on 7 Dec 2026, 10:00.')).toBeVisible();
  await expect(page.getByText('Pronouns: they/them')).toBeVisible();
  await expect(page.getByRole('list', { name: 'The conversation', exact: true })).toContainText('Half the street trusted you');
  await expect(page.getByRole('region', { name: 'Debrief', exact: true })).toContainText('Outcome: positive');
  const pdf = await page.pdf({ format: 'A4' });
  writeFileSync(testInfo.outputPath('transcript-A4.pdf'), pdf);
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: testInfo.outputPath('transcript-print.png'), fullPage: true });

  // Once the dialog closes, the page is itself again, on paper too.
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByText('Practised on 7 Dec 2026, 10:00.')).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`My progress with a record to print, and the record on paper, have no axe violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await seed(page, realisticRecord(), 'Sam Okafor');
    await page.goto('/progress');
    await expect(page.getByRole('region', { name: 'A record to hand in' })).toBeVisible();
    await expectNoAxeViolations(page);
    // On paper, whatever the theme: black on white, so contrast holds there too.
    await page.emulateMedia({ media: 'print', colorScheme: theme });
    await expect(page.getByRole('article', { name: 'Record of practice' })).toBeVisible();
    expect(await page.getByRole('article', { name: 'Record of practice' }).evaluate((element) => [getComputedStyle(element).color, getComputedStyle(document.body).backgroundColor])).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await expectNoAxeViolations(page);
  });
}

test('every module the seeded record names is one the course has', () => {
  const ids = readdirSync('content/modules').map((name) => name.replace(/\.mdx$/, ''));
  for (const id of Object.keys(realisticRecord().modules)) expect(ids).toContain(id);
  for (const { scenarioId } of realisticRecord().runs) expect(titles[scenarioId], scenarioId).toBeTruthy();
});
