/**
 * The `<id | file>` argument of `play`, `run` and `graph`: a path to a scenario file, or the id of
 * one in scenarios/. The scenario is checked first; one with errors is reported like `coach lint`.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { didYouMean } from '../src/engine/suggest.ts';
import { lintScenario } from '../src/engine/lint.ts';
import type { ScenarioMachine } from '../src/engine/compile.ts';
import type { Exploration } from '../src/engine/explore.ts';
import type { Scenario } from '../src/engine/types.ts';
import { problemsReport } from '../src/node/problems-report.ts';
import { loadVocabulary, moduleIds, readScenarioFile, scenariosFolder } from '../src/node/scenario-files.ts';
import { exitCodes } from './exit-codes.ts';
import { terminalWidth, useColor } from './terminal.ts';

/** A reason the command cannot go on, with the exit code to leave with. */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

async function scenarioIds(): Promise<string[]> {
  return (await readdir(scenariosFolder).catch(() => [] as string[])).filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3));
}

/** Finds, reads and checks the scenario named by `arg`. */
export async function loadScenarioArg(arg: string): Promise<{ scenario: Scenario; machine: ScenarioMachine; exploration?: Exploration }> {
  const byId = join(scenariosFolder, `${arg}.md`);
  const path = existsSync(arg) ? arg : existsSync(byId) ? byId : undefined;
  if (!path) {
    const ids = await scenarioIds();
    throw new CommandError(`no scenario \`${arg}\`: it is neither a file nor the id of a scenario in scenarios/${didYouMean(arg, ids)} (\`coach list\` shows them all)`, exitCodes.usage);
  }
  const { file, readable } = await readScenarioFile(path);
  const { vocabulary } = await loadVocabulary();
  const result = readable ? lintScenario(file, { modules: await moduleIds(), skills: vocabulary.skills, tags: vocabulary.tags }) : { file };
  if (!('scenario' in result) || !result.scenario || !result.machine) {
    process.stderr.write(`${problemsReport([file], { color: useColor(process.stderr), width: terminalWidth(process.stderr) })}\n\n`);
    throw new CommandError(`\`${file.path}\` has errors; fix them first (\`coach lint\` shows the same list)`, exitCodes.problem);
  }
  return { scenario: result.scenario, machine: result.machine, ...(result.exploration ? { exploration: result.exploration } : {}) };
}
