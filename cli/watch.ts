/**
 * `coach test --watch` (and `coach lint --watch`): check the scenarios, then check them again each
 * time one is saved, for trainers who keep a terminal open beside their editor. The screen is
 * cleared before each run; Ctrl+C stops watching, and that is success (exit 0).
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { vocabularyFileName } from '../src/engine/vocabulary-file.ts';
import { findScenarioFiles, PathError, scenariosFolder } from '../src/node/scenario-files.ts';
import { checkScenarios, type CheckOptions } from './check-scenarios.ts';
import { exitCodes } from './exit-codes.ts';
import { say } from './terminal.ts';

/** Editors save in bursts (a temporary file, a rename, a write): one run per burst. */
const debounceMs = 150;

/** Checks `paths`, then again on every save, until Ctrl+C; returns the exit code. */
export async function watchScenarios(paths: readonly string[], options: CheckOptions): Promise<number> {
  let folders: string[];
  try {
    folders = await foldersToWatch(paths);
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return exitCodes.usage;
  }
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    running = running.then(async () => {
      // Clear the screen and the scrollback, so the list on screen is always the latest.
      if (process.stdout.isTTY) process.stdout.write('\u001b[2J\u001b[3J\u001b[H');
      await checkScenarios(paths, options);
      say(`\nWatching ${folders.length === 1 ? folders[0] : `${folders.length} folders`} for changes; press Ctrl+C to stop.\n`);
    });
  };
  const watchers: FSWatcher[] = folders.map((folder) =>
    watch(folder, (_event, name) => {
      // Scenario files, and the course's vocabulary file, which every scenario is checked against.
      if (name && extname(String(name)).toLowerCase() !== '.md' && basename(String(name)) !== vocabularyFileName) return;
      clearTimeout(timer);
      timer = setTimeout(check, debounceMs);
    }),
  );
  check();
  return new Promise((done) => {
    process.once('SIGINT', () => {
      for (const watcher of watchers) watcher.close();
      clearTimeout(timer);
      done(exitCodes.ok);
    });
  });
}

/** The folders to watch: each folder named, and the folder of each file named. */
async function foldersToWatch(paths: readonly string[]): Promise<string[]> {
  await findScenarioFiles(paths);
  const folders = await Promise.all((paths.length > 0 ? paths : [scenariosFolder]).map(async (path) => ((await stat(path)).isDirectory() ? resolve(path) : dirname(resolve(path)))));
  return [...new Set(folders)];
}
