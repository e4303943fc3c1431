// Kept apart from check-draft.ts, which holds the whole engine: pages that only name a file (the
// organiser's page, play-a-file) import this, and the engine stays in the worker.

/**
 * The name the file is checked under. A file sent by email or downloaded twice arrives as
 * `Meeting Sam (1).md`, which the checks would refuse as a scenario id; the words of the name are
 * kept, the rest made into an id, since only the course's own folder needs the exact name.
 */
export function idFileName(name: string): string {
  const id = name
    .replace(/\.(md|markdown|txt)$/i, '')
    .replace(/\s*\(\d+\)$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${id || 'scenario'}.md`;
}
