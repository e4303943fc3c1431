import { expect, type Page } from '@playwright/test';

/** Presses Tab until the focused element's text matches, as a keyboard user would move. */
export async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    if (name.test(text)) return;
  }
  throw new Error(`Tab never reached an element matching ${name}`);
}

/** Starts from an empty progress record. */
export async function clearStorage(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
}

export async function expectFocused(page: Page, name: RegExp): Promise<void> {
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '')).toMatch(name);
}
