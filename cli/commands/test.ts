import type { Command } from 'commander';

/** `coach test [paths…]`: lint, walk every `checks:` path, and report coverage. */
export function registerTest(program: Command): void {
  program
    .command('test')
    .description('lint scenarios, walk every scripted check, and report how much of each scenario is covered')
    .argument('[paths...]', 'scenario files or folders (default: scenarios/)')
    .option('--json', 'print the results as JSON')
    .option('--strict', 'fail on warnings too (the teaching check, wording, choices never offered)')
    .option('--watch', 'check again each time a scenario is saved, until Ctrl+C')
    .addHelpText(
      'after',
      `
For each scenario it prints the reachable states, the transitions exercised of all
transitions, the endings reached of all endings, and the number of distinct paths to an
ending, then a summary line.

Examples:
  $ npx coach test
  $ npx coach test scenarios/my-scenario.md --watch
  $ npx coach test scenarios/first-conversation-with-jordan.md --json`,
    )
    .action(async (paths: string[], options: { json?: boolean; strict?: boolean; watch?: boolean }) => {
      const checkOptions = { json: options.json ?? false, strict: options.strict ?? false, walkChecks: true };
      if (options.watch) {
        const { watchScenarios } = await import('../watch.ts');
        process.exitCode = await watchScenarios(paths, checkOptions);
        return;
      }
      const { checkScenarios } = await import('../check-scenarios.ts');
      process.exitCode = await checkScenarios(paths, checkOptions);
    });
}
