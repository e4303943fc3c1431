/**
 * Say it your way, typed: phones type their replies during the pause, the shared screen counts them,
 * then shows them without names and with their codes when the facilitator says, the group votes,
 * and the debrief and transcript keep them. A phone that reloads keeps its reply. On one screen,
 * the facilitator types the hot seat's reply with the keyboard alone. Axe-clean in both themes.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { axeInBothThemes, clearStorage, sidewaysOverflow } from './helpers.ts';
import { freePort, phone, startGroup, stop, voteFirst } from './room-server.ts';
import { builtScenarioIds, tabUntil } from './site-scenarios.ts';

const [id] = builtScenarioIds();

// Replies a coach might type, each coded by a rule of the MITI manual, so their codes are certain.
const replies = {
  open: 'What would help you most right now?',
  closed: 'Do you want to talk about it?',
  advice: 'You should call your doctor today.',
};


const replyBox = (page: Page) => page.getByLabel('Your reply, in your own words');

test('three phones type replies, the facilitator shows them without names and with their codes, the group votes, and the debrief keeps them', async ({ browser }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const server = await startGroup(id!, port, mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const { facilitator: facilitatorUrl, join: joinUrl } = server.room;
    const facilitator = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await facilitator.goto(facilitatorUrl);
    const ana = await phone(browser, joinUrl, 'Ana');
    const ben = await phone(browser, joinUrl, 'Ben', { width: 320, height: 640 });
    const chris = await phone(browser, joinUrl, 'Chris');
    await expect(facilitator.getByText('In the room: Ana, Ben, Chris.')).toBeVisible();

    // Typed replies come with the say-it-your-way pause, and are on unless the facilitator turns them off.
    await facilitator.getByLabel('Pause to say it your way before the options are shown').check();
    await expect(facilitator.getByLabel('Typed replies during the pause')).toBeChecked();
    expect(await axeInBothThemes(facilitator), 'set-up').toEqual([]);
    await facilitator.getByRole('button', { name: /Start$/ }).click();
    await expect(facilitator.getByRole('heading', { name: 'Say it your way' })).toBeVisible();
    const count = facilitator.getByText(/^(No replies yet|\d+ repl(y|ies) in|Replies shown)$/);
    await expect(count).toHaveText('No replies yet');
    await expect(count).toHaveAttribute('aria-live', 'polite');

    // Each phone types its reply: Enter sends, Shift+Enter starts a new line.
    await replyBox(ana).fill(replies.open);
    await replyBox(ana).press('Enter');
    await expect(ana.getByText('Sent: your reply is in.')).toBeVisible();
    await expect(count).toHaveText('1 reply in');
    await replyBox(ben).click();
    await ben.keyboard.type('Do you want to talk');
    await ben.keyboard.press('Shift+Enter');
    await ben.keyboard.type('about it?');
    await expect(replyBox(ben)).toHaveValue('Do you want to talk\nabout it?');
    await ben.keyboard.press('Enter');
    await expect(ben.getByText('Sent: your reply is in.')).toBeVisible();
    await replyBox(chris).fill('You should call your doctor.');
    await chris.getByRole('button', { name: 'Send my reply' }).click();
    await expect(count).toHaveText('3 replies in');
    expect(await sidewaysOverflow(ben), 'a phone 320 px wide').toBeLessThanOrEqual(0);
    expect(await axeInBothThemes(ben), 'phone, reply sent').toEqual([]);

    // A phone changes its reply until the replies are shown: it replaces the one it sent.
    await replyBox(chris).fill(replies.advice);
    await expect(chris.getByText('Your reply is in. Send again to replace it with this.')).toBeVisible();
    await chris.getByRole('button', { name: 'Send the change' }).click();
    await expect(chris.getByText('Sent: your reply is in.')).toBeVisible();
    await expect(count).toHaveText('3 replies in');
    // The shared screen has the count, not the words.
    for (const words of [replies.open, replies.advice, 'about it?']) await expect(facilitator.getByText(words)).toHaveCount(0);
    expect(await axeInBothThemes(facilitator), 'replies coming in').toEqual([]);

    // A phone reloads mid-step: its reply is still in, from this tab's draft or, without it, from the server.
    await ana.reload();
    await expect(replyBox(ana)).toHaveValue(replies.open);
    await expect(ana.getByText('Sent: your reply is in.')).toBeVisible();
    await ana.evaluate(() => sessionStorage.clear());
    await ana.reload();
    await expect(replyBox(ana)).toHaveValue(replies.open);
    await expect(ana.getByText('Sent: your reply is in.')).toBeVisible();
    // A change not yet sent is kept through a reload too, and the reply sent stays in until it is.
    await replyBox(ben).fill(replies.closed);
    await ben.reload();
    await expect(replyBox(ben)).toHaveValue(replies.closed);
    await expect(ben.getByText('Your reply is in. Send again to replace it with this.')).toBeVisible();
    await replyBox(ben).press('Enter');
    await expect(ben.getByText('Sent: your reply is in.')).toBeVisible();
    await expect(count).toHaveText('3 replies in');

    // The facilitator shows them: together, without names, each with its code; focus goes to them.
    await facilitator.getByRole('button', { name: 'Show the replies' }).click();
    await expect(facilitator.getByRole('heading', { name: 'The replies, without names (3)' })).toBeFocused();
    await expect(count).toHaveText('Replies shown');
    const shown = facilitator.getByRole('region', { name: 'The replies, without names (3)' }).getByRole('listitem');
    await expect(shown).toHaveCount(3);
    await expect(shown.filter({ hasText: replies.open })).toContainText('Open question');
    await expect(shown.filter({ hasText: replies.closed })).toContainText('Closed question');
    await expect(shown.filter({ hasText: replies.advice })).toContainText('Persuade');
    await expect(shown.filter({ hasText: /Ana|Ben|Chris/ })).toHaveCount(0);
    // In an order that stays the same for the group (here, after the facilitator's page reloads).
    const order = await shown.allTextContents();
    await facilitator.reload();
    await expect(shown.filter({ hasText: /Persuade/ })).toHaveCount(1);
    expect(await shown.allTextContents()).toEqual(order);
    expect(await axeInBothThemes(facilitator), 'replies shown').toEqual([]);

    // The phones say so, and a reply can no longer change.
    await expect(chris.getByText('The replies are on the shared screen, without names.')).toBeVisible();
    await expect(chris.getByText(`Your reply: “${replies.advice}”`)).toBeVisible();
    await expect(replyBox(chris)).toHaveCount(0);
    expect(await axeInBothThemes(chris), 'phone, replies shown').toEqual([]);

    // Then the options and the votes, as before, with the replies still on the shared screen.
    await facilitator.getByRole('button', { name: 'Show the options' }).click();
    await expect(facilitator.getByRole('heading', { name: "The group's replies, without names" })).toBeVisible();
    for (const player of [ana, ben, chris]) await voteFirst(player);
    await expect(facilitator.getByText('Voted: 3 of 3 (Ana, Ben, Chris).')).toBeVisible();
    expect(await axeInBothThemes(facilitator), 'voting, with the replies').toEqual([]);
    await facilitator.getByRole('button', { name: "Reveal the group's choice" }).click();
    await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();

    // The facilitator turns typed replies off for the rest of the run: the phones have no box.
    await facilitator.getByRole('button', { name: 'Controls and settings' }).click();
    const typedReplies = facilitator.getByLabel('Typed replies during the pause');
    await typedReplies.uncheck();
    await expect(typedReplies).not.toBeChecked();
    await facilitator.getByRole('button', { name: 'Close' }).click();
    for (let step = 2; step < 40; step++) {
      const next = facilitator.getByRole('button', { name: /^(Next step|See the debrief)/ });
      const toDebrief = (await next.textContent()) === 'See the debrief';
      await next.click();
      if (toDebrief) break;
      await expect(facilitator.getByRole('heading', { name: `Step ${step}` })).toBeVisible();
      await expect(ana.getByRole('heading', { name: `Step ${step}` })).toBeVisible();
      await expect(replyBox(ana)).toHaveCount(0);
      await expect(facilitator.getByText('No replies yet')).toHaveCount(0);
      await facilitator.getByRole('button', { name: 'Show the options' }).click();
      for (const player of [ana, ben, chris]) await voteFirst(player);
      await expect(facilitator.getByText('Voted: 3 of 3 (Ana, Ben, Chris).')).toBeVisible();
      await facilitator.getByRole('button', { name: "Reveal the group's choice" }).click();
      await expect(facilitator.getByRole('heading', { name: "The group's choice" })).toBeVisible();
    }

    // The debrief keeps the replies of the step, with their codes, without names.
    const debrief = facilitator.getByRole('region', { name: 'Group debrief' });
    await expect(debrief.getByText('3 replies typed before the options, without names:')).toBeVisible();
    await expect(debrief.getByRole('listitem').filter({ hasText: replies.open }).last()).toContainText('Open question');
    await expect(debrief.getByRole('listitem').filter({ hasText: replies.advice }).last()).toContainText('Persuade');
    expect(await axeInBothThemes(facilitator), 'debrief').toEqual([]);
    const [download] = await Promise.all([facilitator.waitForEvent('download'), facilitator.getByRole('button', { name: 'Download the group transcript' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text).toContain('3 replies typed before the options (without names):');
    expect(text).toContain(`- "${replies.open}" (Open question)`);
    expect(text).toContain(`- "${replies.closed}" (Closed question)`);
    expect(text).toContain(`- "${replies.advice}" (Persuade)`);
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});

test("on one screen, the facilitator types the hot seat's reply with the keyboard alone, shows it with its code, and the group's run keeps it", async ({ page }) => {
  test.setTimeout(90_000);
  await clearStorage(page);
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`/scenarios/${id}/group`);
  await page.getByLabel('Names of the people here (optional)').fill('Ana, Ben');
  await page.getByLabel('Hot seat', { exact: true }).check();
  await expect(page.getByLabel('Typed replies during the pause')).toBeChecked();
  await page.getByRole('button', { name: /Start$/ }).click();
  await expect(page.getByText('In the hot seat: Ana · next: Ben')).toBeVisible();

  const box = page.getByLabel("Ana's reply, typed here");
  await tabUntil(page, box);
  await page.keyboard.type(replies.open);
  await page.keyboard.press('Enter');
  await expect(page.getByText('1 reply in')).toBeVisible();
  await expect(box).toHaveValue('');
  await expect(page.getByText(replies.open)).toHaveCount(0);
  expect(await axeInBothThemes(page), 'one screen, a reply in').toEqual([]);

  await tabUntil(page, page.getByRole('button', { name: 'Show the reply' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The replies, without names (1)' })).toBeFocused();
  await expect(page.getByText('Replies shown')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: replies.open })).toContainText('Open question');
  expect(await sidewaysOverflow(page), 'one screen 320 px wide, replies shown').toBeLessThanOrEqual(0);
  expect(await axeInBothThemes(page), 'one screen, replies shown').toEqual([]);

  for (let step = 1; step < 40; step++) {
    await expect(page.getByRole('heading', { name: `Step ${step}` })).toBeVisible();
    await page.getByRole('button', { name: 'Show the options' }).click();
    await page.getByRole('group', { name: /'s pick$/ }).getByRole('radio', { name: '1', exact: true }).check();
    await page.getByRole('button', { name: "Reveal the group's choice" }).click();
    const next = page.getByRole('button', { name: /^(Next step|See the debrief)/ });
    const toDebrief = (await next.textContent()) === 'See the debrief';
    await next.click();
    if (toDebrief) break;
  }

  const debrief = page.getByRole('region', { name: 'Group debrief' });
  await expect(debrief.getByText('A reply typed before the options, without names:')).toBeVisible();
  await expect(debrief.getByRole('listitem').filter({ hasText: replies.open }).last()).toContainText('Open question');
  expect(await axeInBothThemes(page), 'one screen, debrief').toEqual([]);

  // The finished group run kept in this browser has the reply, with its code, at the first step.
  const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('recovery-coach-practice:progress') ?? '{}'));
  const run = kept.runs.at(-1);
  expect(run.group.replies[0]).toEqual([{ text: replies.open, code: 'Open question' }]);
  expect(run.group.replies.slice(1).every((step: unknown[]) => step.length === 0)).toBe(true);
});

test('the group page fetches the coder only once typed replies are on', async ({ page }) => {
  // The coder is its own chunk (src/engine/coder/ is bundled as `coder.<hash>.js`), loaded by a dynamic import.
  const coderChunk = /\/_astro\/coder\.[\w-]+\.js$/;
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (coderChunk.test(new URL(request.url()).pathname)) fetched.push(request.url());
  });
  const start = async (pause: boolean, typed: boolean) => {
    await clearStorage(page);
    await page.goto(`/scenarios/${id}/group`);
    await page.getByLabel('Names of the people here (optional)').fill('Ana');
    if (pause) {
      await page.getByLabel('Pause to say it your way before the options are shown').check();
      await page.getByLabel('Typed replies during the pause').setChecked(typed);
    }
    await page.getByRole('button', { name: /Start$/ }).click();
    await expect(page.getByRole('heading', { name: 'Step 1' })).toBeVisible();
    await page.waitForLoadState('networkidle');
  };

  await start(false, true);
  await start(true, false);
  expect(fetched).toEqual([]);
  await Promise.all([page.waitForRequest((request) => coderChunk.test(new URL(request.url()).pathname)), start(true, true)]);
  expect(fetched).toHaveLength(1);
});
