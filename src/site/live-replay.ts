/**
 * Keeping your place across a live reload under `npm start`. An edit to a scenario file makes the
 * dev server reload the page (`scenario-live-reload.ts`); just before it does, Vite's client says
 * so (`vite:beforeFullReload`), and the player's choices so far are put in this tab's
 * sessionStorage, with the words of each, so they can be found again in the edited file. The page
 * that loads next replays them where they still fit (the engine's `replayWhereFits`) and goes on
 * playing, instead of asking "Welcome back". `import.meta.hot` exists only under the dev server,
 * so in the built site both functions do nothing and the bundler drops their bodies.
 */
import type { EarlierPick } from '../engine/run.ts';

const keyOf = (scenarioId: string) => `recovery-coach-practice:live-reload:${scenarioId}`;

/**
 * Under the dev server, keeps the run's picks (as `place` gives them, or nothing when no run is
 * being played) when the page is about to reload. Returns the function that stops listening.
 */
export function keepPlaceOnReload(scenarioId: string, place: () => readonly EarlierPick[] | undefined): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  const keep = () => {
    const picks = place();
    try {
      if (picks) sessionStorage.setItem(keyOf(scenarioId), JSON.stringify(picks));
    } catch {
      // Storage refused (private mode): the reload offers "Welcome back" as it always did.
    }
  };
  hot.on('vite:beforeFullReload', keep);
  return () => hot.off('vite:beforeFullReload', keep);
}

const isPick = (value: unknown): value is EarlierPick =>
  typeof value === 'object' && value !== null && typeof (value as EarlierPick).node === 'string' && Number.isInteger((value as EarlierPick).index) && ['string', 'undefined'].includes(typeof (value as EarlierPick).says) && ['number', 'undefined'].includes(typeof (value as EarlierPick).of);

/** Under the dev server, the picks kept for this scenario by the reload that just happened, taken out of storage. */
export function takeKeptPlace(scenarioId: string): EarlierPick[] | undefined {
  if (!import.meta.hot) return undefined;
  try {
    const text = sessionStorage.getItem(keyOf(scenarioId));
    if (text === null) return undefined;
    sessionStorage.removeItem(keyOf(scenarioId));
    const picks: unknown = JSON.parse(text);
    return Array.isArray(picks) && picks.every(isPick) ? picks : undefined;
  } catch {
    return undefined;
  }
}
