/**
 * The whole check of one scenario file, shared by the site build, the terminal runner and the
 * tests: parse, check references, compile, explore, and (for `coach test`) walk the checks.
 */
import type { VFile } from 'vfile';
import { compareMessage } from 'vfile-sort';
import { checkReferences, type ReferenceOptions } from './check.ts';
import { compileScenario, type ScenarioMachine } from './compile.ts';
import type { CheckCount } from './coverage.ts';
import { hasErrors, report } from './diagnostics.ts';
import { exploreScenario, type Exploration } from './explore.ts';
import { parseScenario } from './parse.ts';
import { checkDebriefQuotes, checkShownText } from './shown-checks.ts';
import { applyIgnores, checkCodes, checkGoodMovesKeepHope, checkWording } from './teaching.ts';
import type { Scenario } from './types.ts';
import { runChecks } from './walk.ts';

export interface LintResult {
  readonly file: VFile;
  /** The scenario, only when the file has no errors. */
  readonly scenario?: Scenario;
  /** What could be read of the file, errors or not, for showing a draft as it is written; absent if unreadable. */
  readonly tree?: Scenario;
  readonly machine?: ScenarioMachine;
  /** Present when the file was sound enough to explore. */
  readonly exploration?: Exploration;
  /** How many `checks:` walks there were and how many failed, when they were walked. */
  readonly checks?: CheckCount;
}

export interface LintOptions extends ReferenceOptions {
  /** Also walk the front matter's `checks:` (as `coach test` does). */
  readonly walkChecks?: boolean;
}

/**
 * Checks one scenario file, recording every problem on it, in the order of the file. It never
 * throws: a failure of the checks themselves (a bug) becomes one error on this file, so the other
 * files of a run, the site build and the dev server go on.
 */
export function lintScenario(file: VFile, options: LintOptions): LintResult {
  let result: LintResult;
  try {
    result = lintUnsorted(file, options);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    report(file, `Unexpected failure of the checks on this file (${what}): this is a bug in the checker, not a mistake in your file; please report it, with this file attached`, { line: 1, column: 1 }, 'internal-error', {
      ...(error instanceof Error ? { cause: error } : {}),
    });
    result = { file };
  }
  file.messages.sort(compareMessage);
  return result;
}

function lintUnsorted(file: VFile, options: LintOptions): LintResult {
  const parsed = parseScenario(file);
  const { scenario } = parsed;
  checkReferences(parsed, file, options);
  checkWording(scenario, file);
  checkCodes(scenario, file);
  if (file.messages.some((message) => message.ruleId === 'not-a-scenario')) return { file };
  if (hasErrors(file)) {
    report(file, 'Reachability, the teaching check and the `checks:` walks were not run, because this file has errors; fix them and run again', { line: 1, column: 1 }, 'not-explored', { severity: 'info' });
    applyIgnores(scenario, file, { fullyChecked: false });
    return { file, tree: scenario };
  }
  const machine = compileScenario(scenario);
  const exploration = exploreScenario(scenario, machine, file);
  // Teaching only makes sense of a scenario that is sound: an unsound one has its errors to fix first.
  if (exploration.stateGraph && !hasErrors(file)) {
    checkGoodMovesKeepHope(scenario, exploration.stateGraph, file);
    checkShownText(scenario, exploration.stateGraph, file);
    checkDebriefQuotes(scenario, exploration.stateGraph, file);
  }
  const checks = options.walkChecks ? { total: scenario.meta.checks.length, failed: runChecks(scenario, machine, file, parsed.placeOf) } : undefined;
  applyIgnores(scenario, file, { fullyChecked: exploration.stateGraph !== undefined });
  return { file, tree: scenario, exploration, ...(checks ? { checks } : {}), ...(hasErrors(file) ? {} : { scenario, machine }) };
}
