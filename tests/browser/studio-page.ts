/** The studio's page as its browser tests reach it: the parts a trainer uses, and pasting a whole draft. */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const studioUrl = '/trainers/studio';
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The template `coach new` and the studio start from. */
export const template = readFileSync(new URL('../../cli/templates/new-scenario.md', import.meta.url), 'utf8');

export const editor = (page: Page) => page.getByRole('textbox', { name: 'Scenario Markdown' });
export const problems = (page: Page) => page.getByRole('region', { name: 'Problems' });
export const announcements = (page: Page) => page.getByRole('status', { name: 'Studio announcements' });

/** Replaces the editor's text as a paste would. */
export async function paste(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
}
