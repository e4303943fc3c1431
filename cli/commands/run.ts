import { Command, Option } from 'commander';

/** `coach run <id | file> --choose 1,3,2 | --path a,b,c`: a run without a screen, for scripts. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('play a scenario without a screen, by choice numbers or by a path of nodes, and print the transcript and debrief')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .addOption(new Option('--choose <numbers>', 'choices to pick, one-based among the choices offered at each step, e.g. 1,3,2').conflicts('path'))
    .addOption(new Option('--path <nodes>', 'node ids to walk from the start, e.g. opening,not-my-idea,agrees-to-meet (route nodes may be left out)'))
    .option('--json', 'print the whole run as JSON')
    .addHelpText(
      'after',
      `
With --json: nodesVisited, choices (node, code, what was said, feedback, target), the final
variables, the ending and its outcome, and the summary figures as numbers: reflectionToQuestion
(reflections per question) and percentComplexReflections (0 to 100), each null where there is
nothing to divide by, miAdherent and miNonAdherent.

Examples:
  $ npx coach run first-conversation-with-jordan --choose 1,1,1
  $ npx coach run scenarios/my-scenario.md --path opening,pushback,leaves-early --json`,
    )
    .action(async (scenario: string, options: { choose?: string; path?: string; json?: boolean }, command: Command) => {
      if (options.choose === undefined && options.path === undefined) command.error('coach run: pass --choose 1,2,… or --path node,node,…', { exitCode: 2, code: 'coach.usage' });
      const { runCommand } = await import('../run-command.ts');
      process.exitCode = await runCommand(scenario, options);
    });
}
