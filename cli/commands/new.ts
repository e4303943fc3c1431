import type { Command } from 'commander';

/** `coach new <id>`: a new scenario from a template that passes `coach test` as it is. */
export function registerNew(program: Command): void {
  program
    .command('new')
    .description('start a new scenario from a template that shows every feature of the format, with notes for trainers')
    .argument('<id>', 'the new scenario id: lower-case letters, digits and hyphens, e.g. meeting-alex')
    .option('--folder <folder>', 'where to write it (default: scenarios/)')
    .addHelpText('after', '\nExamples:\n  $ npx coach new meeting-alex\n  $ npx coach test scenarios/meeting-alex.md')
    .action(async (id: string, options: { folder?: string }) => {
      const { newScenario } = await import('../new-command.ts');
      process.exitCode = await newScenario(id, options.folder);
    });
}
