/**
 * The facilitator's screen of a room, on a projector: at 1920x1080 and at 1280x720 the person's
 * line, the options, who has voted, the reveal and the button to move on fit without scrolling,
 * in large type; the join code stays in a corner until hidden; counts stay hidden until the reveal
 * unless live counts are on; the reveal shows every option's code and feedback; the mode changes
 * between steps and the hot seat says who picks. Axe-clean in both themes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { freePort, phone, startGroup, stop } from './room-server.ts';
import { axeInBothThemes } from './helpers.ts';
import { builtScenarioIds } from './site-scenarios.ts';

const [id] = builtScenarioIds();
const phoneSize = { width: 375, height: 667 };


/** The page does not scroll: all of it is in the window. */
async function expectNoScroll(page: Page, what: string): Promise<void> {
  const { scroll, height } = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollHeight, height: innerHeight }));
  expect(scroll, `${what}: page height`).toBeLessThanOrEqual(height);
}

/** The element is wholly inside the window. */
async function expectInView(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(height);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(width);
}

const voteFor = async (page: Page, number: number) => {
  const button = page.getByRole('list', { name: 'Vote for what the coach says' }).getByRole('button').nth(number - 1);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
};

const openPanel = async (page: Page) => {
  await page.getByRole('button', { name: 'Controls and settings' }).click();
  await expect(page.getByRole('heading', { name: 'Controls and settings' })).toBeFocused();
};
const closePanel = async (page: Page) => {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Controls and settings' })).toBeFocused();
};

test('the room screen fits a 1920x1080 projector and a 1280x720 one: counts hidden until the reveal, every option explained, the mode changed between steps', async ({ browser }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const server = await startGroup(id!, port, mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const { facilitator: facilitatorUrl, join: joinUrl } = server.room;
    const screen = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await screen.goto(facilitatorUrl);
    const qr = screen.getByRole('img', { name: `QR code for ${joinUrl}` });
    await expect(qr).toBeVisible();
    // No site menu on the projector.
    await expect(screen.getByRole('navigation', { name: 'Main' })).toBeHidden();
    const [ana, ben, chris] = [await phone(browser, joinUrl, 'Ana', phoneSize), await phone(browser, joinUrl, 'Ben', phoneSize), await phone(browser, joinUrl, 'Chris', phoneSize)];
    await expect(screen.getByText('In the room: Ana, Ben, Chris.')).toBeVisible();
    await expectNoScroll(screen, 'lobby at 1920x1080');
    await expectInView(screen, qr, 'QR code in the lobby');
    await expectInView(screen, screen.getByRole('button', { name: /Start$/ }), 'Start button');
    expect(await axeInBothThemes(screen), 'lobby').toEqual([]);
    await screen.screenshot({ path: 'test-results/projector-1920-lobby.png' });

    await screen.getByRole('button', { name: /Start$/ }).click();
    await expect(screen.getByRole('heading', { name: 'Step 1' })).toBeVisible();
    const options = screen.getByRole('list', { name: 'What does the coach say?' });
    await expect(options.getByRole('listitem')).not.toHaveCount(0);
    // Large type: the options at 28 px or more on 1920x1080.
    const optionSize = await options.getByRole('listitem').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(optionSize).toBeGreaterThanOrEqual(28);

    // While voting, the screen says who has voted, never what, nor any count.
    await voteFor(ana, 2);
    await voteFor(ben, 2);
    await expect(screen.getByText('Voted: 2 of 3 (Ana, Ben).')).toBeVisible();
    await expect(screen.getByText(/\d+ votes?\b/)).toHaveCount(0);
    const corner = screen.getByRole('complementary', { name: 'Join on your phone' });
    await expectInView(screen, corner.getByRole('img'), 'QR code in the corner');
    await expectInView(screen, screen.getByRole('button', { name: "Reveal the group's choice" }), 'Reveal button');
    await expectNoScroll(screen, 'voting at 1920x1080');
    expect(await axeInBothThemes(screen), 'voting').toEqual([]);
    await screen.screenshot({ path: 'test-results/projector-1920-voting.png' });

    // The facilitator turns live counts on: the counts show at once.
    await openPanel(screen);
    await screen.getByLabel('Show the vote counts while voting is open').check();
    expect(await axeInBothThemes(screen), 'controls and settings open').toEqual([]);
    await closePanel(screen);
    await expect(screen.getByText('· 2 votes')).toBeVisible();
    await openPanel(screen);
    await screen.getByLabel('Show the vote counts while voting is open').uncheck();
    await closePanel(screen);
    await expect(screen.getByText(/\d+ votes?\b/)).toHaveCount(0);

    // The join code goes to the facilitator's word, and comes back.
    await corner.getByRole('button', { name: 'Hide the join code' }).click();
    await expect(qr).toBeHidden();
    await screen.getByRole('button', { name: 'Show the join code' }).click();
    await expect(corner.getByRole('img')).toBeVisible();

    await voteFor(chris, 1);
    await expect(screen.getByText('Voted: 3 of 3 (Ana, Ben, Chris).')).toBeVisible();
    await screen.getByRole('button', { name: "Reveal the group's choice" }).click();
    const reveal = screen.getByRole('region', { name: "The group's choice" });
    await expect(reveal).toBeVisible();
    // Every option with its code and its feedback; the group's choice marked.
    const revealed = reveal.getByRole('listitem');
    const count = await revealed.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const feedback = await revealed.nth(i).locator('.reveal-feedback').innerText();
      expect(feedback.trim().length, `feedback of option ${i + 1}`).toBeGreaterThan(10);
    }
    await expect(revealed.filter({ hasText: "the group's choice" })).toHaveCount(1);
    await expect(revealed.nth(1)).toContainText("2 votes · the group's choice");
    await expectNoScroll(screen, 'the reveal at 1920x1080');
    await expectInView(screen, screen.getByRole('button', { name: /^(Next step|See the debrief)/ }), 'Next button at 1920x1080');
    expect(await axeInBothThemes(screen), 'reveal').toEqual([]);
    await screen.screenshot({ path: 'test-results/projector-1920-reveal.png' });

    // The same on a 1280x720 projector.
    await screen.setViewportSize({ width: 1280, height: 720 });
    await expectNoScroll(screen, 'the reveal at 1280x720');
    await expectInView(screen, screen.getByRole('button', { name: /^(Next step|See the debrief)/ }), 'Next button at 1280x720');
    await expectInView(screen, corner.getByRole('img'), 'QR code at 1280x720');
    await screen.screenshot({ path: 'test-results/projector-1280-reveal.png' });

    // Between steps, the facilitator changes the mode to the hot seat: it applies from the next step.
    await openPanel(screen);
    await screen.getByLabel('Hot seat', { exact: true }).check();
    await closePanel(screen);
    await expect(screen.getByText(/· Hot seat/)).toBeVisible();
    await screen.getByRole('button', { name: /^Next step: \w+ takes the hot seat$/ }).click();
    await expect(screen.getByRole('heading', { name: 'Step 2' })).toBeVisible();
    const seat = screen.getByText(/^(\w+) is in the hot seat: \1 picks\.$/);
    await expect(seat).toBeVisible();
    const seated = (await seat.textContent())!.split(' ')[0]!;
    const seatedPhone = { Ana: ana, Ben: ben, Chris: chris }[seated]!;
    await expect(seatedPhone.getByText('You are in the hot seat: you pick.')).toBeVisible();
    await expect(screen.getByRole('heading', { name: 'Say it your way' })).toBeVisible();
    await expectNoScroll(screen, 'saying it at 1280x720');
    await screen.getByRole('button', { name: 'Show the options' }).click();
    await expect(screen.getByText(`Waiting for ${seated}'s pick. Voted: 0 of 3.`)).toBeVisible();
    await expectNoScroll(screen, 'voting at 1280x720');
    await expectInView(screen, screen.getByRole('button', { name: "Reveal the group's choice" }), 'Reveal button at 1280x720');
    await screen.screenshot({ path: 'test-results/projector-1280-voting.png' });
    await voteFor(seatedPhone, 2);
    await expect(screen.getByText(`${seated} has picked. Voted: 1 of 3.`)).toBeVisible();
    await screen.getByRole('button', { name: "Reveal the group's choice" }).click();
    await expect(screen.getByText(`Picked in the hot seat by ${seated}.`)).toBeVisible();
    await expectNoScroll(screen, 'hot-seat reveal at 1280x720');
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});

