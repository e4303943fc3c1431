/**
 * Node ids that read the same, re-checking the audit's finding 15 with ids each in one alphabet:
 * `оpening` (mixed) was warned of, but Latin `pop` beside Cyrillic `рор`, or Latin `cove` beside
 * `сονе` (Cyrillic and Greek), passed lint with no warning, and messages and `coach graph` showed
 * two nodes with the same name.
 */
import { describe, expect, it } from 'vitest';
import { lintText, messagesOf, scenario } from '../helpers.ts';

const twoEndings = (a: string, b: string) =>
  scenario(
    `## opening\n\n**Sam:** Hi.\n\n- **Open question:** "What brings you here?" -> ${a}\n  - feedback: Open.\n- **Closed question:** "Is it work?" -> ${b}\n  - feedback: Closed.\n\n## ${a}\n\n**Outcome:** positive\n\nDone.\n\n## ${b}\n\n**Outcome:** positive\n\nDone too.\n`,
  );

describe('node ids that look alike, each in one alphabet', () => {
  it('warns of an id that reads the same as another in Latin letters', () => {
    const messages = messagesOf(lintText(twoEndings('pop', '\u0440\u043e\u0440'), 'look-alike.md', false));
    expect(messages.filter((message) => message.includes('reads the same as'))).toEqual([
      expect.stringMatching(/^\d+:1 warning Unexpected node id `рор` that reads the same as `pop` \(line \d+\), expected ids that look different: letters of another alphabet look like Latin ones; rename one of them$/),
    ]);
  });

  it('keeps quiet about ids that only share letters with nothing alike', () => {
    const messages = messagesOf(lintText(twoEndings('pop', '\u043f\u043e\u043f'), 'look-alike.md', false));
    expect(messages.filter((message) => message.includes('reads the same as'))).toEqual([]);
  });
});
