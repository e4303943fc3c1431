/**
 * The audit of issue 19, in the browser: two tabs of one browser never erase each other's progress;
 * the group page says when it could not save; the built pages' Content-Security-Policy stops any
 * request to another site and any script the build did not make; and the studio stops a check
 * that runs too long, says so, and checks the newer text.
 */
import { expect, test, type Page } from '@playwright/test';
import { clearStorage, fillStorage } from './helpers.ts';
import { builtScenarioIds } from './site-scenarios.ts';

const [id] = builtScenarioIds();
const storageKey = 'recovery-coach-practice:progress';
const stored = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}'), storageKey);

test.beforeEach(async ({ page }) => clearStorage(page));

test('a reflection saved in one tab is kept when the group page, opened before it, starts a run (the audit: it was erased)', async ({ page, context }) => {
  // Tab B: the group page, opened first.
  const group = await context.newPage();
  await group.goto(`/scenarios/${id}/group/`);
  await expect(group.getByRole('heading', { name: 'Before you start' })).toBeVisible();

  // Tab A: a reflection saved on a module page.
  await page.goto('/modules/mi-oars');
  const reflect = page.getByRole('region', { name: 'Reflect' });
  await reflect.getByRole('textbox').fill('I jump in to fix things before I have listened.');
  await reflect.getByRole('button', { name: 'Save reflection' }).click();
  await expect(reflect.getByText('Saved on this device.', { exact: true })).toBeVisible();

  // Back in tab B, the group starts and plays a step.
  await group.getByLabel('Names of the people here (optional)').fill('Ana, Ben');
  await group.getByRole('button', { name: /Start$/ }).click();
  await expect(group.getByRole('heading', { name: 'Step 1' })).toBeVisible();
  const progress = await stored(group);
  expect(Object.values(progress.reflections)).toMatchObject([{ text: 'I jump in to fix things before I have listened.' }]);
  expect(Object.keys(progress.groupsInProgress)).toEqual([id]);
});

test('the same reflection open in two tabs shows the words saved in the other, rather than writing older words back', async ({ page, context }) => {
  await page.goto('/modules/mi-oars');
  const other = await context.newPage();
  await other.goto('/modules/mi-oars');
  await page.getByRole('region', { name: 'Reflect' }).getByRole('textbox').fill('Newer words.');
  await page.getByRole('region', { name: 'Reflect' }).getByRole('button', { name: 'Save reflection' }).click();
  const box = other.getByRole('region', { name: 'Reflect' }).getByRole('textbox');
  await expect(box).toHaveValue('Newer words.');
  // Leaving the box in the other tab writes nothing older back.
  await box.focus();
  await other.getByRole('region', { name: 'Reflect' }).getByRole('button', { name: 'Save reflection' }).focus();
  expect(Object.values((await stored(page)).reflections)).toMatchObject([{ text: 'Newer words.' }]);
});

test('the group page says when storage is full and the group\'s run was not kept (the audit: it said nothing)', async ({ page }) => {
  await page.goto(`/scenarios/${id}/group/`);
  await fillStorage(page);
  await page.getByRole('button', { name: /Start$/ }).click();
  await expect(page.getByRole('heading', { name: 'Step 1' })).toBeVisible();
  await expect(page.getByText(/storage for this site is full, so this was not saved on this device/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export progress' })).toBeVisible();
});

test('the built pages load nothing from another site and run no script the build did not make', async ({ page }) => {
  // A request to another host that got anywhere, or failed for any reason but the policy.
  const elsewhere: string[] = [];
  const ownHost = (url: string) => url.startsWith('http://127.0.0.1') || url.startsWith('data:');
  page.on('requestfinished', (request) => {
    if (!ownHost(request.url())) elsewhere.push(`${request.url()} finished`);
  });
  page.on('requestfailed', (request) => {
    if (!ownHost(request.url()) && !['csp', 'net::ERR_BLOCKED_BY_CSP'].includes(request.failure()?.errorText ?? '')) elsewhere.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  // Nothing may leave this machine in a test, whatever the page does.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  for (const path of ['/', `/scenarios/${id}`, '/modules/mi-oars', '/trainers/studio']) {
    await page.goto(path);
    const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(policy).toContain("img-src 'self' data:");
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    // What a hostile scenario's image, or an injected script, would try.
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      const image = document.createElement('img');
      image.src = 'https://tracker.example/pixel.png';
      document.body.append(image);
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { seen, ran: (window as { injected?: boolean }).injected === true };
    });
    expect(violations).toEqual({ seen: expect.arrayContaining(['img-src', 'script-src-elem']), ran: false });
  }
  expect(elsewhere).toEqual([]);
});

test('the studio stops a check that runs too long, says so, and checks the newer text', async ({ page }) => {
  test.setTimeout(90_000);
  // The first checker never answers, as a draft that took for ever would; the one started after it works.
  await page.addInitScript(() => {
    const RealWorker = window.Worker;
    let started = 0;
    window.Worker = class extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (started++ === 0) this.postMessage = () => {};
      }
    } as typeof Worker;
  });
  await page.goto('/trainers/studio');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems).toContainText('Checking…');
  await expect(problems).toContainText('The check of this draft took longer than 15 seconds, so it was stopped and the checker started again.', { timeout: 25_000 });
  await expect(page.getByRole('status', { name: 'Studio announcements' })).toContainText('took longer than 15 seconds');
  // The trainer changes the text: the new checker checks it.
  await page.getByRole('textbox', { name: 'Scenario Markdown' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n');
  await expect(problems).not.toContainText('took longer', { timeout: 10_000 });
  await expect(problems).not.toContainText('Checking…');
});

test('a room that cannot be saved says so on the facilitator\'s screen at once, and again when it saves (the audit: a line on standard error)', async ({ browser }) => {
  test.setTimeout(90_000);
  const { mkdtempSync, rmSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { freePort, phone, startGroup, stop } = await import('./room-server.ts');
  const roomsDir = join(mkdtempSync(join(tmpdir(), 'rooms-')), 'rooms');
  const server = await startGroup(id!, await freePort(), roomsDir);
  try {
    const facilitator = await (await browser.newContext()).newPage();
    await facilitator.goto(server.room.facilitator);
    await expect(facilitator.getByRole('heading', { name: 'Join on your phone' })).toBeVisible();
    // The folder goes, and a file takes its place: every save fails.
    rmSync(roomsDir, { recursive: true });
    writeFileSync(roomsDir, '');
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.room.join);
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByText(/^This room could not be saved in /)).toBeVisible();
    await expect(facilitator.getByRole('alert')).toContainText(/This room could not be saved in .+ changes since then would be lost if the server stopped/);
    // The folder is back: the next change saves everything, and the alert goes.
    rmSync(roomsDir);
    mkdirSync(roomsDir);
    await phone(browser, server.room.join, 'Ben');
    await expect(facilitator.getByRole('alert')).toHaveCount(0);
    // Ana's phone tries again and is Ana: the failed join left the name free for it.
    await page.getByRole('button', { name: 'Join' }).click();
    await expect(page.getByText('you are Ana')).toBeVisible();
  } finally {
    await stop(server);
  }
});