test('a tie waits for the facilitator, in plain words, and the keyboard alone runs the screen', async ({ browser }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const server = await startGroup(id!, port, mkdtempSync(join(tmpdir(), 'rooms-')));
  try {
    const { facilitator: facilitatorUrl, join: joinUrl } = server.room;
    const screen = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await screen.goto(facilitatorUrl);
    const [ana, ben] = [await phone(browser, joinUrl, 'Ana', phoneSize), await phone(browser, joinUrl, 'Ben', phoneSize)];
    await expect(screen.getByText('In the room: Ana, Ben.')).toBeVisible();
    await screen.getByRole('button', { name: /Start$/ }).focus();
    await screen.keyboard.press('Enter');
    await expect(screen.getByRole('heading', { name: 'Step 1' })).toBeFocused();
    await voteFor(ana, 1);
    await voteFor(ben, 2);
    await expect(screen.getByText('Voted: 2 of 2 (Ana, Ben).')).toBeVisible();
    await screen.getByRole('button', { name: "Reveal the group's choice" }).focus();
    await screen.keyboard.press('Enter');
    const tie = screen.getByRole('group', { name: 'Break the tie' });
    await expect(tie).toBeFocused();
    await expect(tie).toContainText("It's a tie between 1 and 2: the facilitator picks.");
    await expect(screen.locator('body')).not.toContainText(/[`{}]/, { useInnerText: true });
    await screen.keyboard.press('Tab');
    await screen.keyboard.press('Tab');
    await screen.keyboard.press('Enter');
    await expect(screen.getByRole('heading', { name: "The group's choice" })).toBeFocused();
    await expect(screen.getByText('Chosen by the facilitator.')).toBeVisible();
  } finally {
    if (server.child.exitCode === null) await stop(server);
  }
});
