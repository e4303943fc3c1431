import { distance } from 'fastest-levenshtein';

/**
 * What trainers write for a term, by meaning, each with the terms it may mean: "Reflective
 * listening" means a simple or a complex reflection. Keys are written as {@link meaningKey} gives.
 */
export type Meanings = ReadonlyMap<string, readonly string[]>;

/** A written term as a meanings table keys it: lower case, one space between words, no `-` or `_`. */
export function meaningKey(written: string): string {
  return written.toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

/**
 * The candidate closest to what was written, if it is close enough to be a likely typo
 * (at most a third of the longer word's letters differ), for "did you mean …?" hints.
 */
export function closest(written: string, candidates: Iterable<string>): string | undefined {
  const target = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(target, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const longer = Math.max(target.length, best.length);
  const allowed = Math.max(2, Math.ceil(longer / 3));
  // A one-letter id "close" to every other one-letter id is no help.
  return bestDistance <= allowed && bestDistance < longer ? best : undefined;
}

/**
 * The candidates a trainer probably meant: by meaning first (from `meanings`), then by spelling,
 * then those that contain what was written as a word ("reflection" → both reflections).
 */
export function suggestions(written: string, candidates: Iterable<string>, meanings: Meanings = new Map()): string[] {
  const list = [...candidates];
  const key = meaningKey(written);
  const meant = (meanings.get(key) ?? meanings.get(key.replace(/s$/, '')) ?? []).filter((term) => list.includes(term));
  if (meant.length > 0) return meant;
  const spelled = closest(written, list);
  if (spelled !== undefined) return [spelled];
  return key.length >= 3 ? list.filter((candidate) => meaningKey(candidate).split(' ').includes(key)) : [];
}

/** "; did you mean `x`?" (or "`x` or `y`") when there is a likely candidate; otherwise "". */
export function didYouMean(written: string, candidates: Iterable<string>, meanings?: Meanings): string {
  const found = suggestions(written, candidates, meanings);
  return found.length > 0 ? `; did you mean ${found.map((c) => `\`${c}\``).join(' or ')}?` : '';
}

/** Items as a sentence lists them: "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Candidates as a message lists them: each in backticks, separated by commas. */
export function quotedList(candidates: readonly string[]): string {
  return candidates.map((candidate) => `\`${candidate}\``).join(', ');
}
