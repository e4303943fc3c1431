/**
 * Text for terminals and logs, shared by the terminal runner and the site build's messages:
 * scenario text made harmless (its control characters shown, never obeyed) and text wrapped to a
 * width with a hanging indent.
 */

/** Characters a terminal would obey rather than show: C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides. */
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a scenario file, safe to print: an escape sequence, a bell, a title or clipboard
 * write (OSC) or a carriage return is shown as its Unicode control picture (␛, ␇, ␍) or, for
 * characters that have none, as a visible `\x9b` or `\u202e`, and never reaches the terminal as
 * a control code.
 */
export function visibleControls(text: string): string {
  return text.replace(controls, (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return code <= 0xff ? `\\x${code.toString(16)}` : `\\u${code.toString(16)}`;
  });
}

/** JSON text that stays valid and prints harmlessly: JSON escapes C0 controls itself; the rest are escaped too. `indent` 0 gives one line, for JSON lines. */
export function safeJson(value: unknown, indent: 2 | 0 = 2): string {
  return JSON.stringify(value, null, indent || undefined).replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** How many columns a string takes: one per character (scenario text is mostly Latin script). */
const columns = (text: string) => [...text].length;

/**
 * `text` in lines of at most `width` columns, broken at spaces but never inside a `code span` (a
 * word longer than a line gets a line of its own); lines after the first are indented by
 * `indent` spaces. Line breaks and runs of spaces in `text` are kept. `Infinity` wraps nothing.
 */
export function wrapText(text: string, width: number, indent = 0): string[] {
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  for (const paragraph of text.split('\n')) {
    const lead = /^ */.exec(paragraph)![0];
    let line = (lines.length === 0 ? '' : pad) + lead;
    let gap = '';
    let empty = true;
    for (const [, word = '', spaces = ''] of paragraph.slice(lead.length).matchAll(/((?:`[^`]*`|[^ `])+|`)( *)/g)) {
      if (!empty && columns(line) + columns(gap) + columns(word) > width) {
        lines.push(line);
        line = pad + word;
      } else {
        line += (empty ? '' : gap) + word;
      }
      empty = false;
      gap = spaces;
    }
    lines.push(line);
  }
  return lines;
}
