/**
 * Importing progress next to what this browser already keeps: merging the two, and saying before
 * anything happens what merging or replacing would change, so an import never loses work by surprise.
 */
import type { FinishedRun, Progress } from './schema.ts';

/** The kinds of entry an import can change, as the reader counts them. */
export type EntryKind = 'modules' | 'answers' | 'reflections' | 'runs' | 'inProgress';

/** How many entries of each kind. */
export type Counts = Record<EntryKind, number>;

/** How an import would change what this browser keeps. */
export interface ImportPreview {
  /** What the file holds. */
  readonly inFile: Counts;
  /** What merging would add to this browser. */
  readonly added: Counts;
  /** Entries in both, worded differently, where merging keeps the file's newer one. */
  readonly replacedByNewer: Counts;
  /** Entries in both, worded differently, where merging keeps this browser's newer one and leaves the file's out. */
  readonly olderInFile: Counts;
  /** What replacing would remove from this browser or change in it: everything not the same in the file. */
  readonly lostByReplacing: Counts;
}

/** Which of two versions of an entry merging keeps. */
type Keep<T> = (here: T, there: T) => T;
const newer =
  <T,>(at: (entry: T) => string): Keep<T> =>
  (here, there) => (at(there) > at(here) ? there : here);

/** For each record section: which version merging keeps when both sides have an entry. */
const keepers = {
  // The first time a module was completed is the one worth keeping.
  modules: (here, there) => (there.completedAt < here.completedAt ? there : here),
  answers: newer((answer) => answer.answeredAt),
  reflections: newer((reflection) => reflection.savedAt),
  inProgress: newer((run) => run.updatedAt),
} satisfies { [K in Exclude<EntryKind, 'runs'>]: Keep<Progress[K][string]> };

const recordKinds = Object.keys(keepers) as Array<keyof typeof keepers>;
const runKey = (run: FinishedRun) => `${run.scenarioId} ${run.endedAt}`;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const noCounts = (): Counts => ({ modules: 0, answers: 0, reflections: 0, runs: 0, inProgress: 0 });

/** Sets an entry as the record's own, whatever its id (`__proto__` included: assignment would set the prototype). */
export function define(record: Record<string, unknown>, id: string, entry: unknown): void {
  Object.defineProperty(record, id, { value: entry, enumerable: true, writable: true, configurable: true });
}

/**
 * Both sides in one record: every completed module and every finished run from either, and for an
 * answer, reflection or run in progress kept on both, the newer one.
 */
export function mergeProgress(here: Progress, there: Progress): Progress {
  const merged: Progress = { ...here };
  for (const kind of recordKinds) {
    const keep = keepers[kind] as Keep<unknown>;
    const section: Record<string, unknown> = { ...here[kind] };
    // Own entries only: an entry called `toString` is not one every object has already.
    for (const [id, entry] of Object.entries(there[kind])) define(section, id, Object.hasOwn(section, id) ? keep(section[id], entry) : entry);
    (merged as Record<EntryKind, unknown>)[kind] = section;
  }
  const runs = new Map(here.runs.map((run) => [runKey(run), run]));
  for (const run of there.runs) if (!runs.has(runKey(run))) runs.set(runKey(run), run);
  merged.runs = [...runs.values()].sort((a, b) => a.endedAt.localeCompare(b.endedAt));
  // A group's run in progress belongs to the screen it is played on: this browser's wins.
  merged.groupsInProgress = { ...there.groupsInProgress, ...here.groupsInProgress };
  // A knowledge check's attempt only orders its questions: the one begun later wins.
  merged.checks = { ...here.checks };
  for (const [id, attempt] of Object.entries(there.checks)) if (!merged.checks[id] || attempt.startedAt > merged.checks[id].startedAt) merged.checks[id] = attempt;
  return merged;
}

/** What merging or replacing with `there` would change in `here`. */
export function previewImport(here: Progress, there: Progress): ImportPreview {
  const inFile = noCounts();
  const added = noCounts();
  const replacedByNewer = noCounts();
  const olderInFile = noCounts();
  const lostByReplacing = noCounts();
  for (const kind of recordKinds) {
    const keep = keepers[kind] as Keep<unknown>;
    const ours: Record<string, unknown> = here[kind];
    const theirs: Record<string, unknown> = there[kind];
    inFile[kind] = Object.keys(theirs).length;
    for (const [id, entry] of Object.entries(theirs)) {
      if (!Object.hasOwn(ours, id)) added[kind]++;
      else if (kind !== 'modules' && !same(ours[id], entry)) (keep(ours[id], entry) === entry ? replacedByNewer : olderInFile)[kind]++;
    }
    for (const [id, entry] of Object.entries(ours)) if (!Object.hasOwn(theirs, id) || !same(theirs[id], entry)) lostByReplacing[kind]++;
  }
  const ourRuns = new Set(here.runs.map(runKey));
  const theirRuns = new Set(there.runs.map(runKey));
  inFile.runs = there.runs.length;
  added.runs = there.runs.filter((run) => !ourRuns.has(runKey(run))).length;
  lostByReplacing.runs = here.runs.filter((run) => !theirRuns.has(runKey(run))).length;
  return { inFile, added, replacedByNewer, olderInFile, lostByReplacing };
}

const labels: Record<EntryKind, [one: string, many: string]> = {
  modules: ['completed module', 'completed modules'],
  answers: ['knowledge-check answer', 'knowledge-check answers'],
  reflections: ['reflection', 'reflections'],
  runs: ['finished run', 'finished runs'],
  inProgress: ['run in progress', 'runs in progress'],
};

/** Counts in words, leaving out kinds with none: `2 completed modules and 1 reflection`; empty if none at all. */
export function describeCounts(counts: Counts): string {
  const parts = (Object.keys(labels) as EntryKind[]).filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${labels[kind][counts[kind] === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
