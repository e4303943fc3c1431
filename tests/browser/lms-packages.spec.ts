/**
 * The packages `coach package` builds, loaded the way an LMS loads them: in a frame, with the
 * SCORM run-time of scorm-again on the LMS's side, or launched the cmi5 way with `@xapi/cmi5` in the
 * package, against a local LMS and LRS (lms/lms-server.ts) that checks every statement against the
 * course's xAPI profile and cmi5's rules. A module completed, a scenario played to an ending, a
 * resume on a new device, and statements kept through a loss of network.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type BrowserContext, type FrameLocator, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { filesUnder } from '../../cli/package/built-site.ts';
import { expectNoAxeViolations } from './helpers.ts';
import { startLmsServer, type LmsServer, type Received } from './lms/lms-server.ts';

// The packages are built from the site `npm test` has just built (or LMS_TEST_SITE), once for the file.
test.describe.configure({ mode: 'serial' });

const site = process.env.LMS_TEST_SITE ?? 'dist';
const jordan = 'first-conversation-with-jordan';
const module = 'what-recovery-means';
let lms: LmsServer;
let packagesDir: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  packagesDir = mkdtempSync(join(tmpdir(), 'lms-packages-'));
  lms = await startLmsServer(packagesDir);
  for (const format of ['scorm12', 'scorm2004', 'cmi5'] as const) {
    const zip = join(packagesDir, `${format}.zip`);
    // The SCORM packages also name the LMS's LRS, as a deployment would its own.
    const lrs = format === 'cmi5' ? [] : ['--lrs', lms.xapi];
    execFileSync(process.execPath, ['bin/coach.cjs', 'package', `--${format}`, '--site', site, '--out', zip, ...lrs], { env: { ...process.env, COACH_LRS_AUTH: lms.lrsAuth }, stdio: 'pipe' });
    for (const [path, data] of Object.entries(unzipSync(readFileSync(zip)))) {
      const target = join(packagesDir, format, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  }
});

test.afterAll(async () => {
  await lms?.close();
  if (packagesDir) rmSync(packagesDir, { recursive: true, force: true });
});

/** The course's own page, inside the launch page, inside the LMS's frame. */
const course = (page: Page): FrameLocator => page.frameLocator('#content').frameLocator('#course-page');
const verb = (received: Received) => String(received.statement.verb.id).split('/').pop();
const cmi5Defined = (received: Received) => received.check.template === 'cmi5';
const fromTest = (learner: string) => lms.received.filter((r) => r.statement.actor.account.name === learner);
const problems = (learner: string) => fromTest(learner).flatMap((r) => r.check.problems.map((problem) => `${verb(r)}: ${problem}`));

const launchScorm = (page: Page, version: 'scorm12' | 'scorm2004', item: string, learner: string, mastery?: string) =>
  page.goto(`${lms.origin}/lms/scorm?version=${version}&package=${version}&item=lms/${item}.html&learner=${learner}${mastery ? `&mastery=${mastery}` : ''}`);
