/**
 * What `coach play` does. In a terminal it draws the Ink screen; otherwise (stdin or stdout is not a
 * terminal, or CI is set) it prints plain lines and reads one choice number per line, never waiting
 * for keys, so it can be scripted. Ink and React load only for the screen.
 */
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { chooseNumber, currentNode, endingOf, offeredChoices, picks, transcript, startRun, type Run } from '../src/engine/run.ts';
import { transcriptMarkdown } from '../src/engine/transcript-markdown.ts';
import type { ScenarioMachine } from '../src/engine/compile.ts';
import type { Scenario } from '../src/engine/types.ts';
import { displayPath } from '../src/node/scenario-files.ts';
import { takingTurnsSentence, turnOf } from '../src/rooms/turns.ts';
import { exitCodes } from './exit-codes.ts';
import { briefLines, choiceLines, debriefLines, toPlain, transcriptLines, turnLines } from './run-text.ts';
import { CommandError, loadScenarioArg } from './scenario-arg.ts';
import { isInteractive, useColor } from './terminal.ts';

/** Writes the run's transcript, naming the players if they took turns, and returns where, for the message. */
async function saveTranscript(run: Run, path: string | undefined, players: readonly string[]): Promise<string> {
  const target = path ?? `${run.scenario.id}-transcript-${new Date().toISOString().slice(0, 10)}.md`;
  const turns = players.length > 0 ? { preface: [takingTurnsSentence(players)], coachAt: (step: number) => turnOf(players, step)! } : {};
  await writeFile(target, transcriptMarkdown(run, { date: new Date(), ...turns }));
  return displayPath(target);
}

/** `coach play`: the Ink screen in a terminal, plain lines otherwise; with `players`, they take turns as the coach. */
export async function playCommand(arg: string, options: { transcript?: string; players?: string[] }): Promise<number> {
  let loaded;
  try {
    loaded = await loadScenarioArg(arg);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    process.stderr.write(`coach: ${error.message}\n`);
    return error.exitCode;
  }
  const players = options.players ?? [];
  return isInteractive() ? playOnScreen(loaded.scenario, loaded.machine, options.transcript, players) : playPlain(loaded.scenario, loaded.machine, options.transcript, players);
}

async function playOnScreen(scenario: Scenario, machine: ScenarioMachine, transcriptPath: string | undefined, players: readonly string[]): Promise<number> {
  const [{ render }, { createElement }, { default: PlayApp }] = await Promise.all([import('ink'), import('react'), import('./play/PlayApp.tsx')]);
  const app = render(
    createElement(PlayApp, { scenario, machine, players, autoSave: transcriptPath !== undefined, color: useColor(process.stdout), saveTranscript: (run: Run) => saveTranscript(run, transcriptPath, players) }),
    { interactive: Boolean(process.stdout.isTTY) },
  );
  await app.waitUntilExit();
  return exitCodes.ok;
}

/** The scriptable mode: plain text out, one choice number per line in. */
async function playPlain(scenario: Scenario, machine: ScenarioMachine, transcriptPath: string | undefined, players: readonly string[]): Promise<number> {
  const write = (text: string) => process.stdout.write(text);
  write(toPlain(briefLines(scenario)));
  if (scenario.meta.content_notes.length > 0) write('(Content notes shown; going on.)\n');
  write('\n');
  let run = startRun(scenario, machine);
  let shown = 0;
  const showNew = () => {
    const entries = transcript(run);
    write(toPlain(transcriptLines(entries, players, shown)));
    shown = entries.length;
  };
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  let step = 0;
  for (;;) {
    showNew();
    if (endingOf(run)) break;
    write(toPlain([...turnLines(players, picks(run).length), ...choiceLines(offeredChoices(run))]));
    const next = await lines.next();
    if (next.done) {
      process.stderr.write(`coach: input ended at node \`${currentNode(run).id}\` before an ending; send one choice number per line\n`);
      return exitCodes.problem;
    }
    step++;
    const answer = next.value.trim();
    const count = offeredChoices(run).length;
    if (!/^\d+$/.test(answer) || Number(answer) < 1 || Number(answer) > count) {
      process.stderr.write(`coach: line ${step}: \`${answer}\` is not a choice here; send a number from 1 to ${count}\n`);
      return exitCodes.problem;
    }
    run = chooseNumber(run, Number(answer));
  }
  write(toPlain(debriefLines(run)));
  if (transcriptPath !== undefined) write(`\nTranscript saved to ${await saveTranscript(run, transcriptPath, players)}\n`);
  return exitCodes.ok;
}
