/**
 * Live reload of scenarios under `astro dev`. Scenario files are read from disk by
 * `scenario-catalog.ts`, not imported, so Vite's module graph does not know that the catalogue
 * (and every page built from it) depends on them: an edit changed nothing until a restart. This
 * plugin tells Vite so. When a scenario file in the folder is added, changed or removed, it reports
 * the catalogue module as the module affected; Vite and Astro then do what they do when that
 * module itself is edited: invalidate it and every module that imports it (so the pages run again,
 * and `getStaticPaths` with them, giving a new or renamed file its route), and reload the browser.
 * The reloaded page keeps the trainer's place in a run (`live-replay.ts`).
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import { vocabularyFileName } from '../engine/vocabulary-file.ts';

/** A path as Vite writes it, with forward slashes on every system. */
const normalizePath = (path: string) => path.replaceAll('\\', '/');

/** The module that reads the scenarios folder; everything on the site that shows a scenario imports it. */
const catalogModule = normalizePath(fileURLToPath(new URL('./scenario-catalog.ts', import.meta.url)));

/** Whether `file` is one the catalogue reads: a `.md` file directly in the scenarios folder, or its vocabulary file. */
export function isScenarioFile(file: string, folder: string): boolean {
  return dirname(normalizePath(file)) === normalizePath(folder) && (extname(file).toLowerCase() === '.md' || basename(file) === vocabularyFileName);
}

/** How long after a change to look at the file again. */
const recheckMs = 300;

/** A Vite plugin for `astro dev` that reloads the site when a file in the scenarios folder changes. */
export function scenarioLiveReload(folder: string): Plugin {
  let watcher: ViteDevServer['watcher'] | undefined;
  const modified = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  return {
    name: 'recovery-coach-practice:scenario-live-reload',
    apply: 'serve',
    configureServer(server) {
      // The default folder is inside the project, which Vite watches; COACH_SCENARIOS_DIR may not be.
      server.watcher.add(folder);
      watcher = server.watcher;
    },
    hotUpdate({ file, modules }) {
      if (!isScenarioFile(file, folder)) return;
      // The watcher can fold a second save that follows the first within a moment (a new file
      // saved, then fixed) into the first's event, and the fix would never show: look again
      // shortly, and report the file again if it has changed since.
      const seen = modified(file);
      setTimeout(() => {
        if (modified(file) !== seen) watcher?.emit('change', file);
      }, recheckMs);
      const catalog = this.environment.moduleGraph.getModulesByFile(catalogModule);
      // Not loaded yet in this environment: the next request reads the folder afresh anyway.
      return catalog ? [...modules, ...catalog] : modules;
    },
  };
}
