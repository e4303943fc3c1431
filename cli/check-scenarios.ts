/**
 * What `coach lint` and `coach test` do: check scenario files, print what was found (for trainers,
 * or as JSON), and return the exit code.
 */
import type { LintResult } from '../src/engine/lint.ts';
import type { VFileMessage } from 'vfile-message';
import { coverageLine } from '../src/engine/coverage.ts';
import type { Exploration } from '../src/engine/explore.ts';
import { hasErrors, hasWarnings } from '../src/engine/diagnostics.ts';
import { problemsReport } from '../src/node/problems-report.ts';
import { lintScenarioFiles, PathError } from '../src/node/scenario-files.ts';
import { safeJson, wrapText } from '../src/node/terminal-text.ts';
import { exitCodes } from './exit-codes.ts';
import { say, terminalWidth, useColor } from './terminal.ts';

export interface CheckOptions {
  readonly json: boolean;
  /** `coach test`: walk the `checks:` and print coverage. */
  readonly walkChecks: boolean;
  /** `--strict`: a file with warnings fails too. */
  readonly strict?: boolean;
}

/** Checks the scenarios at `paths` and prints the results; returns the exit code. */
export async function checkScenarios(paths: readonly string[], options: CheckOptions): Promise<number> {
  let results;
  try {
    results = await lintScenarioFiles(paths, { walkChecks: options.walkChecks });
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return exitCodes.usage;
  }
  const fails = (file: LintResult['file']) => hasErrors(file) || (options.strict === true && hasWarnings(file));
  const failed = results.filter((result) => fails(result.file)).length;
  const passed = results.length - failed;
  if (options.json) {
    const files = results.map((result) => ({
      path: result.file.path,
      id: result.file.stem,
      ok: !fails(result.file),
      messages: result.file.messages.map(messageToJson),
      ...(options.walkChecks && result.exploration ? { coverage: coverageToJson(result.exploration) } : {}),
      ...(result.checks ? { checks: result.checks } : {}),
    }));
    process.stdout.write(`${safeJson({ files, summary: { scenarios: results.length, passed, failed } })}\n`);
  } else {
    const layout = { color: useColor(process.stdout), width: terminalWidth() };
    for (const result of results) {
      // The report makes the file's text safe itself, around its own colours.
      process.stdout.write(`${problemsReport([result.file], layout)}\n\n`);
      if (options.walkChecks && result.exploration) say(`${wrapText(`  ${coverageLine(result.exploration, result.checks)}`, layout.width, 4).join('\n')}\n\n`);
    }
    const noun = results.length === 1 ? 'scenario' : 'scenarios';
    const strictNote = options.strict && results.some((result) => !hasErrors(result.file) && hasWarnings(result.file)) ? ' (--strict: warnings count as failures)' : '';
    say(`${results.length} ${noun}: ${passed} passed, ${failed} failed${strictNote}\n`);
  }
  return failed > 0 ? exitCodes.problem : exitCodes.ok;
}

function coverageToJson(exploration: Exploration) {
  return {
    states: exploration.states,
    transitions: { exercised: exploration.transitionsExercised, total: exploration.transitionsTotal, neverTaken: exploration.transitionsNeverTaken },
    endings: { reached: exploration.endingsReached, total: exploration.endingsTotal },
    // JSON has no big integers: a number while it is exact, a string of digits beyond that.
    pathsToEnding: typeof exploration.pathsToEnding === 'bigint' ? (exploration.pathsToEnding <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(exploration.pathsToEnding) : exploration.pathsToEnding.toString()) : exploration.pathsToEnding,
    capped: exploration.capped,
  };
}

function messageToJson(message: VFileMessage) {
  return {
    line: message.line ?? null,
    column: message.column ?? null,
    endLine: message.place && 'end' in message.place ? message.place.end.line : null,
    endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
    severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
    reason: message.reason,
    ruleId: message.ruleId ?? null,
    ...(message.expected ? { expected: message.expected } : {}),
    ...(message.cause instanceof Error && 'line' in message.cause ? { related: { line: (message.cause as VFileMessage).line, column: (message.cause as VFileMessage).column, reason: message.cause.message } } : {}),
  };
}
