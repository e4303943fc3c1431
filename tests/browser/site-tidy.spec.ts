/**
 * The site, tidied (issue 20, item 6): what people trying the site noticed, checked as they would
 * notice it, at 1280 px and at 375 px.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { choose, clearStorage, jordan } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

const start = (page: Page) => page.getByRole('button', { name: /I have read the content notes/ }).click();

/** The vertical gap between two elements, in CSS pixels: 0 when they overlap. */
async function gapBetween(a: Locator, b: Locator): Promise<number> {
  const [first, second] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return Math.max(0, Math.max(first.y, second.y) - Math.min(first.y + first.height, second.y + second.height));
}

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const theme of ['light', 'dark'] as const) {
    test(`the header is one row in the ${theme} theme, with a compact theme toggle`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/modules');
      const header = page.getByRole('banner');
      const name = header.getByRole('link', { name: 'Recovery Coach Practice' });
      const toggle = header.getByRole('button', { name: 'Dark theme', exact: true });
      await expect(toggle).toHaveAttribute('aria-pressed', String(theme === 'dark'));
      // Every item sits on the site name's row.
      const row = (await name.boundingBox())!;
      const middle = row.y + row.height / 2;
      for (const item of [...(await header.getByRole('link').all()), ...(await header.getByRole('button').all())]) {
        const box = (await item.boundingBox())!;
        expect(Math.abs(box.y + box.height / 2 - middle), await item.innerText()).toBeLessThan(6);
      }
      expect((await header.boundingBox())!.height).toBeLessThan(72);
      expect((await toggle.boundingBox())!.width).toBeLessThanOrEqual(48);
    });
  }

  test('prose and interface are set in the same type', async ({ page }) => {
    await page.goto('/modules/mi-oars');
    const family = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).fontFamily);
    const prose = await family(page.locator('.prose p').first());
    expect(prose.split(',').at(-1)!.trim()).toBe('sans-serif');
    expect(prose).not.toMatch(/Georgia|Charter|Cambria/);
    expect(prose).toBe(await family(page.getByRole('button', { name: 'Save reflection' })));
    expect(prose).toBe(await family(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Course' })));
  });
});

test('every date is written one way: on the module, the course map, the scenario and My progress', async ({ page }) => {
  const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date());
  await page.goto('/modules/mi-oars');
  await page.getByRole('button', { name: 'Mark this module as complete' }).click();
  await expect(page.getByText(`Marked complete on ${today}. Select again to undo.`)).toBeVisible();
  await page.getByRole('region', { name: 'Reflect' }).getByRole('textbox').fill('Slower, and it lands better.');
  await page.getByRole('button', { name: 'Save reflection' }).click();
  await page.goto('/modules');
  await expect(page.getByText(`Completed on ${today}`)).toBeVisible();
  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.leavesEarly);
  await expect(page.getByRole('heading', { name: 'Debrief', exact: true })).toBeVisible();
  await page.reload();
  const history = page.getByRole('region', { name: 'Your past runs of this scenario' });
  await expect(history.getByRole('heading', { level: 3 })).toContainText(new RegExp(`^${today}, \\d\\d:\\d\\d`));
  await page.goto('/progress');
  const main = page.getByRole('main');
  await expect(main).toContainText(`completed on ${today}`);
  await expect(page.getByRole('region', { name: 'Your reflections' })).toContainText(new RegExp(`saved ${today}, \\d\\d:\\d\\d`));
  await expect(page.getByRole('region', { name: 'Scenario runs' })).toContainText(new RegExp(`${today}, \\d\\d:\\d\\d: negative`));
  // No other format anywhere: no 07/12/2026, no 2026-12-07, no Dec 7, 2026.
  const text = await main.innerText();
  expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d\d-\d\d\b|\b[A-Z][a-z]{2} \d{1,2}, \d{4}\b/);
});

