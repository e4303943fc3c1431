/**
 * `coach`: the terminal runner. This entry file only declares the commands; each command's work is
 * imported when it runs, so `coach --help` starts as fast as Node itself.
 */
import { Command, CommanderError } from 'commander';
import { exitCodes } from './exit-codes.ts';
import { say } from './terminal.ts';
import { registerCommands } from './commands/index.ts';

const program = new Command('coach')
  .description('Practise, check and draw recovery-coaching role-play scenarios.')
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, 'coach: ')) })
  .addHelpText(
    'after',
    `
Exit codes:
  0  success
  1  a problem was found, or a run failed
  2  usage error (an unknown command or option, a missing argument, a path that does not exist)

Examples:
  $ npx coach lint                      check every scenario in scenarios/
  $ npx coach test scenarios/my-file.md check one scenario and walk its checks
  $ npx coach play first-conversation-with-jordan`,
  );

registerCommands(program);

// `coach lint | head` closes the pipe early: that means the reader has seen enough, not that
// anything failed, so stop quietly, as other command-line tools do, instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? exitCodes.ok);
  });
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    const done = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exitCode = done ? exitCodes.ok : exitCodes.usage;
  } else {
    say(`coach: ${error instanceof Error ? error.message : String(error)}\n`, process.stderr);
    process.exitCode = exitCodes.problem;
  }
}

export {};
