/**
 * Trimming characters from the ends of scenario text in one pass. A pattern such as `/\s+$/` is
 * tried from every position of the text, so a long run of spaces that does not end the text
 * costs the square of its length; these walk in from each end once, whatever the text.
 */

/** The text without the characters that `drop` accepts at its end. */
export function trimEndWhere(text: string, drop: (character: string) => boolean): string {
  let end = text.length;
  while (end > 0 && drop(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The text without the characters that `drop` accepts at its start. */
export function trimStartWhere(text: string, drop: (character: string) => boolean): string {
  let start = 0;
  while (start < text.length && drop(text[start]!)) start++;
  return text.slice(start);
}

/** Whether a character is white space, as `\s` has it. */
export const isWhitespace = (character: string): boolean => /\s/.test(character);

/** Whether a character is an underscore. */
export const isUnderscore = (character: string): boolean => character === '_';

/** Whether a character is a space or a tab. */
export const isSpaceOrTab = (character: string): boolean => character === ' ' || character === '\t';
