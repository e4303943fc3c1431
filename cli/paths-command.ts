/** What `coach paths` does: list the ways to each ending, what every run to it shares and where runs differ. */
import { endingPaths, type EndingPaths } from '../src/engine/paths.ts';
import { describeEndingPaths, endingPathsLines, howPathsAreGrouped } from '../src/engine/paths-text.ts';
import { didYouMean } from '../src/engine/suggest.ts';
import { safeJson, wrapText } from '../src/node/terminal-text.ts';
import type { PathsCommandOptions } from './commands/paths.ts';
import { exitCodes } from './exit-codes.ts';
import { CommandError, loadScenarioArg } from './scenario-arg.ts';
import { say, terminalWidth } from './terminal.ts';

/** Runs `coach paths`; returns the exit code. */
export async function pathsCommand(arg: string, options: PathsCommandOptions): Promise<number> {
  try {
    if (!/^[1-9]\d*$/.test(options.ways)) throw new CommandError(`--ways takes a whole number from 1, such as 10; \`${options.ways}\` is not one`, exitCodes.usage);
    const { scenario, exploration } = await loadScenarioArg(arg);
    const endings = scenario.nodes.filter((node) => node.kind === 'ending').map((node) => node.id);
    if (options.ending !== undefined && !endings.includes(options.ending)) {
      const what = scenario.nodes.some((node) => node.id === options.ending) ? `\`${options.ending}\` is not an ending (it has choices or routes)` : `there is no node \`${options.ending}\``;
      throw new CommandError(`--ending: ${what}; the endings are ${endings.map((id) => `\`${id}\``).join(', ')}${didYouMean(options.ending, endings)}`, exitCodes.usage);
    }
    if (!exploration?.stateGraph) throw new CommandError(`\`${scenario.id}\` has too many states to list its paths: its exploration stopped at its cap (\`coach lint\` says why)`, exitCodes.problem);
    const paths = endingPaths(scenario, exploration.stateGraph, { ...(options.ending ? { ending: options.ending } : {}), maxWays: Number(options.ways) });
    if (options.json) {
      process.stdout.write(`${safeJson({ scenario: scenario.id, endings: paths.map(pathsToJson) })}\n`);
    } else {
      const width = terminalWidth();
      const lines: string[] = [];
      if (paths.length === 0) lines.push(`No run reaches \`${options.ending}\`.`);
      for (const ending of paths) lines.push(...endingPathsLines(describeEndingPaths(ending)), '');
      // Each line's words wrap under its own start, two spaces in: a way's nodes, a step's choices.
      const heading = [`Paths to ${options.ending ? `the ending \`${options.ending}\`` : 'each ending'} of \`${scenario.id}\``, '', ...wrapText(howPathsAreGrouped(Number(options.ways)), width), ''];
      say(`${[...heading, ...lines.flatMap((line) => wrapText(line, width, /^\s*/.exec(line)![0].length + 2))].join('\n').trimEnd()}\n`);
    }
    return exitCodes.ok;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return error.exitCode;
  }
}

/** The paths to one ending as JSON: run counts too large for a number are strings of digits. */
function pathsToJson(paths: EndingPaths) {
  const { runs } = paths;
  return { ...paths, runs: typeof runs === 'bigint' ? (runs <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(runs) : runs.toString()) : runs };
}
