/** The role cards' words: the scenario's own where it has them, a marked suggestion where it does not. */
import { describe, expect, it } from 'vitest';
import { behaviourCodes } from '../../src/engine/behaviour-codes.ts';
import { roleCardsOf } from '../../src/site/role-cards.ts';
import { goodEnding, lintText, scenario } from '../helpers.ts';

const body = `## start\n\n*Sam looks up.*\n\n**Sam:** I want my job back.\n\n- **Complex reflection:** "Work matters to you." -> good\n  - feedback: Heard.\n\n${goodEnding}`;

function cardsOf(front: string, persona = '') {
  const text = scenario(body, front).replace('  name: Sam\n', `  name: Sam\n${persona}`);
  const result = lintText(text);
  expect(result.file.messages.filter((message) => message.fatal)).toEqual([]);
  return roleCardsOf(result.scenario!);
}

describe('the role cards', () => {
  it('uses what the scenario says about the client and the coach', () => {
    const cards = cardsOf('coach_goal: Find out what work means to Sam.\nskills: [reflections]\ncontent_notes: [job loss]\n', '  pronouns: he/him\n  age: 50\n  wants: To be useful again.\n  when_listened_to: Talks about the workshop.\n  when_pushed: Says it is pointless.\n');
    expect(cards.client).toMatchObject({ name: 'Sam', about: 'he/him, 50', firstLine: 'I want my job back.' });
    expect(cards.client.rows.map((row) => [row.label, row.text, row.suggested])).toEqual([
      ['Your situation', 'Not written for this scenario. Build it from the summary: S.', true],
      ['Your strengths', 'Pick one or two that feel true for Sam, and let them show.', true],
      ['What you want', 'To be useful again.', false],
      ['When you feel listened to', 'Talks about the workshop.', false],
      ['When you feel pushed', 'Says it is pointless.', false],
    ]);
    expect(cards.coach.rows.map((row) => [row.label, row.text, row.suggested])).toEqual([
      ['Your goal', 'Find out what work means to Sam.', false],
      ['Skills to practise', 'Reflections', false],
    ]);
    expect(cards.contentNotes).toEqual(['job loss']);
  });

  it('suggests, and marks as suggested, what a scenario leaves out', () => {
    const cards = cardsOf('');
    expect(cards.client.rows.filter((row) => row.suggested).map((row) => row.label)).toEqual(['Your situation', 'Your strengths', 'What you want', 'When you feel listened to', 'When you feel pushed']);
    expect(cards.coach.rows.every((row) => row.suggested)).toBe(true);
  });

  it('gives the observer every behaviour code to tally, and the thresholds', () => {
    const { observer } = cardsOf('');
    expect(observer.codes).toEqual(behaviourCodes);
    expect(observer.thresholds).toEqual(['Reflection-to-question ratio: fair 1:1, good 2:1', 'Percent complex reflections: fair 40%, good 50%']);
  });
});
