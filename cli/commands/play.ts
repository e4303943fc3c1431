import type { Command } from 'commander';

/** `coach play <id | file>`: practise a scenario in the terminal. */
export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('practise a scenario in the terminal; without a terminal, reads one choice number per line from stdin')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .option('--transcript <file>', 'save the whole run as Markdown to this file when it ends')
    .addHelpText(
      'after',
      `
Keys: ↑/↓ and Enter, or a number, to choose · u undo · r restart · q quit · ? keys.
At the ending: p play again · s save the transcript · q quit.

Without a terminal (a pipe, a script, or CI set), it prints plain text, goes on past the
content notes, and reads one choice number per line from stdin.

Examples:
  $ npx coach play first-conversation-with-jordan
  $ npx coach play first-conversation-with-jordan --transcript jordan.md
  $ printf '1\\n1\\n1\\n' | npx coach play first-conversation-with-jordan`,
    )
    .action(async (arg: string, options: { transcript?: string }) => {
      const { playCommand } = await import('../play-command.ts');
      process.exitCode = await playCommand(arg, options);
    });
}
