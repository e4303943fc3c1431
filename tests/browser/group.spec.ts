/** Group play on one screen: set up, vote step by step with the keyboard alone, undo, and reach the group debrief. */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { clearStorage } from './helpers.ts';
import { builtScenarioIds, tabUntil } from './site-scenarios.ts';

const [id] = builtScenarioIds();

test.beforeEach(async ({ page }) => clearStorage(page));

/** Each of the named people votes for option 1, by keyboard: Tab to their first radio, Space. */
async function everyoneVotesFirst(page: Page, names: readonly string[]) {
  for (const name of names) {
    const first = page.getByRole('group', { name: `${name}'s vote` }).getByRole('radio', { name: '1', exact: true });
    await tabUntil(page, first);
    await page.keyboard.press('Space');
    await expect(first).toBeChecked();
  }
}

test('a group plays a scenario on one screen to its debrief with the keyboard alone, with an undo on the way', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(`/scenarios/${id}`);
  await page.getByRole('link', { name: 'Play as a group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Play as a group: / })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();

  await tabUntil(page, page.getByLabel('Names of the people here (optional)'));
  await page.keyboard.type('Ana, Ben');
  await tabUntil(page, page.getByRole('button', { name: /Start$/ }));
  await page.keyboard.press('Enter');

  const stepHeading = page.getByRole('heading', { name: /^Step \d+$/ });
  await expect(stepHeading).toBeFocused();
  await expect(stepHeading).toHaveText('Step 1');
  await expect(page.getByText('Group vote: Ana, Ben')).toBeVisible();

  await everyoneVotesFirst(page, ['Ana', 'Ben']);
  await expect(page.getByRole('listitem').filter({ hasText: '2 votes' })).toHaveCount(1);
  await tabUntil(page, page.getByRole('button', { name: "Reveal the group's choice" }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: "The group's choice" })).toBeFocused();
  await expect(page.getByText("the group's choice", { exact: false }).first()).toBeVisible();

  // Take the step back: the votes are as they were.
  await tabUntil(page, page.getByRole('button', { name: 'Undo the last step' }));
  await page.keyboard.press('Enter');
  await expect(stepHeading).toHaveText('Step 1');
  await expect(page.getByRole('group', { name: "Ana's vote" }).getByRole('radio', { name: '1', exact: true })).toBeChecked();

  for (let step = 2; step < 30; step++) {
    if (!(await page.getByRole('heading', { name: "The group's choice" }).isVisible())) {
      await everyoneVotesFirst(page, ['Ana', 'Ben']);
      await tabUntil(page, page.getByRole('button', { name: "Reveal the group's choice" }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: "The group's choice" })).toBeFocused();
    }
    const next = page.getByRole('button', { name: /^(Next step|See the debrief)/ });
    const toDebrief = (await next.textContent()) === 'See the debrief';
    await tabUntil(page, next);
    await page.keyboard.press('Enter');
    if (toDebrief) break;
    await expect(stepHeading).toHaveText(`Step ${step}`);
    await expect(stepHeading).toBeFocused();
  }

  const debrief = page.getByRole('region', { name: 'Group debrief' });
  await expect(page.getByRole('heading', { name: 'Group debrief' })).toBeFocused();
  await expect(debrief).toContainText(/The group chose an MI-consistent option, a safety step or a straight answer at \d+ of \d+ steps?\./);
  await expect(debrief.getByRole('table').getByRole('row', { name: /Reflection-to-question ratio/ })).toBeVisible();
  await expect(debrief.getByRole('heading', { name: 'To talk about' })).toBeVisible();
  await expect(debrief.getByText(/^Votes: 1 \(.+\) 2 ·/).first()).toBeVisible();

  await tabUntil(page, page.getByRole('button', { name: 'Download the group transcript' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(`${id}-group-transcript.md`);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text).toContain('Played by Ana and Ben, voting at each step.');
  expect(text).toMatch(/\*\*The group \(.+\):\*\* "/);
  expect(text).toContain("2 votes, the group's choice");
  expect(text).toContain('### How the group chose');

  await page.goto('/progress');
  await expect(page.getByRole('heading', { name: /as a group: Ana, Ben/ })).toBeVisible();
});

test('a tie before everyone has voted is called a tie so far, and the last vote can settle it', async ({ page }) => {
  await page.goto(`/scenarios/${id}/group`);
  await page.getByLabel('Names of the people here (optional)').fill('Ana, Ben, Cleo');
  await page.getByRole('button', { name: /Start$/ }).click();
  await page.getByRole('group', { name: "Ana's vote" }).getByRole('radio', { name: '1', exact: true }).check();
  await page.getByRole('group', { name: "Ben's vote" }).getByRole('radio', { name: '2', exact: true }).check();
  await expect(page.getByText('So far it is a tie between 1 and 2 (2 of 3 have voted). If it stays a tie, the facilitator chooses:')).toBeVisible();
  await page.getByRole('group', { name: "Cleo's vote" }).getByRole('radio', { name: '2', exact: true }).check();
  await expect(page.getByRole('group', { name: 'Break the tie' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: "Reveal the group's choice" })).toBeEnabled();
});

test('a group run survives a reload, a tie goes to the facilitator, and a break keeps the place', async ({ page }) => {
  await page.goto(`/scenarios/${id}/group`);
  await page.getByLabel('Names of the people here (optional)').fill('Ana, Ben');
  await page.getByRole('button', { name: /Start$/ }).click();
  await page.getByRole('group', { name: "Ana's vote" }).getByRole('radio', { name: '1', exact: true }).check();
  await page.getByRole('group', { name: "Ben's vote" }).getByRole('radio', { name: '2', exact: true }).check();
  await expect(page.getByRole('button', { name: "Reveal the group's choice" })).toBeDisabled();
  await expect(page.getByText('It is a tie between 1 and 2. The facilitator chooses:')).toBeVisible();

  await page.getByRole('button', { name: 'Take a break' }).click();
  await expect(page.getByRole('heading', { name: 'Taking a break' })).toBeFocused();
  await page.reload();
  await page.getByRole('button', { name: 'Resume where the group left off' }).click();
  await expect(page.getByRole('heading', { name: 'Taking a break' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to the role-play' }).click();
  await expect(page.getByRole('group', { name: "Ben's vote" }).getByRole('radio', { name: '2', exact: true })).toBeChecked();

  await page.getByRole('button', { name: 'Choose 2' }).click();
  await expect(page.getByText("the group's choice, chosen by the facilitator")).toBeVisible();
});

test('the hot seat goes round the group, saying it aloud first, with a timer', async ({ page }) => {
  await page.goto(`/scenarios/${id}/group`);
  await page.getByLabel('Names of the people here (optional)').fill('Ana, Ben');
  await page.getByLabel('Hot seat', { exact: true }).check();
  await page.getByRole('button', { name: /Start$/ }).click();
  await expect(page.getByText('In the hot seat: Ana · next: Ben')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Say it your way' })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText('1:00');
  await page.getByRole('button', { name: 'Start the timer' }).click();
  await expect(page.getByRole('timer')).not.toHaveText('1:00');
  await page.getByRole('button', { name: 'Pause the timer' }).click();
  await page.getByRole('button', { name: 'Show the options' }).click();
  await page.getByRole('group', { name: "Ana's pick" }).getByRole('radio', { name: '1', exact: true }).check();
  await page.getByRole('button', { name: "Reveal the group's choice" }).click();
  await expect(page.getByText("the group's choice, picked in the hot seat")).toBeVisible();
  const next = page.getByRole('button', { name: /^(Next step: Ben takes the hot seat|See the debrief)$/ });
  if ((await next.textContent())?.startsWith('Next')) {
    await next.click();
    await expect(page.getByText('In the hot seat: Ben · next: Ana')).toBeVisible();
  }
});
