/**
 * The glossary's filter box: as the reader types, only the terms whose name or definition holds
 * the words stay shown, with their letters in the A–Z list, and a polite status says how many
 * match. Without scripts the box is hidden and every term shows.
 */

/** The status's words: how many of the terms match what was typed. */
export function matchCount(shown: number, total: number, query: string): string {
  if (query === '') return `${total} terms.`;
  if (shown === 0) return `No terms match “${query}”. Try fewer letters, or clear the box to see them all.`;
  return `${shown} of ${total} terms ${shown === 1 ? 'matches' : 'match'} “${query}”.`;
}

/** Whether an entry's text holds every word of the query, in any case. */
export function matches(text: string, query: string): boolean {
  const haystack = text.toLocaleLowerCase('en-GB');
  return query
    .toLocaleLowerCase('en-GB')
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

/** Wires the filter box on the glossary page. */
export function filterGlossary(page: ParentNode): void {
  const box = page.querySelector<HTMLInputElement>('[data-glossary-filter]');
  const count = page.querySelector<HTMLElement>('[data-glossary-count]');
  if (!box || !count) return;
  const entries = [...page.querySelectorAll<HTMLElement>('[data-glossary-entry]')];
  // The name and definition only: "Used in" titles would match far more than the reader means.
  const texts = new Map(entries.map((entry) => [entry, `${entry.querySelector('dt')?.textContent ?? ''} ${entry.querySelector('dd > p')?.textContent ?? ''}`]));
  const apply = () => {
    const query = box.value.trim();
    for (const entry of entries) entry.hidden = query !== '' && !matches(texts.get(entry)!, query);
    for (const section of page.querySelectorAll<HTMLElement>('[data-letter]')) {
      const empty = !section.querySelector('[data-glossary-entry]:not([hidden])');
      section.hidden = empty;
      const link = page.querySelector(`[data-letter-link="${section.dataset.letter}"]`)?.parentElement;
      if (link) link.hidden = empty;
    }
    count.textContent = matchCount(entries.filter((entry) => !entry.hidden).length, entries.length, query);
  };
  box.addEventListener('input', apply);
  // A query kept by the browser on going back shows its matches at once.
  apply();
}
