/**
 * Fails `astro build` when a course module's front matter has text that YAML silently drops (an
 * unquoted value cut short by ` #`), or the module shows an image or media file from another site,
 * with every file, line and column and the fix, and no stack trace. The modules' schema cannot catch this: the shortened value is still a valid string. In
 * `astro dev` the same problems are printed as warnings and the site still starts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { displayPath, modulesFolder } from '../node/scenario-files.ts';
import { checkModuleSource } from './module-front-matter.ts';
import { remoteMediaInModule } from './module-media.ts';

/** Every module file with its front-matter problems recorded as messages (errors when `fatal`). */
export async function checkModuleFiles(folder = modulesFolder, fatal = true): Promise<VFile[]> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /\.mdx?$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const file = new VFile({ path: displayPath(path) });
      const source = await readFile(path, 'utf8');
      const problems = [...checkModuleSource(source).map((problem) => ({ ...problem, ruleId: 'yaml-comment' })), ...remoteMediaInModule(source).map((problem) => ({ ...problem, ruleId: 'remote-media' }))];
      for (const problem of problems) {
        const message = file.message(problem.reason, { place: { line: problem.line, column: problem.column }, ruleId: problem.ruleId, source: 'module-checks' });
        message.fatal = fatal;
      }
      return file;
    }),
  );
}

export function moduleChecks(): AstroIntegration {
  return {
    name: 'recovery-coach-practice:module-checks',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const building = command === 'build';
        const files = await checkModuleFiles(modulesFolder, building);
        const broken = files.filter((file) => file.messages.length > 0);
        if (broken.length === 0) return;
        process.stderr.write(`\n${reporter(broken, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR })}\n\n`);
        if (!building) {
          logger.warn(`${broken.length} of ${files.length} modules have the problems above: front-matter text that YAML drops, or images from another site.`);
          return;
        }
        logger.error(`${broken.length} of ${files.length} modules have the problems above; the site was not built. Do what each one says, and build again.`);
        process.exit(1);
      },
    },
  };
}