test.describe('at 375 px', () => {
  test.use({ viewport: { width: 375, height: 700 } });

  test("a knowledge check's options hang beside larger radio buttons, never running back under them", async ({ page }) => {
    await page.goto('/modules/what-recovery-means');
    const options = page.getByRole('region', { name: 'Check your understanding' }).locator('.option:visible');
    await expect(options.first()).toBeVisible();
    const lines = await options.evaluateAll((elements) =>
      elements.map((option) => {
        const radio = option.querySelector('input')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(option.querySelector('label')!);
        const rects = [...range.getClientRects()];
        return { radio: { right: radio.right, size: radio.width }, lefts: rects.map((rect) => rect.left), lines: new Set(rects.map((rect) => Math.round(rect.top))).size };
      }),
    );
    // The check is only worth making if some option takes more than one line at this width.
    expect(lines.some((option) => option.lines > 1)).toBe(true);
    for (const option of lines) {
      expect(option.radio.size).toBeGreaterThanOrEqual(20);
      for (const left of option.lefts) expect(left).toBeGreaterThan(option.radio.right);
    }
  });

  test("My progress says what export, import and clear did beside their buttons, not at the top of the page", async ({ page }) => {
    await page.goto('/modules/mi-oars');
    await page.getByRole('button', { name: 'Mark this module as complete' }).click();
    await page.goto('/progress');
    const manage = page.getByRole('region', { name: 'Keep, move or clear your progress' });

    const exportButton = manage.getByRole('button', { name: 'Export progress' });
    await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    const exported = manage.getByRole('status').filter({ hasText: 'Your progress was exported as a JSON file.' });
    await expect(exported).toBeVisible();
    // Straight under the row of buttons (which wraps on a phone), not a screenful away.
    const buttons = manage.locator('.actions').first();
    expect(await gapBetween(buttons, exported)).toBeLessThan(24);
    expect(await gapBetween(exportButton, exported)).toBeLessThan(160);

    const importButton = manage.getByRole('button', { name: 'Import progress' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importButton.click()]);
    await chooser.setFiles({ name: 'not-progress.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    const refused = manage.getByRole('status').filter({ hasText: /./ });
    await expect(refused).toBeVisible();
    expect(await gapBetween(importButton, refused)).toBeLessThan(160);

    await manage.getByRole('button', { name: 'Clear progress' }).click();
    await manage.getByRole('button', { name: 'Yes, clear it' }).click();
    const cleared = manage.getByRole('status').filter({ hasText: 'Your progress was cleared.' });
    await expect(cleared).toBeVisible();
    expect(await gapBetween(manage.getByRole('button', { name: 'Clear progress' }), cleared)).toBeLessThan(24);
    await expect(cleared).toBeInViewport();
  });

  test('a reflection says "Saved" beside the box a moment after typing stops, not at every key', async ({ page }) => {
    await page.goto('/modules/mi-oars');
    const reflect = page.getByRole('region', { name: 'Reflect' });
    const box = reflect.getByRole('textbox');
    await box.pressSequentially('Slower, ', { delay: 50 });
    // Mid-sentence, nothing is said yet.
    await expect(reflect.getByRole('status')).toHaveText('');
    await box.pressSequentially('and it lands better.', { delay: 50 });
    const saved = reflect.getByRole('status').filter({ hasText: 'Saved on this device.' });
    await expect(saved).toBeVisible();
    // Still typing in the box: it was not left, nor was Save pressed.
    await expect(box).toBeFocused();
    // Beside the Save button (or just under it, on a phone), under the box.
    expect(await gapBetween(reflect.getByRole('button', { name: 'Save reflection' }), saved)).toBeLessThan(24);
    expect(await gapBetween(box, saved)).toBeLessThan(100);
    await page.reload();
    await expect(box).toHaveValue('Slower, and it lands better.');
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true });

    test("a tap on a glossary term shows its definition without leaving the page, with the term's entry a tap away", async ({ page }) => {
      await page.goto('/modules/what-recovery-means');
      const term = page.getByRole('link', { name: 'CHIME', exact: true }).first();
      await term.scrollIntoViewIfNeeded();
      await term.tap();
      const definition = page.getByRole('tooltip').filter({ hasText: 'CHIME: Five recovery processes' }).first();
      await expect(definition).toBeVisible();
      await expect(page).toHaveURL(/\/modules\/what-recovery-means$/);
      // Escape (a keyboard attached to a tablet) closes it, as it does on hover and focus.
      await page.keyboard.press('Escape');
      await expect(definition).toBeHidden();
      await term.tap();
      await expect(definition).toBeVisible();
      await page.getByRole('link', { name: 'CHIME in the glossary' }).first().tap();
      await expect(page).toHaveURL(/\/glossary#chime$/);
    });
  });

  test('a break returns to the place in the scenario the reader left, with the focus in the conversation', async ({ page }) => {
    await page.goto(jordan.url);
    await start(page);
    await choose(page, jordan.agreesToMeet.slice(0, 3));
    await page.getByRole('link', { name: 'Take a break' }).click();
    await expect(page.getByRole('heading', { name: 'Taking a break' })).toBeVisible();
    await page.getByRole('link', { name: 'Back to the scenario' }).click();
    const player = page.getByRole('region', { name: 'Conversation' });
    await expect(player.getByRole('list', { name: 'Conversation so far' })).toContainText(/I'm not a therapist\. I don't diagnose/);
    await expect(page.getByRole('button', { name: 'Resume where you left off' })).toHaveCount(0);
    // Not the top of the page: the last step, where the focus is.
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.player')))).toBe(true);
    await expect(page.locator(':focus')).toBeInViewport();
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(200);
  });
});

test.describe('the glossary', () => {
  test('has an A–Z list, a filter that says how many terms match, and where each term is used', async ({ page }) => {
    await page.goto('/glossary');
    const letters = page.getByRole('navigation', { name: 'Glossary, A to Z' });
    await letters.getByRole('link', { name: 'Terms starting with C' }).click();
    await expect(page).toHaveURL(/#letter-c$/);
    await expect(page.getByRole('heading', { level: 2, name: 'C', exact: true })).toBeInViewport();

    const chime = page.getByRole('definition').filter({ hasText: 'Five recovery processes' });
    await expect(chime.getByRole('link', { name: 'What recovery means' })).toHaveAttribute('href', '/modules/what-recovery-means');
    // A scenario that practises rolling with discord says so.
    await expect(page.locator('#discord + dd').getByRole('link', { name: 'A first conversation with Jordan' })).toBeVisible();

    const total = await page.locator('[data-glossary-entry]').count();
    await page.getByRole('searchbox', { name: 'Filter the terms' }).fill('reflection');
    const count = page.getByRole('status').filter({ hasText: /terms? match/ });
    await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} terms match “reflection”\\.$`));
    await expect(page.getByRole('term').filter({ hasText: 'Complex reflection' })).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'CHIME' })).toBeHidden();
    await expect(letters.getByRole('link', { name: 'Terms starting with C' })).toBeVisible();
    await expect(letters.getByRole('link', { name: 'Terms starting with W' })).toBeHidden();
    await page.getByRole('searchbox', { name: 'Filter the terms' }).fill('zzzz');
    await expect(page.getByRole('status').filter({ hasText: 'No terms match “zzzz”.' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Filter the terms' }).fill('');
    await expect(page.getByRole('term')).toHaveCount(total);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('shows every term, with the A–Z list, and no filter box that would do nothing', async ({ page }) => {
      await page.goto('/glossary');
      await expect(page.getByRole('searchbox', { name: 'Filter the terms' })).toBeHidden();
      await expect(page.getByRole('term').first()).toBeVisible();
      const terms = await page.getByRole('term').count();
      expect(terms).toBeGreaterThan(50);
      for (const term of await page.getByRole('term').all()) await expect(term).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Glossary, A to Z' }).getByRole('link', { name: 'Terms starting with A' })).toBeVisible();
    });
  });
});

test('"Continue where you left off" appears once there is somewhere to go back to', async ({ page }) => {
  const continueCard = page.getByRole('region', { name: 'Continue where you left off' });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Recovery Coach Practice', level: 1 })).toBeVisible();
  await expect(continueCard).toBeHidden();

  await page.goto('/modules/mi-oars');
  await page.goto('/');
  await expect(continueCard.getByRole('link')).toHaveText(['The module “Motivational interviewing: OARS”']);

  await page.goto(jordan.url);
  await start(page);
  await choose(page, jordan.agreesToMeet.slice(0, 1));
  // The place is noted once the step is saved, which fetches what it needs first: wait for it, as a
  // person reading the next line would.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('recovery-coach-practice:last-place') ?? '')).toContain('first-conversation-with-jordan');
  await page.goto('/modules');
  await expect(continueCard.getByRole('link')).toHaveText(['Your run of “A first conversation with Jordan”', 'The module “Motivational interviewing: OARS”']);
  await continueCard.getByRole('link', { name: /A first conversation with Jordan/ }).click();
  await expect(page.getByRole('button', { name: 'Resume where you left off' })).toBeVisible();
});

test('Mark this module as complete keeps its words and says its state by being pressed', async ({ page }) => {
  await page.goto('/modules/mi-oars');
  const button = page.getByRole('button', { name: 'Mark this module as complete' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(button).toHaveText('Mark this module as complete');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText('No longer marked complete.')).toBeVisible();
});
