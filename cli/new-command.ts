/** What `coach new` does: write a scenario from the template, refusing a bad id or an existing file. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idPattern, toScenarioId } from '../src/engine/front-matter-schema.ts';
import { fillScenarioTemplate, titleFromId } from '../src/engine/template.ts';
import { displayPath, projectRoot, scenariosFolder } from '../src/node/scenario-files.ts';
import { exitCodes } from './exit-codes.ts';

/** The template trainers start from, kept as a Markdown file they can read. */
export const templatePath = join(projectRoot, 'cli', 'templates', 'new-scenario.md');

/** The template filled in for `id`. */
export async function scenarioFromTemplate(id: string): Promise<string> {
  // The terminal is given an id; the title it makes capitalises each word, as titles are written.
  return fillScenarioTemplate(await readFile(templatePath, 'utf8'), id, titleFromId(id));
}

export async function newScenario(id: string, folder = scenariosFolder): Promise<number> {
  if (!idPattern.test(id)) {
    const suggestion = toScenarioId(id);
    process.stderr.write(`coach: \`${id}\` cannot be a scenario id: use lower-case letters, digits and hyphens${suggestion ? `, such as \`${suggestion}\`` : ''}\n`);
    return exitCodes.usage;
  }
  const path = join(folder, `${id}.md`);
  if (existsSync(path)) {
    process.stderr.write(`coach: \`${displayPath(path)}\` already exists; choose another id, or edit that file\n`);
    return exitCodes.usage;
  }
  await mkdir(folder, { recursive: true });
  await writeFile(path, await scenarioFromTemplate(id), { flag: 'wx' });
  process.stdout.write(`Wrote ${displayPath(path)}. Edit it, then check it with: npx coach test ${displayPath(path)}\n`);
  return exitCodes.ok;
}
