/**
 * The teaching check: a scenario that is well formed can still teach the opposite of MI. Each case
 * is a small scenario a trainer might write, with the exact warning they read.
 */
import { describe, expect, it } from 'vitest';
import { lintText, problemsOf, scenario } from '../helpers.ts';

const endings = `## good

**Outcome:** positive

Sam agrees to meet again.

## so-so

**Outcome:** mixed

Sam might come back.

## bad

**Outcome:** negative

Sam leaves.
`;

describe('the teaching check', () => {
  it('warns at a good move after which no positive ending can be reached, naming what is left', () => {
    const text = scenario(`## opening

**Sam:** I don't know why I'm here.

- **Complex reflection:** "Coming here wasn't your idea." -> closing
  - feedback: f
- **Persuade:** "You'll like it." -> good
  - feedback: f

## closing

**Sam:** No.

- **Emphasizing autonomy:** "It's your call." -> so-so
  - feedback: f
- **Confront:** "You need this." -> bad
  - feedback: f

${endings}`);
    expect(problemsOf(lintText(text))).toEqual([
      '14:1 warning Unexpected dead end after a good move: after this Complex reflection in node `opening` no positive ending can be reached, only `so-so` (mixed) and `bad` (negative). A move coded as MI-consistent should keep a positive ending possible: give it a way on to one, or recode it if it is not MI-consistent; to keep it on purpose, add `- ignore: teaching-dead-end because …` under the choice',
      '23:1 warning Unexpected dead end after a good move: after this Emphasizing autonomy in node `closing` no positive ending can be reached, only `so-so` (mixed). A move coded as MI-consistent should keep a positive ending possible: give it a way on to one, or recode it if it is not MI-consistent; to keep it on purpose, add `- ignore: teaching-dead-end because …` under the choice',
    ]);
  });

  it('accepts a good move that can reach a positive ending in some state that reaches it', () => {
    const text = scenario(`## opening

- **Confront:** "You need this." -> repair
  - feedback: f
  - set: rapport -1
- **Open question:** "What brings you here?" -> repair
  - feedback: f
  - set: rapport +1

## repair

- **Simple reflection:** "You're not sure." -> check
  - feedback: f
- **Persuade:** "Just try it." -> bad
  - feedback: f

## check

- -> good if rapport >= 1
- -> so-so

${endings}`);
    expect(problemsOf(lintText(text))).toEqual([]);
  });

  it('lets neutral and MI-inconsistent moves lead to any ending', () => {
    const text = scenario(`## opening

- **Closed question:** "Did you come by bus?" -> so-so
  - feedback: f
- **Giving information:** "Sessions are an hour." -> bad
  - feedback: f
- **Open question:** "What brings you here?" -> good
  - feedback: f

${endings}`);
    expect(problemsOf(lintText(text))).toEqual([]);
  });

  it('can be silenced on one choice with a reason, which then shows as information', () => {
    const text = scenario(`## opening

- **Emphasizing autonomy:** "It's your call." -> so-so
  - feedback: f
  - ignore: teaching-dead-end because Sam has already decided to leave, and respecting that is the lesson
- **Open question:** "What brings you here?" -> good
  - feedback: f
- **Confront:** "You need this." -> bad
  - feedback: f

${endings}`);
    const result = lintText(text);
    expect(problemsOf(result)).toEqual([]);
    expect(result.file.messages.map((m) => m.reason)).toContainEqual(expect.stringMatching(/^Silenced on purpose \(Sam has already decided to leave, and respecting that is the lesson\): Unexpected dead end after a good move/));
  });

  it('wants a reason and a known rule in an ignore, and reports one that silences nothing', () => {
    const text = scenario(`## opening

- **Open question:** "What brings you here?" -> good
  - feedback: f
  - ignore: teaching-dead-end because it is fine
  - ignore: teaching-dead-end
  - ignore: everything because I said so
- **Confront:** "You need this." -> bad
  - feedback: f

${endings.replace(/## so-so[\s\S]*?## bad/, '## bad')}`);
    expect(problemsOf(lintText(text))).toEqual([
      '15:3 error Unexpected `ignore: teaching-dead-end`, expected the warning\'s rule and a reason: `- ignore: teaching-dead-end because <why this is on purpose>`',
    ]);
    const fixed = text.replace('  - ignore: teaching-dead-end\n', '');
    expect(problemsOf(lintText(fixed))).toEqual([
      '14:3 warning Unexpected `ignore: teaching-dead-end` that silences nothing on this choice, expected it only where that warning is reported; remove it',
      '15:3 warning Unexpected `ignore: everything`, expected one of the warnings that can be silenced on a choice: `teaching-dead-end`, `statement-as-question`, `code-check`, `transition-never-taken`',
    ]);
  });
});

describe('the wording check', () => {
  it('warns at a reflection or affirmation that is really a question, and accepts a question without `?`', () => {
    const text = scenario(`## opening

- **Complex reflection:** "It sounds hard, is that right?" -> good
  - feedback: f
- **Affirm:** "You came anyway?" -> good
  - feedback: f
- **Open question:** "Tell me more about that." -> good
  - feedback: f
- **Summary:** "So the bus, the rain and the queue: it was a lot." -> good
  - feedback: f

## good

**Outcome:** positive

Fine.
`);
    expect(problemsOf(lintText(text))).toEqual([
      '12:1 warning Unexpected question coded as Complex reflection, expected a statement: MITI codes any question as a question, even one that offers a reflection, so code it `Open question` or `Closed question`, or end it without `?`',
      '14:1 warning Unexpected question coded as Affirm, expected a statement: MITI codes any question as a question, even one that offers a reflection, so code it `Open question` or `Closed question`, or end it without `?`',
    ]);
  });
});
