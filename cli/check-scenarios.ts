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
import { lintScenarioFiles, loadVocabulary, PathError } from '../src/node/scenario-files.ts';
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
  // The course's own skills and tags, checked first: every scenario is checked against them.
  const vocabulary = await loadVocabulary();
  try {
    results = await lintScenarioFiles(paths, { walkChecks: options.walkChecks, vocabulary: vocabulary.vocabulary });
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return exitCodes.usage;
  }
  const fails = (file: LintResult['file']) => hasErrors(file) || (options.strict === true && hasWarnings(file));
  const failed = results.filter((result) => fails(result.file)).length;
  const passed = results.length - failed;
  const vocabularyFails = vocabulary.file !== undefined && fails(vocabulary.file);
  if (options.json) {
    const files = results.map((result) => ({
      path: result.file.path,
      id: result.file.stem,
      ok: !fails(result.file),
      messages: result.file.messages.map(messageToJson),
      ...(options.walkChecks && result.exploration ? { coverage: coverageToJson(result.exploration) } : {}),
      ...(result.checks ? { checks: result.checks } : {}),
    }));
    const vocabularyJson = vocabulary.file ? { vocabulary: { path: vocabulary.file.path, ok: !vocabularyFails, messages: vocabulary.file.messages.map(messageToJson) } } : {};
    process.stdout.write(`${safeJson({ ...vocabularyJson, files, summary: { scenarios: results.length, passed, failed } })}\n`);
  } else {
    const layout = { color: useColor(process.stdout), width: terminalWidth() };
    // The vocabulary file is shown only when it has something to say: most courses have none.
    if (vocabulary.file && vocabulary.file.messages.length > 0) process.stdout.write(`${problemsReport([vocabulary.file], layout)}\n\n`);
    for (const result of results) {
      // The report makes the file's text safe itself, around its own colours.
      process.stdout.write(`${problemsReport([result.file], layout)}\n\n`);
      if (options.walkChecks && result.exploration) say(`${wrapText(`  ${coverageLine(result.exploration, result.checks)}`, layout.width, 4).join('\n')}\n\n`);
    }
    const noun = results.length === 1 ? 'scenario' : 'scenarios';
    const strictNote = options.strict && results.some((result) => !hasErrors(result.file) && hasWarnings(result.file)) ? ' (--strict: warnings count as failures)' : '';
    const vocabularyNote = vocabularyFails ? `; \`${vocabulary.file!.path}\` has problems` : '';
    say(`${results.length} ${noun}: ${passed} passed, ${failed} failed${strictNote}${vocabularyNote}\n`);
  }
  return failed > 0 || vocabularyFails ? exitCodes.problem : exitCodes.ok;
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
    // A failing check's walk, step by step.
    ...(message.note ? { note: message.note } : {}),
    ...(message.cause instanceof Error && 'line' in message.cause ? { related: { line: (message.cause as VFileMessage).line, column: (message.cause as VFileMessage).column, reason: message.cause.message } } : {}),
  };
}
