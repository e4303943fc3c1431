/** A short piece of text around a match, split so the match can be highlighted. */
export function snippetAround(text: string, position?: readonly [number, number], radius = 80): { before: string; match: string; after: string } {
  if (!position) return { before: text.slice(0, radius * 2) + (text.length > radius * 2 ? '…' : ''), match: '', after: '' };
  const [start, length] = position;
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, start + length + radius);
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, start)}`.replace(/\s+/g, ' '),
    match: text.slice(start, start + length),
    after: `${text.slice(start + length, to)}${to < text.length ? '…' : ''}`.replace(/\s+/g, ' '),
  };
}
