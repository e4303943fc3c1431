/**
 * Noting where the reader is (the module opened, the scenario being played), for "Continue where
 * you left off" (last-place.ts). Apart from the links back, because every module and scenario page
 * notes its place and only the home and course pages offer the links.
 */
import { placeKey } from '../progress/storage-key.ts';

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
