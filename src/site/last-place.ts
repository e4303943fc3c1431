/**
 * "Continue where you left off": the module the reader last opened and the scenario they last
 * played, kept on this device (see `placeKey`), and the links the home and course pages offer back
 * to them. A scenario is offered only while its run is still in progress (read from the progress
 * record itself, so a finished or cleared run is never offered). Small on purpose: no schema
 * library, as it runs on pages that load nothing else.
 */
import { placeKey, storageKey } from '../progress/storage-key.ts';

/** One place: what it is, its id and title, and when the reader was last there. */
export interface Place {
  readonly id: string;
  readonly title: string;
  readonly at: string;
}

/** The last module opened and the last scenario played, each if any. */
export interface Places {
  readonly module?: Place;
  readonly scenario?: Place;
}

/** A link back, as the page shows it. */
export interface ContinueLink {
  readonly href: string;
  readonly text: string;
}

const isPlace = (value: unknown): value is Place =>
  typeof value === 'object' && value !== null && ['id', 'title', 'at'].every((key) => typeof (value as Record<string, unknown>)[key] === 'string');

/** What is kept, with anything unreadable left out. */
export function readPlaces(): Places {
  try {
    const kept: unknown = JSON.parse(localStorage.getItem(placeKey) ?? '{}');
    if (typeof kept !== 'object' || kept === null) return {};
    const { module, scenario } = kept as Record<string, unknown>;
    return { ...(isPlace(module) ? { module } : {}), ...(isPlace(scenario) ? { scenario } : {}) };
  } catch {
    return {};
  }
}

/** Notes that the reader is at a module or a scenario now. A browser that keeps nothing just offers nothing. */
export function rememberPlace(kind: keyof Places, id: string, title: string): void {
  try {
    localStorage.setItem(placeKey, JSON.stringify({ ...readPlaces(), [kind]: { id, title, at: new Date().toISOString() } }));
  } catch {
    // Storage full or blocked: the next visit simply has no link back.
  }
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
