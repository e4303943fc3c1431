/**
 * The built course (dist/) for the commands that serve or package it: whether it must be built
 * (again) first, and building it as `npm run build` does. Shared by `coach group` and
 * `coach package`, so both decide the same way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { modulesFolder, projectRoot, scenariosFolder } from '../src/node/scenario-files.ts';

/** Where `astro build` writes the course. */
export const builtSiteDir = join(projectRoot, 'dist');

/**
 * Why the course must be built before using `page` (a file in dist/), or undefined: the page is
 * missing, or a scenario or module file is newer than it.
 */
export function siteBuildNeeded(page: string): string | undefined {
  if (!existsSync(page)) return 'Building the course first (astro build)…';
  const built = statSync(page).mtimeMs;
  const sources = [
    ...readdirSync(scenariosFolder).filter((name) => name.endsWith('.md')).map((name) => join(scenariosFolder, name)),
    ...(existsSync(modulesFolder) ? readdirSync(modulesFolder).filter((name) => /\.mdx?$/.test(name)).map((name) => join(modulesFolder, name)) : []),
  ];
  const edited = sources.find((path) => statSync(path).mtimeMs > built);
  return edited ? `${edited.slice(edited.lastIndexOf('/') + 1)} has changed since the course was built: building it again (astro build)…` : undefined;
}

/** Builds the course as `npm run build` does, its output on stderr so stdout stays for the command's own. */
export function buildSite(why: string): boolean {
  process.stderr.write(`${why}\n`);
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--force'], { cwd: projectRoot, stdio: ['ignore', 2, 2] });
  return result.status === 0;
}
