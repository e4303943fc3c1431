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

/** What `coach play` is told on its command line. */
export interface PlayOptions {
  /** Save the run as Markdown to this file when it ends. */
  readonly transcript?: string;
  /** People taking turns as the coach, in order; none when one person plays. */
  readonly players?: string[];
  /** Write a reply in your own words, coded on the device, before the options at each step. */
  readonly ownWords?: boolean;
}

/** `coach play <id | file>`: practise a scenario in the terminal. */
export function registerPlay(program: Command): void {
  program
    .command('play')
    .description('practise a scenario in the terminal; without a terminal, reads one choice number per line from stdin (with --own-words, a line with your reply before each)')
    .argument('<scenario>', 'a scenario id (from scenarios/) or a path to a scenario file')
    .option('--transcript <file>', 'save the whole run as Markdown to this file when it ends')
    .option('--players <names>', 'people taking turns as the coach, in order, e.g. "Ana,Ben,Chris": says whose turn each step is, and names them in the transcript', playerList)
    .option('--own-words', 'at each step, write what you would say before seeing the options: the coder on this device codes it, and the option closest to it is marked')
    .addHelpText(
      'after',
      `
Keys: ↑/↓ and Enter, or a number, to choose · u undo · r restart · q quit · ? keys.
At the ending: p play again · s save the transcript · q quit.

With --own-words, each step asks "What would you say to …?" first: type your reply and press
Enter (Enter on its own, or skip, goes straight to the options). It shows the reply's code, why,
and what to try, then the options as usual, marking the one closest to what you wrote; u takes
back the reply with the choice. The debrief adds "In your own words", a summary of your replies
as the coder read them (a coder on a device is not a MITI rater).

Without a terminal (a pipe, a script, or CI set), it prints plain text, goes on past the
content notes, and reads one choice number per line from stdin; with --own-words, a line with
your reply (or an empty line) and then a line with a choice number, per step.

Examples:
  $ npx coach play first-conversation-with-jordan
  $ npx coach play first-conversation-with-jordan --transcript jordan.md
  $ npx coach play first-conversation-with-jordan --players "Ana,Ben,Chris"
  $ npx coach play first-conversation-with-jordan --own-words
  $ printf '1\\n1\\n1\\n' | npx coach play first-conversation-with-jordan
  $ printf 'So you were sent here.\\n1\\nskip\\n1\\nWhat matters to you?\\n1\\n' | npx coach play first-conversation-with-jordan --own-words`,
    )
    .action(async (arg: string, options: PlayOptions) => {
      const { playCommand } = await import('../play-command.ts');
      process.exitCode = await playCommand(arg, options);
    });
}
