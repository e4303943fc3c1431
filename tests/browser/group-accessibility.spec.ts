/** The group page at each stage, the role cards, the tally sheet and the join page: axe-clean in both themes, and no sideways scrolling at 320 px. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { clearStorage } from './helpers.ts';
import { builtScenarioIds } from './site-scenarios.ts';

const [id] = builtScenarioIds();
const axe = async (page: Page) => (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

test.beforeEach(async ({ page }) => clearStorage(page));

for (const theme of ['light', 'dark'] as const) {
  test(`role cards, the tally sheet and the join page have no axe violations in the ${theme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    for (const path of [`/scenarios/${id}/cards`, '/observe', '/join', '/join/?code=NOROOM']) {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await axe(page), path).toEqual([]);
    }
    await page.goto('/observe');
    await page.getByRole('button', { name: /^Affirm/ }).click();
    expect(await axe(page), 'tally sheet with a tally').toEqual([]);
  });

  test(`the group page at set-up, voting, the reveal, a break and the debrief has no axe violations in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`/scenarios/${id}/group`);
    await page.waitForLoadState('networkidle');
    expect(await axe(page), 'set-up').toEqual([]);
    await page.getByLabel('Names of the people here (optional)').fill('Ana');
    await page.getByRole('button', { name: /Start$/ }).click();
    await page.getByRole('group', { name: "Ana's vote" }).getByRole('radio', { name: '1', exact: true }).check();
    expect(await axe(page), 'voting').toEqual([]);
    await page.getByRole('button', { name: "Reveal the group's choice" }).click();
    expect(await axe(page), 'revealed').toEqual([]);
    await page.getByRole('button', { name: 'Take a break' }).click();
    expect(await axe(page), 'break').toEqual([]);
    await page.getByRole('button', { name: 'Back to the role-play' }).click();
    for (let step = 0; step < 30; step++) {
      const next = page.getByRole('button', { name: /^(Next step|See the debrief)/ });
      const toDebrief = (await next.textContent()) === 'See the debrief';
      await next.click();
      if (toDebrief) break;
      await page.getByRole('group', { name: "Ana's vote" }).getByRole('radio', { name: '1', exact: true }).check();
      await page.getByRole('button', { name: "Reveal the group's choice" }).click();
    }
    await expect(page.getByRole('heading', { name: 'Group debrief' })).toBeVisible();
    expect(await axe(page), 'debrief').toEqual([]);
  });
}

test('the new pages fit a 320 px wide screen without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  for (const path of [`/scenarios/${id}/group`, `/scenarios/${id}/cards`, '/observe', '/join']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(await overflow(), path).toBeLessThanOrEqual(0);
  }
  await page.goto(`/scenarios/${id}/group`);
  await page.getByLabel('Names of the people here (optional)').fill('Ana, Ben, Chris');
  await page.getByRole('button', { name: /Start$/ }).click();
  await expect(page.getByRole('group', { name: "Chris's vote" })).toBeVisible();
  expect(await overflow(), 'group page while voting').toBeLessThanOrEqual(0);
});

test('the new pages ask nothing of another host', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) foreign.push(request.url());
  });
  for (const path of [`/scenarios/${id}/group`, `/scenarios/${id}/cards`, '/observe', '/join']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(foreign).toEqual([]);
});
