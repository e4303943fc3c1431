import { Command, Option } from 'commander';

/** What `coach paths` is told on its command line. */
export interface PathsCommandOptions {
  /** Only the paths to this ending. */
  readonly ending?: string;
  /** How many ways to list for each ending. */
  readonly ways: string;
  /** Print the paths as JSON. */
  readonly json?: boolean;
}

/** `coach paths <id | file> [--ending id]`: every distinct way to reach each ending, grouped. */
export function registerPaths(program: Command): void {
  program
    .command('paths')
    .description('list the ways to reach each ending, grouped by the nodes they pass, with what every run to it shares and where runs differ')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .option('--ending <id>', 'only the paths to this ending')
    .addOption(new Option('--ways <count>', 'how many ways to list for each ending').default('10'))
    .option('--json', 'print the paths as JSON')
    .addHelpText(
      'after',
      `
Runs that pass the same nodes in the same order are one way; at each step of a way, the choices
its runs take there are listed. What every run to an ending shares (nodes passed, codes and
choices picked, values at the end) and what only some do is worked out over every run, however
many. Only the listing is capped: the ways are found by looking through at most 10,000 runs to
each ending (fewer where runs are long), each going round a loop at most once, and the output
says when it stopped.

With --json: one entry per ending with runs (a number, a string of digits when too large, or
"unbounded"), shared {nodes, codes, choices, variables {name: {min, max}}}, varying {nodes,
codes, choices}, ways [{nodes, steps [{node, choices}], runs, variables}], waysFound,
runsLookedAt and complete.

Examples:
  $ npx coach paths first-conversation-with-jordan
  $ npx coach paths scenarios/my-scenario.md --ending agrees-to-meet
  $ npx coach paths first-conversation-with-jordan --ending leaves-early --json`,
    )
    .action(async (scenario: string, options: PathsCommandOptions) => {
      const { pathsCommand } = await import('../paths-command.ts');
      process.exitCode = await pathsCommand(scenario, options);
    });
}
