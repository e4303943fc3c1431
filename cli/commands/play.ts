import { InvalidArgumentError, type Command } from 'commander';

/** Reads `--players "Ana,Ben,Chris"`: names in turn order, each once. */
function playerList(value: string): string[] {
  const names = value.split(',').map((name) => name.trim());
  if (names.some((name) => name === '')) throw new InvalidArgumentError('Expected names separated by commas, such as "Ana,Ben,Chris", with none empty.');
  if (names.some((name) => name.length > 40)) throw new InvalidArgumentError('Expected names of at most 40 characters.');
  const duplicate = names.find((name, i) => names.findIndex((other) => other.toLowerCase() === name.toLowerCase()) !== i);
  if (duplicate) throw new InvalidArgumentError(`Expected each name once, and \`${duplicate}\` is there twice.`);
  return names;
}

/** `coach play <id | file>`: practise a scenario in the terminal. */
export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('practise a scenario in the terminal; without a terminal, reads one choice number per line from stdin')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .option('--transcript <file>', 'save the whole run as Markdown to this file when it ends')
    .option('--players <names>', 'people taking turns as the coach, in order, e.g. "Ana,Ben,Chris": says whose turn each step is, and names them in the transcript', playerList)
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
  $ npx coach play first-conversation-with-jordan --players "Ana,Ben,Chris"
  $ printf '1\\n1\\n1\\n' | npx coach play first-conversation-with-jordan`,
    )
    .action(async (arg: string, options: { transcript?: string; players?: string[] }) => {
      const { playCommand } = await import('../play-command.ts');
      process.exitCode = await playCommand(arg, options);
    });
}
