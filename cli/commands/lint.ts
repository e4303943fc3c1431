import type { Command } from 'commander';

/** `coach lint [paths…]`: every check and the exploration of each scenario. */
export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('check scenario files against the scenario format, and explore every state they can reach (coach test also walks their `checks:`)')
    .argument('[paths...]', 'scenario files or folders (default: scenarios/)')
    .option('--json', 'print the results as JSON')
    .option('--strict', 'fail on warnings too (the teaching check, wording, choices never offered)')
    .addHelpText(
      'after',
      `
Examples:
  $ npx coach lint
  $ npx coach lint scenarios/first-conversation-with-jordan.md
  $ npx coach lint ~/drafts --json`,
    )
    .action(async (paths: string[], options: { json?: boolean; strict?: boolean }) => {
      const { checkScenarios } = await import('../check-scenarios.ts');
      process.exitCode = await checkScenarios(paths, { json: options.json ?? false, strict: options.strict ?? false, walkChecks: false });
    });
}
