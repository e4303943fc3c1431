import { Command, Option } from 'commander';

/** What `coach run` is told on its command line. */
export interface RunOptions {
  /** Choice numbers to pick, one-based among those offered at each step: `1,3,2`. */
  readonly choose?: string;
  /** Node ids to walk from the start: `opening,pushback,leaves-early`. */
  readonly path?: string;
  /** Replies written in own words, one per step in order (`--say` again for each). */
  readonly say?: readonly string[];
  /** Print the variables and the routes taken at every step. */
  readonly trace?: boolean;
  /** Print the whole run as JSON. */
  readonly json?: boolean;
}

/** `coach run <id | file> --choose 1,3,2 | --path a,b,c`: a run without a screen, for scripts. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('play a scenario without a screen, by choice numbers or by a path of nodes, and print the transcript and debrief')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .addOption(new Option('--choose <numbers>', 'choices to pick, one-based among the choices offered at each step, e.g. 1,3,2').conflicts('path'))
    .addOption(new Option('--path <nodes>', 'node ids to walk from the start, e.g. opening,not-my-idea,agrees-to-meet (route nodes may be left out; opening:2 takes choice 2 there)'))
    .option('--say <reply>', 'what you would say at a step, in your own words, coded by the coder on this device: once per step, in order ("" or skip for none)', (reply: string, earlier: string[]) => [...earlier, reply], [] as string[])
    .option('--trace', 'print the variables at every step, and at each route node the route it took and the values that decided it')
    .option('--json', 'print the whole run as JSON (with the trace of every step)')
    .addHelpText(
      'after',
      `
With --json: nodesVisited, choices (node, code, what was said, feedback, target), the final
variables, the ending and its outcome, and the summary figures as numbers: reflectionToQuestion
(reflections per question) and percentComplexReflections (0 to 100), each null where there is
nothing to divide by, miAdherent and miNonAdherent. With --say, also ownWords, one per choice
({text, code, group, confidence, reason}, or null where nothing was said), and ownWordsSummary,
the same figures for the replies as the coder read them, with openQuestions and closedQuestions.
And trace, one entry per step (the start, then each choice): the choice taken (its number among
those offered, code, words, effects), each route node passed with the routes tried (condition,
whether it held, the values it read), the node settled at, the ending if reached, every
variable after the step and the ones it changed (from, to).

Examples:
  $ npx coach run first-conversation-with-jordan --choose 1,1,1
  $ npx coach run first-conversation-with-jordan --choose 1,3,2 --trace
  $ npx coach run scenarios/my-scenario.md --path opening,pushback,leaves-early --json
  $ npx coach run first-conversation-with-jordan --choose 1,3 --say "So this wasn't your idea." --say "What do you want from today?" --json`,
    )
    .action(async (scenario: string, options: RunOptions, command: Command) => {
      if (options.choose === undefined && options.path === undefined) command.error('coach run: pass --choose 1,2,… or --path node,node,…', { exitCode: 2, code: 'coach.usage' });
      const { runCommand } = await import('../run-command.ts');
      process.exitCode = await runCommand(scenario, options);
    });
}
