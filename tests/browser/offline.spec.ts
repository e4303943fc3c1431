import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { writeServiceWorker } from '../../src/offline/offline-integration.ts';
import { expectNoAxeViolations, jordan } from './helpers.ts';

// The other specs block the service worker (playwright.config.ts); these are about it.
test.use({ serviceWorkers: 'allow' });

/** Opens the home page and waits until the worker has kept the course and controls the page, as after a first visit. */
async function firstVisit(page: Page, home = '/'): Promise<void> {
  await page.goto(home);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
}

test('after one visit the course works with no network: modules, a scenario, the glossary, search, the studio and My progress', async ({ page, context, baseURL }) => {
  // The context sees the worker's requests too: keeping the course asks nothing of another site.
  const hosts = new Set<string>();
  context.on('request', (request) => void hosts.add(new URL(request.url()).origin));
  await firstVisit(page);
  expect([...hosts]).toEqual([baseURL]);
  await goOffline(context, page);

  await page.goto('/modules/mi-oars');
  await expect(page.getByRole('heading', { level: 1, name: 'Motivational interviewing: OARS' })).toBeVisible();

  await page.goto(jordan.url);
  await page.getByRole('button', { name: /I have read the content notes/ }).click();
  await page.getByRole('button', { name: jordan.agreesToMeet[0] }).click();
  await expect(page.getByRole('list', { name: 'Conversation so far' })).toContainText(/Coming here feels like one more plan made for you/);

  await page.goto('/glossary');
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();

  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await page.keyboard.type('stockroom');
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Motivational interviewing: OARS' })).toBeVisible();

  // The studio checks a draft in its own worker, which is kept like every other script.
  await page.goto('/trainers/studio');
  await page.getByLabel('File name').fill('meeting-sam.md');
  await page.getByRole('button', { name: 'Start from the template' }).click();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('No problems. coach test passes this draft.');

  await page.goto('/progress');
  await expect(page.getByRole('status').filter({ hasText: 'This device is offline.' })).toContainText('your progress is kept on this device');
  await context.setOffline(false);
  await expect(page.getByText('This device is offline.')).toHaveCount(0);
});

test('a page that is not kept (a group room, an unknown address) gives the offline page, not the browser’s error', async ({ page, context }) => {
  await firstVisit(page);
  await goOffline(context, page);
  for (const path of ['/join', '/no-such-page']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'This page is not available offline' })).toBeVisible();
  }
  await page.getByRole('main').getByRole('link', { name: 'scenarios', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Role-play scenarios' })).toBeVisible();
});

test('Chromium offers to install the course as an app: its manifest reads cleanly and nothing is missing', async ({ page, context }) => {
  await firstVisit(page);
  const devtools = await context.newCDPSession(page);
  const manifest = await devtools.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(JSON.parse(manifest.data ?? '{}')).toMatchObject({ name: 'Recovery Coach Practice', display: 'standalone', start_url: '/' });
  // A test's context is a private (incognito) profile, where Chromium never installs apps; that is
  // the one objection expected, and every other criterion (manifest, icons, worker) is checked.
  const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
});

for (const theme of ['light', 'dark'] as const) {
  test(`My progress offline has no axe violations in the ${theme} theme`, async ({ page, context }) => {
    await page.emulateMedia({ colorScheme: theme });
    await firstVisit(page, '/progress');
    await goOffline(context, page);
    await page.reload();
    await expect(page.getByText('This device is offline.')).toBeVisible();
    await expectNoAxeViolations(page);
  });
}

test.describe('after a rebuild', () => {
  let site: string;
  let server: Server;
  let origin: string;

  test.beforeAll(async () => {
    // A copy of the built course on its own server, so that it can be changed as a rebuild would.
    site = mkdtempSync(join(tmpdir(), 'coach-offline-'));
    cpSync('dist', site, { recursive: true });
    const serve = sirv(site, { dev: true, extensions: ['html'] });
    server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(() => {
    server?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  test('a reader with the old version is told a new one is ready (axe passes in both themes), and reloading shows it', async ({ page }) => {
    await firstVisit(page, `${origin}/glossary`);
    const home = join(site, 'glossary/index.html');
    writeFileSync(home, readFileSync(home, 'utf8').replace('<h1>Glossary</h1>', '<h1>Glossary of coaching words</h1>'));
    await writeServiceWorker(site);

    // The page comes from the copy kept on the device; the browser finds the new worker meanwhile.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the course is ready.' });
    await expect(notice).toBeVisible();
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await expectNoAxeViolations(page);
    }
    await notice.getByRole('button', { name: 'Reload to use it' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary of coaching words' })).toBeVisible();
  });
});
