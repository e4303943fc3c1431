import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { clearStorage, course, expectFocused, fillStorage, sidewaysOverflow, tabTo } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

test('a reader reads a module and marks it complete', async ({ page }) => {
  await page.goto('/modules');
  await expect(page.getByRole('link', { name: 'What recovery means' })).toBeVisible();
  await expect(page.getByText('Not started')).toHaveCount(course.modules);
  await page.getByRole('link', { name: 'What recovery means' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'What recovery means' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await page.getByRole('link', { name: 'CHIME: what people say helps' }).click();
  await expect(page).toHaveURL(/#chime-what-people-say-helps$/);
  await page.getByRole('button', { name: 'Mark this module as complete' }).click();
  await expect(page.getByRole('button', { name: /Completed/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/Marked complete on/)).toBeVisible();
  await page.goto('/modules');
  await expect(page.getByText(/Completed on/)).toHaveCount(1);
  await page.goto('/progress');
  await expect(page.getByText(`1 of ${course.modules} modules completed.`)).toBeVisible();
});

test('the first Tab pass reaches the reflection, the knowledge check and Mark complete, and they work', async ({ page }) => {
  await page.goto('/modules/mi-oars');
  // From the top of the page, without scrolling first: the controls are live wherever they are.
  await tabTo(page, /Save reflection/, 400);
  await tabTo(page, /Would you say the group helped you, or not really\?/, 20);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Correct\. Yes\. It invites Kofi to answer in his own words/)).toBeVisible();
  await tabTo(page, /Mark this module as complete/, 100);
  await page.keyboard.press('Enter');
  await expectFocused(page, /Completed/);
  await expect(page.getByText(/Marked complete on/)).toBeVisible();
});

test('a knowledge check gives feedback, and the answer is kept', async ({ page }) => {
  await page.goto('/modules/what-recovery-means');
  const form = page.getByRole('form', { name: /Which CHIME process is she talking about most\?/ });
  const question = form.getByRole('group');
  await question.getByLabel('Empowerment: control over her own life').check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.getByText(/^Not quite\./)).toBeVisible();
  await question.getByLabel('Identity: her sense of who she is').check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.getByText(/^Correct\. Yes: rebuilding a positive sense of self/)).toBeVisible();
  await page.reload();
  await expect(form.getByText(/^Correct\. Yes: rebuilding a positive sense of self/)).toBeVisible();
  await expect(question.getByLabel('Identity: her sense of who she is')).toBeChecked();
  await page.goto('/progress');
  await expect(page.getByText('1 of 1 questions answered correctly.')).toBeVisible();
});

test('a reflection is saved on this device and listed on My progress', async ({ page }) => {
  await page.goto('/modules/mi-oars');
  const reflect = page.getByRole('region', { name: 'Reflect' });
  await reflect.getByRole('textbox').fill('Reflecting before asking feels slower but lands better.');
  await reflect.getByRole('button', { name: 'Save reflection' }).click();
  await expect(reflect.getByText('Saved on this device.', { exact: true })).toBeVisible();
  await page.reload();
  await expect(reflect.getByRole('textbox')).toHaveValue('Reflecting before asking feels slower but lands better.');
  await page.goto('/progress');
  const saved = page.getByRole('region', { name: 'Your reflections' });
  await expect(saved).toContainText('Reflecting before asking feels slower but lands better.');
  await expect(saved.getByRole('link', { name: 'Motivational interviewing: OARS' })).toBeVisible();

  // Emptying the box and saving clears it, rather than keeping an empty reflection.
  await page.goto('/modules/mi-oars');
  await reflect.getByRole('textbox').fill('');
  await reflect.getByRole('button', { name: 'Save reflection' }).click();
  await expect(reflect.getByText('Cleared: nothing is kept for this reflection now.', { exact: true })).toBeVisible();
  await page.reload();
  await reflect.getByRole('button', { name: 'Save reflection' }).click();
  await expect(reflect.getByText('Nothing to save yet: the box is empty.', { exact: true })).toBeVisible();
  await page.goto('/progress');
  await expect(saved).not.toContainText('Reflecting before asking');
});

test('when storage is full, a reflection says it was not saved and offers an export that holds it', async ({ page }) => {
  await page.goto('/modules/mi-oars');
  await fillStorage(page);
  const reflect = page.getByRole('region', { name: 'Reflect' });
  await reflect.getByRole('textbox').fill('Words that must not be lost.');
  await reflect.getByRole('button', { name: 'Save reflection' }).click();
  await expect(reflect.getByText(/storage for this site is full, so this was not saved on this device/)).toBeVisible();
  await expect(reflect.getByText('Saved on this device.', { exact: true })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), reflect.getByRole('button', { name: 'Export progress' }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(Object.values(JSON.parse(text).reflections)).toMatchObject([{ text: 'Words that must not be lost.' }]);
});

test('a module ends with a compact list of the scenarios that practise it', async ({ page }) => {
  await page.goto('/modules/mi-oars');
  const listed = (/^scenarios: \[(.*)\]$/m.exec(readFileSync('content/modules/mi-oars.mdx', 'utf8'))?.[1] ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  const naming = course.scenarios.filter((scenario) => /^modules: \[.*\bmi-oars\b.*\]$/m.test(scenario.text)).map((scenario) => scenario.id);
  const expected = new Set([...listed, ...naming]);
  const practise = page.getByRole('region', { name: 'Scenarios that practise this module' });
  await expect(practise.getByRole('listitem')).toHaveCount(expected.size);
  await expect(practise.getByRole('complementary')).toHaveCount(0);
  await expect(practise.getByRole('link', { name: 'A first conversation with Jordan' })).toHaveAttribute('href', '/scenarios/first-conversation-with-jordan');
});

test('a module with a content note shows it before its description', async ({ page }) => {
  await page.goto('/modules/safety-and-the-coachs-role');
  await expect(page.getByRole('main')).toContainText(/Safety and the coach's role\s*Content note\. This module includes:\s*suicide\s*people at risk of harm\s*What a recovery coach does/);
});

for (const width of [320, 375]) {
  test(`a glossary term links to its entry and its definition fits a ${width} px screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/modules/what-recovery-means');
    const term = page.getByRole('link', { name: 'CHIME', exact: true }).first();
    await term.focus();
    const definition = page.getByRole('tooltip').filter({ hasText: 'CHIME: Five recovery processes' }).first();
    await expect(definition).toBeVisible();
    const box = (await definition.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    // Escape dismisses it without moving focus (WCAG 1.4.13).
    await page.keyboard.press('Escape');
    await expect(definition).toBeHidden();
    await expect(term).toBeFocused();
    await term.click();
    await expect(page).toHaveURL(/\/glossary#chime$/);
    await expect(page.getByRole('term').filter({ hasText: 'CHIME' })).toBeVisible();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a module says its checks and saving need JavaScript, and shows no dead controls', async ({ page }) => {
    await page.goto('/modules/mi-oars');
    await expect(page.getByText('Checking your answers needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByText('Saving your reflection needs JavaScript, which is turned off in this browser.')).toBeVisible();
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByText('Not started')).toHaveCount(0);
  });
});
