/**
 * Fails `astro build` when a course module's front matter has text that YAML silently drops (an
 * unquoted value cut short by ` #`), with every file, line and column and the fix, and no stack
 * trace. The modules' schema cannot catch this: the shortened value is still a valid string. In
 * `astro dev` the same problems are printed as warnings and the site still starts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { displayPath, modulesFolder } from '../node/scenario-files.ts';
import { checkModuleSource } from './module-front-matter.ts';

/** Every module file with its front-matter problems recorded as messages (errors when `fatal`). */
export async function checkModuleFiles(folder = modulesFolder, fatal = true): Promise<VFile[]> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => /\.mdx?$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const file = new VFile({ path: displayPath(path) });
      for (const problem of checkModuleSource(await readFile(path, 'utf8'))) {
        const message = file.message(problem.reason, { place: { line: problem.line, column: problem.column }, ruleId: 'yaml-comment', source: 'module-checks' });
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
          logger.warn(`${broken.length} of ${files.length} modules have front-matter text that YAML drops; quote those values.`);
          return;
        }
        logger.error(`${broken.length} of ${files.length} modules have front-matter text that YAML drops; the site was not built. Put each value named above in double quotes and build again.`);
        process.exit(1);
      },
    },
  };
}
