import { Option, type Command } from 'commander';

/** `coach graph <id | file>`: the scenario as a Mermaid or DOT diagram. */
export function registerGraph(program: Command): void {
  program
    .command('graph')
    .description('print a scenario as a diagram: nodes, choices labelled with their codes and conditions, endings by outcome')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .addOption(new Option('--format <format>', 'diagram language').choices(['mermaid', 'dot']).default('mermaid'))
    .addHelpText(
      'after',
      `
Examples:
  $ npx coach graph first-conversation-with-jordan > jordan.mmd
  $ npx coach graph scenarios/my-scenario.md --format dot | dot -Tsvg > my-scenario.svg`,
    )
    .action(async (arg: string, options: { format: 'mermaid' | 'dot' }) => {
      const [{ scenarioDiagram }, { CommandError, loadScenarioArg }, { say }] = await Promise.all([import('../../src/engine/diagram.ts'), import('../scenario-arg.ts'), import('../terminal.ts')]);
      try {
        const { scenario } = await loadScenarioArg(arg);
        say(scenarioDiagram(scenario, options.format));
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
        say(`coach: ${error.message}\n`, process.stderr);
        process.exitCode = error.exitCode;
      }
    });
}
