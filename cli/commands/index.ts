import type { Command } from 'commander';
import { registerLint } from './lint.ts';
import { registerTest } from './test.ts';

/** Adds every command to the program, in the order `coach --help` lists them. */
export function registerCommands(program: Command): void {
  registerLint(program);
  registerTest(program);
}
