import type { Command } from 'commander';

/** `coach list`: the scenarios in scenarios/, one line each. */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('list the scenarios in scenarios/: id, title, level, minutes, nodes and endings by outcome')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', '\nExamples:\n  $ npx coach list\n  $ npx coach list --json')
    .action(async (options: { json?: boolean }) => {
      const { listScenarios } = await import('../list-command.ts');
      process.exitCode = await listScenarios(options.json ?? false);
    });
}
