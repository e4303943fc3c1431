import { distance } from 'fastest-levenshtein';

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
 * "; did you mean `x`?" when a close candidate exists, or the candidates that contain what was
 * written as a word ("reflection" → `Simple reflection` or `Complex reflection`); otherwise "".
 */
export function didYouMean(written: string, candidates: Iterable<string>): string {
  const list = [...candidates];
  const suggestion = closest(written, list);
  if (suggestion !== undefined) return `; did you mean \`${suggestion}\`?`;
  const word = written.trim().toLowerCase();
  const containing = word.length >= 3 ? list.filter((candidate) => candidate.toLowerCase().split(/[\s-]+/).includes(word)) : [];
  return containing.length > 0 ? `; did you mean ${containing.map((c) => `\`${c}\``).join(' or ')}?` : '';
}
