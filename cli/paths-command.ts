/** What `coach paths` does: list the ways to each ending, what every run to it shares and where runs differ. */
import { defaultMaxRuns, endingPaths, type ChoiceRef, type EndingPaths, type Range } from '../src/engine/paths.ts';
import { formatCount } from '../src/engine/coverage.ts';
import { didYouMean, listed } from '../src/engine/suggest.ts';
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
      for (const ending of paths) lines.push(...endingLines(ending), '');
      // Each line's words wrap under its own start, two spaces in: a way's nodes, a step's choices.
      const heading = [`Paths to ${options.ending ? `the ending \`${options.ending}\`` : 'each ending'} of \`${scenario.id}\``, '', ...wrapText(howGrouped(Number(options.ways)), width), ''];
      say(`${[...heading, ...lines.flatMap((line) => wrapText(line, width, /^\s*/.exec(line)![0].length + 2))].join('\n').trimEnd()}\n`);
    }
    return exitCodes.ok;
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return error.exitCode;
  }
}

/** How the runs are grouped and where the listing stops: said once, at the top. */
function howGrouped(ways: number): string {
  return `Runs that pass the same nodes in the same order are one way. For each ending, up to ${ways} ${ways === 1 ? 'way is' : 'ways are'} listed, found by looking through at most ${defaultMaxRuns.toLocaleString('en')} runs (fewer where runs are long), each going round a loop at most once. What every run shares, and what only some runs do, is worked out over every run, listed or not.`;
}

const code = (id: string) => `\`${id}\``;
/** A choice as a way lists it: its number in the node, its code, and its first words. */
const choiceText = (choice: ChoiceRef) => `${choice.number}. ${choice.code} “${shortened(choice.says)}”`;
function shortened(says: string, length = 60): string {
  if (says.length <= length) return says;
  const cut = says.slice(0, length + 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length / 2)).replace(/[\s,;:.]+$/, '')}…`;
}
const rangeText = (variables: Readonly<Record<string, Range>>) =>
  Object.entries(variables)
    .map(([name, { min, max }]) => (min === max ? `${name} = ${min}` : `${name} from ${min} to ${max}`))
    .join(', ');

/** One ending's section: how many runs, what they share, where they differ, then each way listed. */
function endingLines(paths: EndingPaths): string[] {
  const { ending, shared, varying, ways } = paths;
  const runs = paths.runs === 'unbounded' ? 'Endless runs (a loop can go round again and again)' : `${formatCount(paths.runs)} ${paths.runs === 1n ? 'run' : 'runs'}`;
  const waysText = paths.complete ? `${paths.waysFound} ${paths.waysFound === 1 ? 'way' : 'ways'} through the nodes` : `at least ${paths.waysFound} ways through the nodes`;
  const lines = [`## ${ending.id} (${ending.outcome})`, `${runs} reach this ending, in ${waysText}.`, 'Every run that ends here:'];
  lines.push(`  passes ${shared.nodes.map(code).join(', ')}`);
  if (shared.codes.length > 0) lines.push(`  picks ${listed(shared.codes)} (${shared.codes.length === 1 ? '' : 'each '}at least once)`);
  for (const choice of shared.choices) lines.push(`  picks at ${code(choice.node)}: ${choiceText(choice)}`);
  if (Object.keys(shared.variables).length > 0) lines.push(`  ends with ${rangeText(shared.variables)}`);
  if (varying.nodes.length + varying.codes.length > 0) {
    lines.push('Only some runs that end here:');
    const onWays = (test: (way: EndingPaths['ways'][number]) => boolean) => {
      const numbers = ways.flatMap((way, i) => (test(way) ? [String(i + 1)] : []));
      return numbers.length === 0 ? 'none of the ways listed' : `${numbers.length === 1 ? 'way' : 'ways'} ${listed(numbers)}`;
    };
    if (varying.nodes.length > 0) lines.push(`  pass ${varying.nodes.map((id) => `${code(id)} (${onWays((way) => way.nodes.includes(id))})`).join(', ')}`);
    if (varying.codes.length > 0) lines.push(`  pick ${varying.codes.map((name) => `${name} (in ${onWays((way) => way.steps.some((step) => step.choices.some((choice) => choice.code === name)))})`).join(', ')}`);
  }
  ways.forEach((way, i) => {
    lines.push(`Way ${i + 1} (${way.runs} ${way.runs === 1 ? 'run' : 'runs'}): ${way.nodes.map(code).join(' → ')}`);
    for (const step of way.steps) lines.push(`  at ${code(step.node)}: ${step.choices.map(choiceText).join(' or ')}`);
    if (Object.keys(way.variables).length > 0) lines.push(`  ends with ${rangeText(way.variables)}`);
  });
  const listedRuns = paths.runsLookedAt.toLocaleString('en');
  lines.push(
    paths.complete
      ? `Listed: ${ways.length === paths.waysFound ? (paths.waysFound === 1 ? 'the one way' : paths.waysFound === 2 ? 'both ways' : `all ${paths.waysFound} ways`) : `the first ${ways.length} of the ${paths.waysFound} ways`}, from every run.`
      : `Listed: the first ${ways.length} of the ${paths.waysFound} ways found in the ${listedRuns} runs looked through; ${paths.runs === 'unbounded' ? 'runs that go round a loop again are not looked through' : 'the rest were not looked through'}.`,
  );
  return lines;
}

/** The paths to one ending as JSON: run counts too large for a number are strings of digits. */
function pathsToJson(paths: EndingPaths) {
  const { runs } = paths;
  return { ...paths, runs: typeof runs === 'bigint' ? (runs <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(runs) : runs.toString()) : runs };
}
