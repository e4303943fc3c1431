/**
 * Scenario files uploaded to a hosted room server (`POST /api/rooms {"markdown", "fileName"}`): a
 * facilitator opens a room for a scenario that is not in the course. The file is checked with the
 * same function as the studio and the play-a-file page (`checkScenarioText`: parse, references,
 * compile, exploration, teaching checks and the `checks:` walks), so a file the browser passed is
 * one the server passes. It is kept only inside its room's record (never in scenarios/), so it is
 * resumed with the room by a restart or another process, and goes when the room does.
 */
import { createHash } from 'node:crypto';
import type { Vocabulary } from '../../../src/engine/vocabulary.ts';
import { maxUploadBytes } from '../../../src/rooms/limits.ts';
import { checkScenarioText, draftProblems, type DraftProblem } from '../../../src/studio/check-draft.ts';
import { idFileName } from '../../../src/studio/file-name.ts';
import type { LoadedScenario } from './server.ts';

/**
 * The largest request that carries one: JSON escapes a file's quotes, backslashes and line breaks,
 * so a file at the limit may take more bytes as a JSON string than on disk.
 */
export const maxUploadBodyBytes = 3 * maxUploadBytes;

/** A scenario file as the room keeps it: the name it was chosen under, and its text. */
export interface UploadedScenario {
  readonly fileName: string;
  readonly markdown: string;
}

export type UploadCheck = { readonly ok: true; readonly loaded: LoadedScenario } | { readonly ok: false; readonly problems: readonly DraftProblem[] };

/**
 * The name a file is shown under: its last path part (a browser may send `C:\fakepath\…`), with no
 * control characters, at most 120 characters; `scenario.md` when nothing is left.
 */
export function shownFileName(given: unknown): string {
  const name = typeof given === 'string' ? (given.split(/[\\/]/).at(-1) ?? '') : '';
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120);
  return clean || 'scenario.md';
}

/** The errors of a refused file, one a line with its place, and what to do, for the facilitator and a script alike. */
export function refusalSentence(fileName: string, problems: readonly DraftProblem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const listed = errors.map((problem) => `- line ${problem.start.line}, column ${problem.start.column}: ${problem.reason}`);
  return [
    `\`${fileName}\` has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}, so no room was opened:`,
    ...listed,
    'Fix the file in the course studio (/trainers/studio/) or any text editor, then try again; `npx coach lint` lists the same problems.',
  ].join('\n');
}

/** How many checked files a server keeps compiled: a shared store resumes a room on every change another process made. */
const cachedChecks = 50;

/**
 * Checks uploaded files against the course's modules and vocabulary. The same file is checked
 * once per process (the checks explore every path, which takes a moment for a large scenario):
 * resuming a room another process changed reuses the compiled scenario.
 */
export function uploadChecker(modules: readonly string[], vocabulary: Vocabulary): (upload: UploadedScenario) => UploadCheck {
  const checked = new Map<string, UploadCheck>();
  return (upload) => {
    const key = createHash('sha256').update(upload.fileName).update('\0').update(upload.markdown).digest('hex');
    const known = checked.get(key);
    if (known) {
      // Most recently used last, so the oldest is the one let go.
      checked.delete(key);
      checked.set(key, known);
      return known;
    }
    const result = checkScenarioText(upload.markdown.replace(/^\uFEFF/, ''), idFileName(upload.fileName), modules, vocabulary);
    const check: UploadCheck = result.scenario && result.machine ? { ok: true, loaded: { scenario: result.scenario, machine: result.machine } } : { ok: false, problems: draftProblems(result.file) };
    checked.set(key, check);
    if (checked.size > cachedChecks) checked.delete(checked.keys().next().value!);
    return check;
  };
}
