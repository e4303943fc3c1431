import { expect, test } from '@playwright/test';
import { clearStorage } from './helpers.ts';

test.beforeEach(async ({ page }) => clearStorage(page));

test('a reader reads a module and marks it complete', async ({ page }) => {
  await page.goto('/modules');
  await page.getByRole('link', { name: 'What recovery means' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'What recovery means' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  await page.getByRole('link', { name: 'CHIME: what people say helps' }).click();
  await expect(page).toHaveURL(/#chime-what-people-say-helps$/);
  const markComplete = page.getByRole('button', { name: 'Mark this module as complete' });
  await markComplete.scrollIntoViewIfNeeded(); // it comes to life when scrolled to
  await markComplete.click();
  await expect(page.getByRole('button', { name: /Completed/ })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/modules');
  await expect(page.getByText(/Completed on/)).toHaveCount(1);
  await page.goto('/progress');
  await expect(page.getByText('1 of 5 modules completed.')).toBeVisible();
});

test('a knowledge check gives feedback, and the answer is kept', async ({ page }) => {
  await page.goto('/modules/what-recovery-means');
  const question = page.getByRole('group', { name: /Question 3\. In CHIME, what does the E stand for\?/ });
  await question.scrollIntoViewIfNeeded();
  await question.getByLabel('Education').check();
  await question.locator('..').getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Not quite. Education appears in WRAP')).toBeVisible();
  await question.getByLabel('Empowerment').check();
  await question.locator('..').getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('Correct. Yes: personal responsibility')).toBeVisible();
  await page.reload();
  await page.getByRole('heading', { name: 'Check your understanding' }).scrollIntoViewIfNeeded();
  await expect(page.getByText('Correct. Yes: personal responsibility')).toBeVisible();
  await expect(page.getByRole('group', { name: /Question 3\./ }).getByLabel('Empowerment')).toBeChecked();
  await page.goto('/progress');
  await expect(page.getByText('1 of 1 questions answered correctly.')).toBeVisible();
});

test('a glossary term shows its definition on keyboard focus', async ({ page }) => {
  await page.goto('/modules/what-recovery-means');
  const term = page.locator('.term-word', { hasText: 'CHIME' }).first();
  await term.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'CHIME: Five recovery processes' }).first()).toBeVisible();
});
