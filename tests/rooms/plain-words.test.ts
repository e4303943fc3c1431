/** What the room server says for scripts, as phones and facilitators read it: plain words, no commands or JSON. */
import { describe, expect, it } from 'vitest';
import { inPlainWords, noRoomSentence } from '../../src/site/room-connection.ts';

describe('the room server\'s reasons in plain words', () => {
  it('keeps no backticks, braces or commands, and ends each as a sentence', () => {
    const reasons = [
      'It is a tie between choices 1 and 2: the facilitator chooses, with {"choice": n}',
      'Nobody has voted yet: wait for votes, or the facilitator chooses with {"choice": n}',
      "Waiting for the hot seat's pick: the facilitator enters it as {\"choice\": n}",
      "Only Ana's own phone can vote as Ana: a vote carries the token the room gave on joining",
      'Unexpected name `__proto__`, expected another name: this one is reserved',
      'Someone called Sam is in the room already: pick another name, such as Sam 2',
    ];
    for (const reason of reasons) {
      const said = inPlainWords(reason);
      expect(said, reason).not.toMatch(/[`{}]|coach |npx/);
      expect(said, reason).toMatch(/[.?!]$/);
    }
    expect(inPlainWords(reasons[0]!)).toBe("It's a tie: the facilitator picks.");
  });

  it('names the code a server does not hold, whichever way the server put it', () => {
    expect(inPlainWords('There is no room ZZZZZZ on this server: check the code on the shared screen')).toBe(noRoomSentence('ZZZZZZ'));
    expect(inPlainWords('There is no room `ZZZZZZ` on this server')).toBe('There is no room ZZZZZZ here. Check the code on the shared screen.');
  });
});
