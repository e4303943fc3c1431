import { describe, expect, it } from 'vitest';
import { plainText } from '../../cli/plain-markdown.ts';

describe('scenario Markdown in the terminal', () => {
  it('keeps the words of emphasis and links, and leaves out HTML inside a line as the site does', () => {
    expect(plainText('Hello <!-- a note for trainers --> there, *gently*, see [the guide](https://example.org) and <b>this</b>.')).toBe('Hello  there, gently, see the guide and this.');
  });
});
