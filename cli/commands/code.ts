import { Command, Option } from 'commander';

/** `coach code "…"`: the behaviour code of one reply, of many (--jsonl), or how well the coder agrees (--evaluate). */
export function registerCode(program: Command): void {
  program
    .command('code')
    .description('give a reply a coach might say its MITI behaviour code, with the reason; or measure the coder')
    .argument('[reply]', 'what the coach says, in quotes')
    .option('--context <line>', "the person's line the reply answers (helps tell a reflection from new content)")
    .option('--person <name>', 'the person\'s name, for the reason ("It tells Jordan what to do")')
    .option('--json', 'print the answer as JSON')
    .addOption(new Option('--jsonl', 'read JSON lines {"text": …, "context": …} on standard input, write one JSON answer per line').conflicts(['evaluate']))
    .addOption(new Option('--evaluate [folder]', 'measure agreement: leave one scenario out over the folder (default scenarios/), and the held-out replies'))
    .addHelpText(
      'after',
      `
Each answer has code (one of the twelve behaviour codes, or none where MITI gives no code, as
for "ok" or a farewell), group (question, reflection, MI-adherent, giving information, MI
non-adherent or none; persuading with permission counts with giving information), confidence
(0 to 1), reason, and where they apply runnerUp, cue, part, leaning and tip. Simple or complex
is only a leaning: trained coders often disagree on it.

Exit codes: 0 coded; 1 a --jsonl line could not be read (its answer line has "error"); 2 usage.

Examples:
  $ npx coach code "you should really go back to the group"
  $ npx coach code "so work has been hard" --context "Work's been a nightmare." --json
  $ echo '{"text": "what would help?"}' | npx coach code --jsonl
  $ npx coach code --evaluate`,
    )
    .action(async (reply: string | undefined, options: CodeCommandOptions, command: Command) => {
      const modes = [reply !== undefined, options.jsonl === true, options.evaluate !== undefined].filter(Boolean).length;
      if (modes !== 1) command.error('coach code: give one reply in quotes, or --jsonl with lines on standard input, or --evaluate', { exitCode: 2, code: 'coach.usage' });
      const { codeCommand } = await import('../code-command.ts');
      process.exitCode = await codeCommand(reply, options);
    });
}

export interface CodeCommandOptions {
  readonly context?: string;
  readonly person?: string;
  readonly json?: boolean;
  readonly jsonl?: boolean;
  readonly evaluate?: string | true;
}
