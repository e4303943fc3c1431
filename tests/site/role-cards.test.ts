/** The role cards' words: the scenario's own where it has them, a marked suggestion where it does not. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { behaviourCodes } from '../../src/engine/behaviour-codes.ts';
import { roleCardsOf } from '../../src/site/role-cards.ts';
import { goodEnding, lintText, messagesOf, scenario } from '../helpers.ts';

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

// A client who answers a safety question and an open question, and says more as the coach listens.
const conversation = `## start

**Sam:** Since the workshop shut, some days I wonder what the point is.

- **Closed question:** "Thanks for saying that. Are you thinking about suicide?" -> asked
  - feedback: Asked plainly.
  - tags: safety
- **Closed question:** "Have you applied anywhere?" -> applied
  - feedback: It moves on.

## asked

**Sam:** No. Not like that. *(He looks at his hands.)* I'm just *tired* of being useless.

- **Complex reflection:** "Being useful is what you miss most." -> listened
  - feedback: Heard.
- **Open question:** "What did the workshop give you?" -> workshop
  - feedback: Open.

## applied

**Sam:** Twice. Nothing back.

- **Open question:** "What did the workshop give you?" -> workshop
  - feedback: Open.

## listened

**Sam:** Thirty years I fixed other people's bikes there, and the lads still drop round with punctures for me.

- **Open question:** "What did the workshop give you?" -> workshop
  - feedback: Open.

## workshop

**Sam:** A reason to get up. People who knew my name.

- **Affirm:** "You kept people moving for thirty years." -> good
  - feedback: Specific.

${goodEnding}`;

function conversationCards(persona = '') {
  const text = scenario(conversation, 'checks:\n  - path: [start, asked, listened, workshop, good]\n    outcome: positive\n').replace('  name: Sam\n', `  name: Sam\n${persona}`);
  const result = lintText(text);
  expect(result.file.messages.filter((message) => message.fatal !== undefined)).toEqual([]);
  return roleCardsOf(result.scenario!).client;
}

describe("the back of the client's card", () => {
  it('answers the safety questions first, then the open questions, in the client\'s words from the scenario', () => {
    const client = conversationCards();
    expect(client.ifAsked).toEqual([
      { question: 'Are you thinking about suicide?', answer: "No. Not like that. I'm just tired of being useless." },
      { question: 'What did the workshop give you?', answer: 'A reason to get up. People who knew my name.' },
    ]);
  });

  it('gives what the client shares along the model run, in order, and not their answers again', () => {
    expect(conversationCards().asTrustGrows).toEqual(["Thirty years I fixed other people's bikes there, and the lads still drop round with punctures for me."]);
  });

  it("puts the file's own answers first, and its own words for what the client shares instead of the model run's", () => {
    const client = conversationCards(
      '  if_asked:\n    - question: Who do you see in a week?\n      answer: My daughter, Sundays.\n  shares_as_trust_grows:\n    - I miss the smell of oil, if I\'m honest.\n',
    );
    expect(client.ifAsked.map((asked) => asked.question)).toEqual(['Who do you see in a week?', 'Are you thinking about suicide?', 'What did the workshop give you?']);
    expect(client.asTrustGrows).toEqual(["I miss the smell of oil, if I'm honest."]);
  });

  it('reads a misspelt key under if_asked as an error naming the key meant', () => {
    const text = scenario(conversation).replace('  name: Sam\n', '  name: Sam\n  if_asked:\n    - quesiton: Who?\n      answer: Me.\n');
    expect(messagesOf(lintText(text))).toContain('7:7 error Unexpected key `quesiton` in `persona.if_asked[0]`, expected one of `question`, `answer`; did you mean `question`?');
  });

  it("gives the actor playing Dana her answers to the safety questions", () => {
    const dana = lintText(readFileSync('scenarios/when-dana-mentions-not-wanting-to-be-here.md', 'utf8'), 'dana.md', false).scenario!;
    const { ifAsked } = roleCardsOf(dana).client;
    expect(ifAsked.map((asked) => asked.question)).toEqual([
      'When you say everyone would be better off if you weren\'t here, are you thinking about suicide?',
      'Have you thought about how you would end your life?',
      'What you thought of using, is it somewhere you could get to easily?',
      'Are you safe right now, today?',
    ]);
    expect(ifAsked[2]!.answer).toBe("It's in the house. I know where it is. I haven't gone near it.");
    expect(ifAsked[3]!.answer).toMatch(/^Today, yeah\. Mo's home at six\./);
  });
});