const launchCmi5 = (page: Page, kind: 'module' | 'scenario', id: string, learner: string, extra = '') =>
  page.goto(`${lms.origin}/lms/cmi5?package=cmi5&au=${encodeURIComponent(`https://w3id.org/xapi/recovery-coach-practice/course/${kind}s/${id}`)}&url=lms/${kind}-${id}.html&learner=${learner}${extra}`);

/** Starts the scenario (or resumes it), then picks the first option offered at each step, `steps` times or to the ending. */
async function play(page: Page, steps = Infinity): Promise<number> {
  const frame = course(page);
  const begin = frame.getByRole('button', { name: /I have read the content notes/ });
  const resume = frame.getByRole('button', { name: 'Resume where you left off' });
  await expect(begin.or(resume)).toBeVisible();
  if (await resume.isVisible()) await resume.click();
  else await begin.click();
  return pick(page, steps);
}

/** Picks the first option offered at each step, `steps` times or to the ending; returns how many it picked. */
async function pick(page: Page, steps = Infinity): Promise<number> {
  const frame = course(page);
  const options = frame.getByRole('region', { name: 'What do you say?' }).getByRole('button');
  const debrief = frame.getByRole('region', { name: 'Debrief' });
  const conversation = frame.getByRole('list', { name: 'Conversation so far' });
  let taken = 0;
  while (taken < steps) {
    await expect(options.first().or(debrief)).toBeVisible();
    if (await debrief.isVisible()) break;
    const before = await conversation.textContent();
    await options.first().click();
    await expect(conversation).not.toHaveText(before ?? '');
    taken++;
  }
  return taken;
}

/**
 * Answers each question the module's knowledge check drew with its first option, then marks the
 * module complete. Returns the page's own score: `{ right, of }` from "You answered 4 of 6 correctly."
 */
async function doModule(page: Page): Promise<{ right: number; of: number }> {
  const frame = course(page);
  const drawn = frame.locator('form[data-question]:visible');
  await expect(drawn.first()).toBeVisible();
  const count = await drawn.count();
  for (let i = 0; i < count; i++) {
    const form = drawn.nth(i);
    await form.getByRole('radio').first().check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(form.getByText(/^(Correct|Not quite)\./)).toBeVisible();
  }
  const sentence = await frame.getByText(/^You answered \d+ of \d+ correctly\.$/).textContent();
  const [, right, of] = /You answered (\d+) of (\d+)/.exec(sentence ?? '')!;
  await frame.getByRole('button', { name: 'Mark this module as complete' }).click();
  return { right: Number(right), of: Number(of) };
}

test('SCORM 1.2: a module completed, with the score the page showed and pass or fail, and every answer as a statement to the named LRS', async ({ page }) => {
  await launchScorm(page, 'scorm12', `module-${module}`, 'ana-12', '80');
  const { right, of } = await doModule(page);
  const key = `scorm12/lms/module-${module}.html/ana-12`;
  await expect.poll(() => (lms.scormData.get(key) as any)?.core?.lesson_status).toMatch(/^(passed|failed)$/);
  await expect.poll(() => fromTest('ana-12').map(verb)).toEqual([...Array(of).fill('answered'), expect.stringMatching(/^(passed|failed)$/), 'completed']);
  const statements = fromTest('ana-12');
  expect(statements.filter((r) => verb(r) === 'answered' && r.statement.result.success)).toHaveLength(right);
  const check = statements.find((r) => /passed|failed/.test(verb(r)!))!.statement;
  expect(check.result.score).toEqual({ scaled: Math.round((right / of) * 10_000) / 10_000, raw: right, min: 0, max: of });
  const cmi = lms.scormData.get(key) as any;
  expect(cmi.core.lesson_status).toBe(right / of >= 0.8 ? 'passed' : 'failed');
  expect(Number(cmi.core.score.raw)).toBe(Math.round((right / of) * 100));
  expect(JSON.parse(cmi.suspend_data).progress.modules[module]).toBeDefined();
  expect(statements.every((r) => r.statement.actor.account.name === 'ana-12' && r.statement.actor.name === 'Trainee, Ana')).toBe(true);
  expect(problems('ana-12')).toEqual([]);
});

test('SCORM 2004: a scenario played to an ending after the LMS resumes it on a new device, each step reported once', async ({ page, context }) => {
  await launchScorm(page, 'scorm2004', `scenario-${jordan}`, 'ben-04');
  await play(page, 2);
  const key = `scorm2004/lms/scenario-${jordan}.html/ben-04`;
  await expect.poll(() => JSON.parse(((lms.scormData.get(key) as any)?.suspend_data as string) || '{"progress":{"inProgress":{}}}').progress.inProgress[jordan]?.choices.length).toBe(2);
  expect((lms.scormData.get(key) as any).completion_status).toBe('incomplete');

  // Another device: nothing in this browser; only the LMS remembers.
  await page.evaluate(() => localStorage.clear());
  await context.clearCookies();
  await launchScorm(page, 'scorm2004', `scenario-${jordan}`, 'ben-04');
  await expect(course(page).getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  const rest = await play(page);
  await expect(course(page).getByRole('region', { name: 'Debrief' })).toBeVisible();

  await expect.poll(() => (lms.scormData.get(key) as any)?.completion_status).toBe('completed');
  const cmi = lms.scormData.get(key) as any;
  expect(cmi.success_status).toBe('unknown');
  expect(cmi.score?.scaled ?? '').toBe('');
  await expect.poll(() => fromTest('ben-04').map(verb)).toEqual([...Array(2 + rest).fill('responded'), 'completed']);
  const steps = fromTest('ben-04').filter((r) => verb(r) === 'responded');
  expect(new Set(steps.map((r) => r.statement.object.id)).size).toBeGreaterThan(1);
  expect(steps.every((r) => r.statement.context.extensions['https://w3id.org/xapi/recovery-coach-practice/extensions/attempt'] === 1)).toBe(true);
  const ending = fromTest('ben-04').at(-1)!.statement;
  expect(ending.result.score).toBeUndefined();
  expect(ending.result.extensions['https://w3id.org/xapi/recovery-coach-practice/extensions/summary'].coded).toBe(2 + rest);
  expect(problems('ben-04')).toEqual([]);
});

test('cmi5: a scenario played to an ending: Initialized first, every choice and the ending, Completed once, Terminated last', async ({ page }) => {
  await launchCmi5(page, 'scenario', jordan, 'cai-5', '&moveOn=Completed');
  const steps = await play(page);
  await expect(course(page).getByRole('region', { name: 'Debrief' })).toBeVisible();
  await expect.poll(() => fromTest('cai-5').filter(cmi5Defined).map(verb)).toEqual(['initialized', 'completed']);
  await page.goto('about:blank');
  await expect.poll(() => fromTest('cai-5').map((r) => `${cmi5Defined(r) ? 'cmi5 ' : ''}${verb(r)}`)).toEqual(['cmi5 initialized', ...Array(steps).fill('responded'), 'completed', 'cmi5 completed', 'cmi5 terminated']);
  expect(fromTest('cai-5').every((r) => r.via === 'cmi5')).toBe(true);
  expect(problems('cai-5')).toEqual([]);
});

test('cmi5: a module’s Completed and its Passed or Failed with the score, judged by the LMS’s mastery score', async ({ page }) => {
  await launchCmi5(page, 'module', module, 'dee-5', '&moveOn=CompletedAndPassed&mastery=0.5');
  const { right, of } = await doModule(page);
  // The check is finished before the module is marked complete, so it is judged first.
  await expect.poll(() => fromTest('dee-5').filter(cmi5Defined).map(verb)).toEqual(['initialized', right / of >= 0.5 ? 'passed' : 'failed', 'completed']);
  const judged = fromTest('dee-5').filter(cmi5Defined)[1]!.statement;
  expect(judged.result.score).toEqual({ scaled: Math.round((right / of) * 10_000) / 10_000, raw: right, min: 0, max: of });
  expect(judged.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.5);
  // Besides cmi5's, only the profile's check statement carries a score.
  expect(fromTest('dee-5').filter((r) => !cmi5Defined(r) && r.statement.result?.score).map(verb)).toEqual([verb(fromTest('dee-5').filter(cmi5Defined)[1]!)]);
  expect(problems('dee-5')).toEqual([]);
});

test('cmi5: a step taken with no network waits on the device and is sent when the network comes back', async ({ page, context }) => {
  await launchCmi5(page, 'scenario', jordan, 'eve-5');
  await play(page, 1);
  await expect.poll(() => fromTest('eve-5').filter((r) => verb(r) === 'responded')).toHaveLength(1);

  await context.setOffline(true);
  await pick(page, 1);
  await expect(page.frameLocator('#content').locator('#lms-status')).toHaveText(/kept on this device/);
  await page.waitForTimeout(1000);
  expect(fromTest('eve-5').filter((r) => verb(r) === 'responded')).toHaveLength(1);

  await context.setOffline(false);
  await expect.poll(() => fromTest('eve-5').filter((r) => verb(r) === 'responded')).toHaveLength(2);
  await expect(page.frameLocator('#content').locator('#lms-status')).toHaveText('');
  expect(problems('eve-5')).toEqual([]);
});

test('cmi5: the LMS resumes a run on another device from its State document, with a new session', async ({ browser }) => {
  const first: BrowserContext = await browser.newContext();
  const phone = await first.newPage();
  await launchCmi5(phone, 'scenario', jordan, 'fay-5');
  await play(phone, 2);
  await expect.poll(() => [...lms.state.entries()].find(([key]) => key.startsWith('fay-5') && key.endsWith('suspend-data'))?.[1] ?? '').toContain('"choices":[');
  // The trainee closes the tab: the session ends with Terminated.
  await phone.close({ runBeforeUnload: true });
  await expect.poll(() => fromTest('fay-5').filter(cmi5Defined).map(verb)).toEqual(['initialized', 'terminated']);
  await first.close();

  const second = await browser.newContext();
  const laptop = await second.newPage();
  await launchCmi5(laptop, 'scenario', jordan, 'fay-5');
  await expect(course(laptop).getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  await course(laptop).getByRole('button', { name: 'Resume where you left off' }).click();
  await expect(course(laptop).getByRole('region', { name: 'What do you say?' })).toBeVisible();
  expect(await course(laptop).getByRole('list', { name: 'Conversation so far' }).getByRole('listitem').count()).toBeGreaterThan(2);
  await second.close();
  expect(lms.fetchesRefused).toBe(0);
  expect(problems('fay-5')).toEqual([]);
});

test('a packaged page passes axe, and works by keyboard, inside the LMS’s frame', async ({ page }) => {
  await launchScorm(page, 'scorm2004', `scenario-${jordan}`, 'gus-04');
  await expect(course(page).getByRole('button', { name: /I have read the content notes/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const inner = page.frame({ url: /scenarios\/first-conversation-with-jordan\/index\.html/ })!;
  const focused = () => inner.evaluate(() => (document.hasFocus() ? ((document.activeElement as HTMLElement | null)?.innerText ?? '') : ''));
  let presses = 0;
  while (!/I have read the content notes/.test(await focused())) {
    expect(++presses, 'Tab never reached the button inside the packaged page').toBeLessThan(80);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(course(page).getByRole('region', { name: 'What do you say?' })).toBeVisible();
});

test('links the course’s scripts make lead to pages inside the package, and the site’s own pages load nothing from the bridge', async ({ page }) => {
  await launchScorm(page, 'scorm12', `scenario-${jordan}`, 'hal-12');
  await play(page, 1);
  await course(page).getByRole('link', { name: 'My progress' }).first().click();
  const link = course(page).getByRole('link', { name: /A first conversation with Jordan/ }).first();
  await expect(link).toHaveAttribute('href', /\/packages\/scorm12\/scenarios\/first-conversation-with-jordan\/index\.html$/);
  await link.click();
  await expect(course(page).getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  // The public site, as built, has no trace of the LMS bridge: no page loads it, and no script carries the xAPI profile.
  const traces = filesUnder(site).filter((path) => /\.(html|js)$/.test(path) && /in-package\.js|lms\/launch|w3id\.org\/xapi/.test(readFileSync(join(site, path), 'utf8')));
  expect(traces).toEqual([]);
});
