import type { Command } from 'commander';
import { registerCode } from './code.ts';
import { registerGraph } from './graph.ts';
import { registerGroup, registerServe } from './group/index.ts';
import { registerLint } from './lint.ts';
import { registerList } from './list.ts';
import { registerNew } from './new.ts';
import { registerPaths } from './paths.ts';
import { registerPackage } from './package.ts';
import { registerPlay } from './play.ts';
import { registerRun } from './run.ts';
import { registerTest } from './test.ts';

/** Adds every command to the program, in the order `coach --help` lists them. */
export function registerCommands(program: Command): void {
  registerPlay(program);
  registerRun(program);
  registerGroup(program);
  registerServe(program);
  registerPackage(program);
  registerCode(program);
  registerList(program);
  registerLint(program);
  registerTest(program);
  registerGraph(program);
  registerPaths(program);
  registerNew(program);
}
