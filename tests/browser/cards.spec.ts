/**
 * Every scenario has a group page and role cards naming its persona: a client card with a back of
 * answers an untrained actor can play from, and coach and observer cards, one a page on A4 and Letter.
 */
import { expect, test } from '@playwright/test';
import { behaviourCodes } from '../../src/engine/behaviour-codes.ts';
import { builtScenarioIds, personaOf } from './site-scenarios.ts';

const pagesIn = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

for (const id of builtScenarioIds()) {
  test(`${id} has a group page and role cards for client, coach and observer`, async ({ page }) => {
    const persona = await personaOf(page, id);
    await page.goto(`/scenarios/${id}/group`);
    await expect(page.getByRole('heading', { level: 1, name: /^Play as a group: / })).toBeVisible();

    await page.goto(`/scenarios/${id}`);
    await page.getByRole('link', { name: 'Role cards for live role-play' }).click();
    const client = page.getByRole('article', { name: new RegExp(`^You are ${persona}`) });
    await expect(client).toContainText('Client card');
    const term = (card: typeof client, label: string) => card.getByRole('term').filter({ hasText: new RegExp(`^${label}`) });
    for (const label of ['Your situation', 'Your strengths', 'What you want', 'When you feel listened to', 'When you feel pushed']) await expect(term(client, label)).toBeVisible();
    const back = page.getByRole('article', { name: `Your answers, ${persona}` });
    await expect(back.getByRole('heading', { name: 'If the coach asks…' })).toBeVisible();
    await expect(back.getByRole('term').first()).toContainText('?');
    await expect(back.getByRole('definition').first()).not.toBeEmpty();
    await expect(back.getByRole('heading', { name: 'As trust grows, you might share' })).toBeVisible();
    const coach = page.getByRole('article', { name: 'You are the coach' });
    await expect(term(coach, 'Your goal')).toBeVisible();
    await expect(term(coach, 'Skills to practise')).toBeVisible();
    const observer = page.getByRole('article', { name: 'You are the observer' });
    const grid = observer.getByRole('table', { name: 'Tally grid' });
    await expect(grid.getByRole('row')).toHaveCount(behaviourCodes.length + 1);
    await expect(grid.getByRole('rowheader', { name: /^Confront/ })).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) expect(pagesIn(await page.pdf({ format })), format).toBe(4);
  });
}

test("Dana's client card answers the safety questions an actor is asked", async ({ page }) => {
  await page.goto('/scenarios/when-dana-mentions-not-wanting-to-be-here/cards');
  const back = page.getByRole('article', { name: 'Your answers, Dana' });
  for (const asked of [/are you thinking about suicide\?/, /Have you thought about how you would end your life\?/, /is it somewhere you could get to easily\?/, /Are you safe right now, today\?/]) await expect(back.getByRole('term').filter({ hasText: asked })).toBeVisible();
  await expect(back).toContainText("It's in the house. I know where it is. I haven't gone near it.");
});
