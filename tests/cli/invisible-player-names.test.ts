/**
 * Names that show nothing, re-checking the audit's finding 15 with other blank characters than the
 * zero-width space: Hangul fillers (U+3164, U+115F, U+1160, U+FFA0) and the blank Braille pattern
 * (U+2800) are letters or symbols to Unicode but draw nothing, so a player called one of them is
 * invisible, and `Ana` followed by one reads exactly as the `Ana` already in the room. A lone
 * combining mark has nothing to sit on. Emoji with joiners and variation selectors stay.
 */
import { describe, expect, it } from 'vitest';
import { nameProblem } from '../../src/rooms/room.ts';

describe('player names that show nothing', () => {
  it('refuses blank letters and symbols, alone or beside a visible name', () => {
    for (const blank of ['\u3164', '\u115F', '\u1160', '\uFFA0', '\u2800']) {
      const code = `U+${blank.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(nameProblem(blank)).toBe(`Unexpected invisible or reordering character ${code} in the name, expected letters, digits and punctuation that everyone sees`);
      expect(nameProblem(`Ana${blank}`)).toBe(`Unexpected invisible or reordering character ${code} in the name, expected letters, digits and punctuation that everyone sees`);
    }
  });

  it('refuses a name of combining marks alone, and keeps marks on letters, emoji and joiners', () => {
    expect(nameProblem('\u0301\u0301')).toBe('Unexpected name with nothing visible in it, expected letters or digits');
    for (const name of ['Zoe\u0301', 'Zoë', '👩‍💻 Sam', '❤️ Ana', 'श्री', 'ناصر']) expect(nameProblem(name)).toBeUndefined();
  });
});
