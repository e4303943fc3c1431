import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

const pages = [
  ['home', '/'],
  ['course map', '/modules'],
  ['module', '/modules/mi-oars'],
  ['scenario catalogue', '/scenarios'],
  ['scenario brief', '/scenarios/first-conversation-with-jordan'],
  ['progress', '/progress'],
  ['for trainers', '/trainers'],
  ['authoring guide', '/trainers/guide'],
  ['scenario format', '/trainers/format'],
  ['glossary', '/glossary'],
  ['break', '/break'],
  ['not found', '/404'],
] as const;

for (const theme of ['light', 'dark'] as const) {
  for (const [name, path] of pages) {
    test(`${name} page has no axe violations in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test(`the scenario player mid-run and at its debrief has no axe violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/scenarios/first-conversation-with-jordan');
    await page.getByRole('button', { name: /I have read the content notes/ }).click();
    await page.getByRole('button', { name: /Coming here wasn't really your idea/ }).click();
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    expect((await axe()).violations.map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: /What would getting back to normal look like/ }).click();
    await page.getByRole('button', { name: /People trusted you/ }).click();
    await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
    expect((await axe()).violations.map((v) => v.id)).toEqual([]);
  });
}

test('the theme toggle switches to dark and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.goto('/modules');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test('pages fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/modules/mi-oars', '/scenarios/first-conversation-with-jordan', '/progress', '/trainers/guide', '/trainers/format']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test('no page asks for anything from another host', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(request.url());
  });
  for (const path of ['/', '/modules/mi-oars', '/scenarios/first-conversation-with-jordan', '/progress', '/trainers', '/trainers/guide', '/trainers/studio']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
});
