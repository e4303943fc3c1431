/**
 * The file-system edge of the scenario engine, shared by the terminal runner and the site build:
 * finding scenario files, reading them safely, and knowing which course modules exist. Everything
 * that reads a scenario from disk comes through here, so both print the same messages.
 */
import { isUtf8 } from 'node:buffer';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { report } from '../engine/diagnostics.ts';
import { lintScenario, type LintResult } from '../engine/lint.ts';
import { builtInVocabulary, type Vocabulary } from '../engine/vocabulary.ts';
import { readVocabularyFile, vocabularyFileName } from '../engine/vocabulary-file.ts';

import { projectRoot } from './project-root.ts';

export { projectRoot };

/**
 * Where trainers put scenarios (COACH_SCENARIOS_DIR points the site build and `coach` elsewhere,
 * for trying a folder of drafts), and where course modules live.
 */
export const scenariosFolder = resolve(process.env.COACH_SCENARIOS_DIR ?? join(projectRoot, 'scenarios'));
export const modulesFolder = join(projectRoot, 'content', 'modules');

/** Larger files are refused rather than parsed: no scenario comes near this size. */
export const maxScenarioBytes = 1024 * 1024;

/** A path argument that names nothing usable; a usage error. */
export class PathError extends Error {
  override name = 'PathError';
}

/** Ids of the course modules that exist: the file names in `content/modules/`. */
export async function moduleIds(folder = modulesFolder): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => /\.mdx?$/.test(name)).map((name) => name.replace(/\.mdx?$/, '')).sort();
}

/**
 * The scenario files named by `paths` (files, or folders whose `.md` files are all taken), in a
 * stable order. Throws a {@link PathError} for a path that does not exist or a folder with none.
 */
export async function findScenarioFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths.length > 0 ? paths : [scenariosFolder]) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new PathError(`cannot find \`${path}\`: no such file or folder`);
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((name) => extname(name).toLowerCase() === '.md').sort();
      if (names.length === 0) throw new PathError(`no scenarios in \`${path}\`: it has no \`.md\` files`);
      found.push(...names.map((name) => join(path, name)));
    } else {
      found.push(path);
    }
  }
  return [...new Set(found.map((path) => resolve(path)))];
}

/** A path as a trainer would like to read it: relative to where they are, if that is shorter. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const relativePath = relative(cwd, path);
  return relativePath.length < path.length && !relativePath.startsWith('..') ? relativePath : path;
}

/**
 * Reads a scenario file into a VFile. A file that cannot be read, is too large, or is not UTF-8 text
 * gets an error on the file and empty contents, so it is reported like any other problem.
 */
export async function readScenarioFile(path: string): Promise<{ file: VFile; readable: boolean }> {
  const file = new VFile({ path: displayPath(path), value: '' });
  const fail = (reason: string, place = { line: 1, column: 1 }) => {
    report(file, reason, place, 'unreadable-file');
    return { file, readable: false };
  };
  try {
    const info = await stat(path);
    if (!info.isFile()) return fail(`Unexpected \`${basename(path)}\`, expected a scenario file, not a folder or device`);
    if (info.size > maxScenarioBytes) {
      return fail(`Unexpected file of ${(info.size / 1024 / 1024).toFixed(1)} MB, expected a scenario under 1 MB; is this the right file?`);
    }
    const bytes = await readFile(path);
    if (isUtf16(bytes)) return fail('Unexpected file saved as UTF-16, expected UTF-8: open it in your editor, choose Save As, and pick UTF-8 as the encoding');
    const nul = bytes.indexOf(0);
    if (nul !== -1) return fail('Unexpected binary data (a NUL byte), expected a Markdown text file', placeOfByte(bytes, nul));
    // isUtf8 checks without the cost of a strict TextDecoder, which loads ICU at start-up.
    if (!isUtf8(bytes)) return fail('Unexpected text that is not UTF-8, expected the file saved as UTF-8 (most editors offer this under "Save as")', placeOfFirstNonUtf8(bytes));
    file.value = bytes.toString('utf8').replace(/^\uFEFF/, '');
    return { file, readable: true };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'EACCES' ? 'Unexpected file that cannot be read (permission denied), expected read access' : `Unexpected problem reading the file (${code ?? String(error)})`);
  }
}

/** The line and column of the byte at `offset`, the column counted in characters as an editor shows them. */
function placeOfByte(bytes: Buffer, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let newline = bytes.indexOf(0x0a); newline !== -1 && newline < offset; newline = bytes.indexOf(0x0a, newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  return { line, column: bytes.subarray(lineStart, offset).toString('utf8').length + 1 };
}

/**
 * Where the first byte that is not UTF-8 lies: the first line that fails, and in it the first
 * character decoding replaces (U+FFFD), counted as an editor counts columns.
 */
function placeOfFirstNonUtf8(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (;;) {
    const newline = bytes.indexOf(0x0a, start);
    const text = bytes.subarray(start, newline === -1 ? bytes.length : newline);
    if (!isUtf8(text) || newline === -1) return { line, column: Math.max(text.toString('utf8').indexOf('\uFFFD'), 0) + 1 };
    line++;
    start = newline + 1;
  }
}

/** Whether bytes are UTF-16 text: a UTF-16 byte-order mark, or every other byte zero (ASCII in UTF-16). */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 512);
  let zeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) zeros++;
  return sample.length >= 8 && zeros >= sample.length / 2 - 2 && zeros <= sample.length / 2 + 1;
}

/** The course's vocabulary file, with what it adds to the built-in skills and tags; no file when there is none. */
export interface VocabularyFile {
  /** The file, with its own mistakes recorded on it; absent when the folder has none. */
  readonly file?: VFile;
  readonly vocabulary: Vocabulary;
}

/**
 * Reads the course's vocabulary file, `vocabulary.yaml` in the scenarios folder, which adds skills
 * and tags to the built-in lists; without one, the built-in lists.
 */
export async function loadVocabulary(folder = scenariosFolder): Promise<VocabularyFile> {
  const path = join(folder, vocabularyFileName);
  const info = await stat(path).catch(() => undefined);
  if (!info) return { vocabulary: builtInVocabulary };
  const file = new VFile({ path: displayPath(path), value: '' });
  if (!info.isFile() || info.size > maxScenarioBytes) {
    report(file, `Unexpected \`${vocabularyFileName}\` that is not a small text file, expected the course's skills and tags`, { line: 1, column: 1 }, 'unreadable-file');
    return { file, vocabulary: builtInVocabulary };
  }
  file.value = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return { file, vocabulary: readVocabularyFile(file) };
}

/** Reads and checks scenario files, one result per file, in order, against the course's modules and vocabulary. */
export async function lintScenarioFiles(paths: readonly string[], options: { walkChecks?: boolean; vocabulary?: Vocabulary } = {}): Promise<LintResult[]> {
  const [modules, files, vocabulary] = await Promise.all([moduleIds(), findScenarioFiles(paths), options.vocabulary ?? loadVocabulary().then((loaded) => loaded.vocabulary)]);
  return Promise.all(
    files.map(async (path) => {
      const { file, readable } = await readScenarioFile(path);
      return readable ? lintScenario(file, { modules, walkChecks: options.walkChecks ?? false, skills: vocabulary.skills, tags: vocabulary.tags }) : { file };
    }),
  );
}
