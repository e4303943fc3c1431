/**
 * The scenarios of the built site, read from dist/, so the group, card and room tests play
 * whatever scenarios the library holds (it is being rebuilt) rather than naming one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

const dist = join(process.cwd(), 'dist', 'scenarios');

/** The id of every scenario that has a page in the built site, in file-name order. */
export function builtScenarioIds(): string[] {
  return readdirSync(dist, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dist, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

/** Presses Tab until the element is focused, as a keyboard user would move. */
export async function tabUntil(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** The persona's name, as the scenario page's persona card says it. */
export async function personaOf(page: Page, id: string): Promise<string> {
  await page.goto(`/scenarios/${id}`);
  const heading = await page.getByRole('heading', { name: /^Who you are talking with: / }).textContent();
  const name = heading!.replace(/^Who you are talking with: /, '').trim();
  expect(name).not.toBe('');
  return name;
}
