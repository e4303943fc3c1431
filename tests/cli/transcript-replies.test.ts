/**
 * The group transcript (group-transcript.md) against the audit's finding 15, for the typed replies:
 * names were made plain text there, but a reply (typed by any phone in the room, up to 1,000
 * characters) went into the Markdown as it was typed, so a viewer that renders HTML in Markdown
 * ran `<img onerror>`, loaded a remote image for `![](https://…)`, and `cat` obeyed ESC.
 */
import { describe, expect, it } from 'vitest';
import { groupTranscriptMarkdown } from '../../src/rooms/group-debrief.ts';
import { createRoom, type RoomEvent } from '../../src/rooms/room.ts';
import { lintText, readFixture } from '../helpers.ts';
import { play } from '../rooms/play.ts';

const scenario = lintText(readFixture('every-feature.md'), 'every-feature.md').scenario!;
const vote = (player: string, choice: number): RoomEvent => ({ type: 'vote.cast', player, choice });
const reply = (player: string, text: string): RoomEvent => ({ type: 'reply.send', player, text });

describe('typed replies in the group transcript', () => {
  it('are plain text: no HTML, no image or link, no terminal controls', () => {
    const room = play(
      createRoom(scenario),
      { type: 'player.join', name: 'Ana' },
      { type: 'room.start', mode: 'vote', sayItYourWay: true },
      reply('phone-a', '<img src=x onerror=alert(1)> hi'),
      reply('phone-b', '![seen](https://tracker.example/p.png) and [win](https://evil.example/)'),
      reply('phone-c', 'red \u001b[31mtext\u001b]0;pwned\u0007 here'),
      { type: 'replies.show' },
      { type: 'room.advance' },
      vote('Ana', 1),
      { type: 'room.advance' },
    );
    const text = groupTranscriptMarkdown(room);
    expect(text).toContain('3 replies typed before the options (without names):');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; hi');
    expect(text).not.toMatch(/!\[seen\]\(/);
    expect(text).not.toMatch(/(^|[^\\])\[win\]\(/);
    expect(text).toContain('!\\[seen\\](https://tracker.example/p.png) and \\[win\\](https://evil.example/)');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});
