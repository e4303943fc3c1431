/** Turn-taking, shared by group rooms and `coach play --players`: the same people, in order, round and round. */

/** Whose turn it is at a step (0-based), going round the players in order; undefined with nobody named. */
export function turnOf(players: readonly string[], step: number): string | undefined {
  return players.length === 0 ? undefined : players[step % players.length];
}

/** Names as a reader says them: `Ana`, `Ana and Ben`, `Ana, Ben and Chris`. */
export function nameList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Said under a transcript's title when players took turns as the coach. */
export function takingTurnsSentence(players: readonly string[]): string {
  return `Played by ${nameList(players)}, taking turns.`;
}
