/** What `coach run` does: step a scenario by choice numbers or by path, with replies in own words if given, and print the run. */
import { ownWordsSummary } from '../src/engine/own-words.ts';
import { summarise, type MitiSummary } from '../src/engine/score.ts';
import { chooseNumber, currentNode, currentVariables, endingOf, offeredChoices, picks, RunError, startRun, transcript, visitedNodes, type Run } from '../src/engine/run.ts';
import { traceRun } from '../src/engine/trace.ts';
import { walkPath, type PathStep } from '../src/engine/walk.ts';
import { safeJson } from '../src/node/terminal-text.ts';
import type { RunOptions } from './commands/run.ts';
import { exitCodes } from './exit-codes.ts';
import { loadReplyCoder, type OwnWords } from './own-words.ts';
import { briefLines, debriefLines, traceLines, transcriptLines, toPlain } from './run-text.ts';
import { CommandError, loadScenarioArg } from './scenario-arg.ts';
import { say, terminalWidth } from './terminal.ts';

/** The numbers in `--choose 1,3,2`, or a usage error naming the bad one. */
export function parseChoiceNumbers(text: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  const bad = parts.find((part) => !/^[1-9]\d*$/.test(part));
  if (bad !== undefined) throw new CommandError(`--choose takes whole numbers from 1, separated by commas (such as 1,3,2); \`${bad}\` is not one`, exitCodes.usage);
  return parts.map(Number);
}

/** The steps of `--path a,b:2,c`: node ids, each perhaps with the number of the choice to take there. */
export function parsePathSteps(text: string): PathStep[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const named = /^(.+?)\s*:\s*(\d+)$/.exec(part);
      return named ? { node: named[1]!, choice: Number(named[2]) } : { node: part };
    });
}

/** A MITI-style summary's figures as numbers, for `--json`. */
function summaryJson(summary: MitiSummary) {
  return {
    coded: summary.coded,
    counts: summary.counts,
    questions: summary.questions,
    reflections: summary.reflections,
    complexReflections: summary.complexReflections,
    /** Reflections per question; null when no question was picked. */
    reflectionToQuestion: summary.reflectionToQuestion.value,
    /** Complex reflections as a percentage (0 to 100) of all reflections; null when none was picked. */
    percentComplexReflections: summary.percentComplexReflections.value === null ? null : summary.percentComplexReflections.value * 100,
    miAdherent: summary.miAdherent,
    miNonAdherent: summary.miNonAdherent,
  };
}

/**
 * The whole run as data, for `--json`. With replies in own words (one per choice, null where none
 * was said), `ownWords` beside `choices` and `ownWordsSummary` beside `summary`.
 */
export function runToJson(run: Run, ownWords?: OwnWords) {
  const ending = endingOf(run);
  const replies = ownWords && ownWordsSummary(ownWords);
  return {
    scenario: run.scenario.id,
    nodesVisited: visitedNodes(run),
    choices: picks(run).map((pick) => ({ node: pick.node, index: pick.index, code: pick.choice.code.name, says: pick.choice.says, feedback: pick.choice.feedback, target: pick.choice.target })),
    ...(ownWords ? { ownWords: ownWords.map((reply) => reply && { text: reply.text, code: reply.code, group: reply.group, confidence: reply.confidence, reason: reply.reason }) } : {}),
    variables: currentVariables(run),
    trace: traceRun(run),
    ending: ending ? { id: ending.id, outcome: ending.outcome } : null,
    summary: summaryJson(summarise(picks(run).map((pick) => pick.choice.code))),
    ...(replies ? { ownWordsSummary: { ...summaryJson(replies), openQuestions: replies.openQuestions, closedQuestions: replies.closedQuestions } } : {}),
  };
}

function print(run: Run, options: RunOptions, ownWords: OwnWords | undefined) {
  const width = terminalWidth();
  if (options.json) {
    process.stdout.write(`${safeJson(runToJson(run, ownWords))}\n`);
    return;
  }
  // With --trace, each step's trace follows the choice that made it, and the start's comes first.
  const trace = options.trace ? traceRun(run) : undefined;
  say(
    toPlain([
      ...briefLines(run.scenario, width),
      { kind: 'blank', text: '' },
      ...(trace ? traceLines(trace[0]!, width) : []),
      ...transcriptLines(transcript(run), [], 0, ownWords && { replies: ownWords }, trace && ((step) => traceLines(trace[step + 1]!, width))),
      ...debriefLines(run, width, ownWords),
    ]),
  );
}

/** Says the replies given with `--say` are more than the steps chosen: a usage error. */
function tooManyReplies(says: number, steps: number, how: string): CommandError {
  return new CommandError(
    `--say was given ${says} times, but ${how} ${steps === 1 ? 'chooses 1 step' : `chooses ${steps} steps`}; give at most one --say per step, in order (--say "" for a step with nothing said)`,
    exitCodes.usage,
  );
}

/** Runs `coach run`; returns the exit code. */
export async function runCommand(arg: string, options: RunOptions): Promise<number> {
  try {
    const { scenario, machine } = await loadScenarioArg(arg);
    const says = options.say ?? [];
    let run = startRun(scenario, machine);
    if (options.choose !== undefined) {
      const numbers = parseChoiceNumbers(options.choose);
      if (says.length > numbers.length) throw tooManyReplies(says.length, numbers.length, `--choose ${options.choose}`);
      for (const [i, number] of numbers.entries()) {
        if (endingOf(run)) throw new CommandError(`step ${i + 1}: the run already ended at \`${currentNode(run).id}\`, so choice ${number} has nothing to pick from; remove the extra numbers`, exitCodes.problem);
        try {
          run = chooseNumber(run, number);
        } catch (error) {
          if (!(error instanceof RunError)) throw error;
          const offered = offeredChoices(run).map((o) => `${o.number}. ${o.choice.code.name}: “${o.choice.says}”`).join('; ');
          throw new CommandError(`step ${i + 1}: choice ${number} is not offered at node \`${currentNode(run).id}\`; offered: ${offered}`, exitCodes.problem);
        }
      }
    } else {
      const walk = walkPath(scenario, machine, parsePathSteps(options.path ?? ''));
      if (walk.failure) throw new CommandError(`--path: ${walk.failure.reason}`, exitCodes.problem);
      run = walk.run;
      if (says.length > picks(run).length) throw tooManyReplies(says.length, picks(run).length, `--path ${options.path}`);
    }
    // Each reply is coded at the step it was said at, against what the person had just said there.
    let ownWords: OwnWords | undefined;
    if (says.length > 0) {
      const codeReply = await loadReplyCoder();
      ownWords = picks(run).map((_, step) => (step < says.length ? codeReply(run, says[step]!, step) : null));
    }
    print(run, options, ownWords);
    if (!endingOf(run)) {
      say(`coach: the run stopped at \`${currentNode(run).id}\` before an ending; add more ${options.choose !== undefined ? 'choices' : 'nodes'} to reach one\n`, process.stderr);
      return exitCodes.problem;
    }
    return exitCodes.ok;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return error.exitCode;
  }
}
