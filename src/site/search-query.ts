/**
 * Turning what the reader typed into a lunr query with lunr's own query builder: each word matches
 * whole words (stemmed, so "reflections" finds "reflection") and, with a trailing wildcard, words
 * it begins ("refl" finds "reflection"). Typed lunr syntax (`title:`, `+`, `~`) is read as words.
 */
import type lunrType from 'lunr';

type Lunr = typeof lunrType;

/** Whole-word matches rank above matches by beginning. */
const wholeWordBoost = 10;

/** The results for a query, best first. */
export function searchIndex(lunr: Lunr, index: lunrType.Index, text: string): lunrType.Index.Result[] {
  // Words too common to mean anything ("the", "and") would match every page by their beginnings.
  const words = lunr
    .tokenizer(text.replace(/[:+\-~^*]/g, ' '))
    .filter((token) => lunr.stopWordFilter(token) !== undefined)
    .map((token) => token.toString());
  if (words.length === 0) return [];
  return index.query((query) => {
    for (const word of words) {
      query.term(word, { boost: wholeWordBoost });
      query.term(word, { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    }
  });
}

/**
 * Where in `text` the first word that a result matched stands, as [start, length]. The index keeps
 * no positions (they were most of its size); the matched terms are in the result, so the few
 * texts shown are tokenised and stemmed again, the same way the index was built.
 */
export function firstMatchIn(lunr: Lunr, result: lunrType.Index.Result, text: string): [number, number] | undefined {
  const terms = Object.keys(result.matchData.metadata);
  // lunr's tokenizer records each token's place in `metadata.position`; its types leave it out.
  for (const token of lunr.tokenizer(text) as Array<lunrType.Token & { metadata: { position: [number, number] } }>) {
    const word = token.toString();
    const stemmed = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (terms.some((term) => stemmed === term || word.startsWith(term))) return token.metadata.position;
  }
  return undefined;
}
