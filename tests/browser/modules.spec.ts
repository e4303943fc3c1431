import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { clearStorage, course, expectFocused, fillStorage, focusedText, sidewaysOverflow, tabTo } from './helpers.ts';

/** The questions of the attempt on show, in order: each with its number, its legend (the form's name) and its options as laid out. */
function drawnQuestions(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLFormElement>('form[data-question]')]
      .filter((form) => !form.hidden)
      .map((form) => ({
        id: form.dataset.question!,
        number: form.querySelector('[data-number]')!.textContent!,
        legend: form.querySelector('legend')!.textContent!.trim(),
        options: [...form.querySelectorAll('label')].map((label) => label.textContent!),
      })),
  );
}

/** The module's answer key, as the page fetches it once the reader answers: which option (by its place on screen) is right, and each question's section. */
async function answerKey(page: Page, moduleId: string) {
  const key = (await (await page.request.get(`/modules/${moduleId}/check.json`)).json()) as Record<string, { answer: number }>;
  const bank = parseYaml(readFileSync(`content/checks/${moduleId}.yaml`, 'utf8')) as { questions: Array<{ id: string; section: string; options: Array<{ text: string }> }> };
  const laidOut = await drawnQuestions(page);
  return {
    /** Where the right option stands on screen. */
    rightPlace: (id: string) => laidOut.find((question) => question.id === id)!.options.indexOf(bank.questions.find((question) => question.id === id)!.options[key[id]!.answer]!.text),
    sectionOf: (id: string) => bank.questions.find((question) => question.id === id)!.section,
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  await expect(page.getByRole('button', { name: 'Mark this module as complete' })).toHaveAttribute('aria-pressed', 'true');
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
  const firstOption = (await drawnQuestions(page))[0]!.options[0]!;
  await tabTo(page, new RegExp(`^${escape(firstOption)}$`), 20);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The verdict and its feedback take the focus, so a screen reader reads them.
  await expectFocused(page, /^(Correct|Not quite)\. /);
  await tabTo(page, /Mark this module as complete/, 100);
  await page.keyboard.press('Enter');
  await expectFocused(page, /Mark this module as complete/);
  await expect(page.getByRole('button', { name: 'Mark this module as complete' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/Marked complete on/)).toBeVisible();
});

test('a knowledge check shows an attempt of six questions, keeps each answer, and shows the same attempt after a reload', async ({ page }) => {
  await page.goto('/modules/what-recovery-means');
  const check = page.getByRole('region', { name: 'Check your understanding' });
  const drawn = await drawnQuestions(page);
  expect(drawn).toHaveLength(6);
  expect(drawn.map((question) => question.number)).toEqual([1, 2, 3, 4, 5, 6].map((n) => `Question ${n} of 6.`));
  const key = await answerKey(page, 'what-recovery-means');
  const [first] = drawn;
  const form = check.getByRole('form', { name: first!.legend });
  await form.getByLabel(first!.options[key.rightPlace(first!.id)]!, { exact: true }).check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.getByText(/^Correct\. /)).toBeVisible();
  // The first answer counts: it cannot be changed, and there is nothing more to check.
  await expect(form.getByRole('radio').first()).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Check answer' })).toBeHidden();

  await page.reload();
  expect(await drawnQuestions(page)).toEqual(drawn);
  await expect(check.getByRole('form', { name: first!.legend }).getByText(/^Correct\. /)).toBeVisible();
  await expect(check.getByRole('form', { name: first!.legend }).getByLabel(first!.options[key.rightPlace(first!.id)]!, { exact: true })).toBeChecked();
  await page.goto('/progress');
  await expect(page.getByText('1 of 1 questions answered correctly.')).toBeVisible();
});

test('the answers are not in the page until the reader checks one', async ({ page }) => {
  const keyRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/check.json')) keyRequests.push(request.url());
  });
  await page.goto('/modules/what-recovery-means');
  await expect(page.getByRole('form').first()).toBeVisible();
  // Everything the page holds, shown or not: its text and every attribute.
  const held = await page.evaluate(() => ({
    text: document.documentElement.textContent ?? '',
    attributes: [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => `${attribute.name}=${attribute.value}`)),
  }));
  const bank = parseYaml(readFileSync('content/checks/what-recovery-means.yaml', 'utf8')) as { questions: Array<{ options: Array<{ feedback: string }> }> };
  for (const feedback of bank.questions.flatMap((question) => question.options.map((option) => option.feedback))) expect(held.text).not.toContain(feedback);
  expect(held.attributes.filter((attribute) => /correct|feedback=./i.test(attribute))).toEqual([]);
  expect(keyRequests).toEqual([]);

  const [first] = await drawnQuestions(page);
  const form = page.getByRole('form', { name: first!.legend });
  await form.getByRole('radio').first().check();
  await form.getByRole('button', { name: 'Check answer' }).click();
  await expect(form.getByText(/^(Correct|Not quite)\. /)).toBeVisible();
  expect(keyRequests).toEqual([expect.stringMatching(/\/modules\/what-recovery-means\/check\.json$/)]);
});

test('a finished check gives the score and what to read again, and "Try again" draws a new attempt', async ({ page }) => {
  await page.goto('/modules/what-recovery-means');
  const check = page.getByRole('region', { name: 'Check your understanding' });
  const drawn = await drawnQuestions(page);
  const key = await answerKey(page, 'what-recovery-means');
  // Two wrong, four right.
  for (const [i, question] of drawn.entries()) {
    const right = key.rightPlace(question.id);
    const pick = i < 2 ? (right + 1) % question.options.length : right;
    const form = check.getByRole('form', { name: question.legend });
    await form.getByLabel(question.options[pick]!, { exact: true }).check();
    await form.getByRole('button', { name: 'Check answer' }).click();
    await expect(form.getByText(i < 2 ? /^Not quite\. / : /^Correct\. /)).toBeVisible();
  }
  const score = check.getByRole('status').filter({ hasText: 'You answered' });
  await expect(score).toHaveText('You answered 4 of 6 correctly.');
  const missedSections = [...new Set(drawn.slice(0, 2).map((question) => key.sectionOf(question.id)))];
  const readAgain = check.getByRole('list').last().getByRole('link');
  await expect(readAgain).toHaveCount(missedSections.length);
  for (const slug of missedSections) {
    await expect(check.locator(`a[href="#${slug}"]`)).toBeVisible();
    await expect(page.locator(`[id="${slug}"]`), `the section ${slug} on the page`).toHaveCount(1);
  }

  await check.getByRole('button', { name: 'Try again with new questions' }).click();
  const again = await drawnQuestions(page);
  expect(again).toHaveLength(6);
  expect(again).not.toEqual(drawn);
  await expect(check.getByText(/^(Correct|Not quite)\. /)).toHaveCount(0);
  await expect(score).toBeHidden();
  expect(await focusedText(page)).toBe(again[0]!.options[0]);
  await page.reload();
  expect(await drawnQuestions(page)).toEqual(again);
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
  await expect(page.getByRole('main')).toContainText(/Safety and the coach's role\s*Content note\. This module includes:\s*suicide\s*self-harm\s*people at risk of harm\s*What a recovery coach does/);
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
