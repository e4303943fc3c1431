/** A short piece of text around a match, cut at word boundaries and split so the match can be highlighted. */
export function snippetAround(text: string, position?: readonly [number, number], radius = 80): { before: string; match: string; after: string } {
  const flat = (part: string) => part.replace(/\s+/g, ' ');
  if (!position) {
    const end = wordEndBefore(text, radius * 2, 0);
    return { before: flat(text.slice(0, end)) + (end < text.length ? '…' : ''), match: '', after: '' };
  }
  const [start, length] = position;
  const from = wordStartAfter(text, start - radius, start);
  const to = wordEndBefore(text, start + length + radius, start + length);
  return {
    before: `${from > 0 ? '…' : ''}${flat(text.slice(from, start))}`,
    match: text.slice(start, start + length),
    after: `${flat(text.slice(start + length, to))}${to < text.length ? '…' : ''}`,
  };
}

/** Where the first whole word at or after `at` starts, but no later than `limit`. */
function wordStartAfter(text: string, at: number, limit: number): number {
  if (at <= 0) return 0;
  if (/\s/.test(text[at - 1]!)) return at;
  const space = text.slice(at, limit).search(/\s/);
  return space === -1 ? limit : at + space + 1;
}

/** Where the last whole word ending at or before `at` ends, but no earlier than `limit`. */
function wordEndBefore(text: string, at: number, limit: number): number {
  if (at >= text.length) return text.length;
  if (/\s/.test(text[at]!)) return at;
  const space = text.slice(limit, at).search(/\s\S*$/);
  return space === -1 ? at : limit + space;
}
