import { expect, test } from '@playwright/test';
import { choose, clearStorage, expectNoAxeViolations, jordan, sidewaysOverflow } from './helpers.ts';

const pages = [
  ['home', '/'],
  ['course map', '/modules'],
  ['module', '/modules/mi-oars'],
  ['module with a content note', '/modules/safety-and-the-coachs-role'],
  ['scenario catalogue', '/scenarios'],
  ['scenario brief', jordan.url],
  ['progress', '/progress'],
  ['for trainers', '/trainers'],
  ['authoring guide', '/trainers/guide'],
  ['scenario format', '/trainers/format'],
  ['how the course codes what you write', '/how-the-course-codes'],
  ['glossary', '/glossary'],
  ['break', '/break'],
  ['not found', '/404'],
  ['not available offline', '/offline'],
] as const;

for (const theme of ['light', 'dark'] as const) {
  for (const [name, path] of pages) {
    test(`${name} page has no axe violations in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page);
    });
  }

  test(`a knowledge check answered to its score has no axe violations at 320 px in the ${theme} theme`, async ({ page }) => {
    await clearStorage(page);
    await page.setViewportSize({ width: 320, height: 740 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/modules/what-recovery-means');
    const check = page.getByRole('region', { name: 'Check your understanding' });
    // Answer each question drawn with its first option, as laid out: some right, most likely some not.
    for (let i = 1; i <= 6; i++) {
      const form = check.getByRole('form', { name: new RegExp(`^Question ${i} of 6\\.`) });
      await form.getByRole('radio').first().check();
      await form.getByRole('button', { name: 'Check answer' }).click();
      await expect(form.getByText(/^(Correct|Not quite)\. /)).toBeVisible();
    }
    await expect(check.getByText(/^You answered \d of 6 correctly\.$/)).toBeVisible();
    await expectNoAxeViolations(page);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  for (const width of [320, 375]) {
    test(`the player mid-run, its debrief, the run history and My progress have no axe violations at ${width} px in the ${theme} theme`, async ({ page }) => {
      await clearStorage(page);
      await page.setViewportSize({ width, height: 740 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(jordan.url);
      await page.getByRole('button', { name: /I have read the content notes/ }).click();
      await choose(page, jordan.agreesToMeet.slice(0, 3));
      await expectNoAxeViolations(page);
      await choose(page, jordan.agreesToMeet.slice(3));
      await expect(page.getByRole('heading', { name: 'Debrief' })).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      await page.reload();
      await page.getByRole('button', { name: 'Show the conversation and debrief' }).click();
      await expect(page.getByRole('region', { name: /Debrief of the run on/ })).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      await page.goto('/progress');
      await expect(page.getByRole('heading', { name: 'A first conversation with Jordan' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
}

test('the debrief table keeps every word whole on a phone', async ({ page }) => {
  for (const width of [320, 375]) {
    await clearStorage(page);
    await page.setViewportSize({ width, height: 740 });
    await page.goto(jordan.url);
    await page.getByRole('button', { name: /I have read the content notes/ }).click();
    await choose(page, jordan.agreesToMeet);
    // Every word of every cell fits on one line: no line of a cell ends inside a word.
    const broken = await page.getByRole('table').evaluate((table) => {
      const words: string[] = [];
      for (const cell of table.querySelectorAll('th, td')) {
        const text = cell.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        const value = text.textContent ?? '';
        const range = document.createRange();
        // Words and the parts of hyphenated words: a line may break after a hyphen.
        for (const match of value.matchAll(/[^\s-]+-?/g)) {
          range.setStart(text, match.index);
          range.setEnd(text, match.index + match[0].length);
          if (range.getClientRects().length > 1) words.push(match[0]);
        }
      }
      return words;
    });
    expect(broken, `${width} px`).toEqual([]);
  }
});

test('the theme button is a "Dark theme" toggle that says whether it is on, and the choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark theme', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/modules');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark theme', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('the glossary is in the navigation', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' })).toHaveAttribute('aria-current', 'page');
});

for (const width of [320, 375]) {
  test(`pages fit a ${width} px wide screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 640 });
    for (const path of ['/', '/modules/mi-oars', jordan.url, '/progress', '/glossary', '/scenarios', '/trainers/guide', '/trainers/format']) {
      await page.goto(path);
      expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
    }
  });
}

test('no page asks for anything from another host', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(request.url());
  });
  for (const path of ['/', '/modules/mi-oars', jordan.url, '/progress', '/trainers', '/trainers/guide', '/trainers/studio']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
});
