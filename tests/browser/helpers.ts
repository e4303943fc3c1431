import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';

/** Presses Tab until the focused element's text matches, as a keyboard user would move. */
export async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  // Tabbing to a server-drawn control before its island listens would press a button that does nothing.
  await untilHydrated(page);
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedText(page))) return;
  }
  throw new Error(`Tab never reached an element matching ${name}`);
}

/** What the focused element says: its text, or for a form field, its label. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return [...(element.labels ?? [])].map((label) => label.innerText).join(' ');
    return element?.innerText ?? '';
  });
}

/** Starts from an empty progress record. */
export async function clearStorage(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
}

export async function expectFocused(page: Page, name: RegExp): Promise<void> {
  await expect.poll(() => focusedText(page)).toMatch(name);
}

/** The page has no axe violations of WCAG 2.2 A and AA. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Waits until the page's islands have come alive (Astro drops an island's `ssr` mark once its
 * script has run): an island is drawn on the server first, and on a loaded machine a test can
 * type into or tab to it before it listens, which a person on a fast one never does.
 */
export async function untilHydrated(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Axe's WCAG 2.2 A and AA violations on the page as it is, in the light theme and then the dark. */
export async function axeInBothThemes(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    found.push(...violations.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Fills this site's storage to its limit, as a browser full of other data would be, keeping what is there. */
export async function fillStorage(page: Page): Promise<void> {
  await page.evaluate(() => {
    let size = 1024 * 1024;
    let n = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });
}

/** How far the page scrolls sideways: 0 when it fits the screen. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The course's modules and scenarios as the site builds them, so counts in tests follow the data. */
export const course = {
  modules: readdirSync('content/modules').filter((name) => name.endsWith('.mdx')).length,
  scenarios: readdirSync('scenarios')
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ id: name.replace(/\.md$/, ''), text: readFileSync(`scenarios/${name}`, 'utf8') })),
};

/** Choices through "A first conversation with Jordan", by what the coach says, to each kind of ending. */
export const jordan = {
  url: '/scenarios/first-conversation-with-jordan',
  /** Reaches "Agrees to meet" (positive) with no missteps. */
  agreesToMeet: [
    /Coming here feels like one more plan made for you/,
    /You're the one who decides what happens next/,
    /I'm not a therapist\. I don't diagnose/,
    /That's right\. Whether we meet/,
    /What did normal look like, before\?/,
    /Half the street trusted you/,
    /So everyone's had a plan for you/,
    /You're worried your concentration will let you down/,
  ],
  /** Reaches "Leaves early" (negative) in two choices. */
  leavesEarly: [/Coaching really helps a lot of people/, /I get it, but you've just come out of hospital/],
};

/** Picks each choice in turn by what the coach says. */
export async function choose(page: Page, choices: readonly RegExp[]): Promise<void> {
  for (const says of choices) await page.getByRole('button', { name: says }).click();
}
