/**
 * "Continue where you left off": the module the reader last opened and the scenario they last
 * played, kept on this device (see `placeKey`), and the links the home and course pages offer back
 * to them. A scenario is offered only while its run is still in progress (read from the progress
 * record itself, so a finished or cleared run is never offered). Small on purpose: no schema
 * library, as it runs on pages that load nothing else.
 */
import { placeKey, storageKey } from '../progress/storage-key.ts';
import { readPlaces, type Places } from './remember-place.ts';

export type { Place, Places } from './remember-place.ts';

/** A link back, as the page shows it. */
export interface ContinueLink {
  readonly href: string;
  readonly text: string;
}

/** Forgets both places (when the reader clears their progress). */
export function forgetPlaces(): void {
  try {
    localStorage.removeItem(placeKey);
  } catch {
    // Nothing was kept.
  }
}

/** The ids of the scenarios with a run in progress, read from the progress record without loading its schema. */
function runsInProgress(): Set<string> {
  try {
    const record: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    const inProgress = typeof record === 'object' && record !== null ? (record as Record<string, unknown>).inProgress : undefined;
    return new Set(typeof inProgress === 'object' && inProgress !== null ? Object.keys(inProgress) : []);
  } catch {
    return new Set();
  }
}

/** The links back, the most recent first: the scenario only while its run is in progress. */
export function continueLinks(places: Places = readPlaces(), playing: ReadonlySet<string> = runsInProgress()): ContinueLink[] {
  const links: Array<ContinueLink & { at: string }> = [];
  if (places.scenario && playing.has(places.scenario.id)) links.push({ href: `/scenarios/${places.scenario.id}`, text: `Your run of “${places.scenario.title}”`, at: places.scenario.at });
  if (places.module) links.push({ href: `/modules/${places.module.id}`, text: `The module “${places.module.title}”`, at: places.module.at });
  return links.sort((a, b) => b.at.localeCompare(a.at)).map(({ href, text }) => ({ href, text }));
}
