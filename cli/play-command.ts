/**
 * What `coach play` does. In a terminal it draws the Ink screen; otherwise (stdin or stdout is not a
 * terminal, or CI is set) it prints plain lines and reads one choice number per line, never waiting
 * for keys, so it can be scripted. Ink and React load only for the screen.
 */
import { writeFile } from 'node:fs/promises';
import { join, parse } from 'node:path';
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
import { isInteractive, say, terminalWidth, useColor } from './terminal.ts';

/**
 * Writes the run's transcript, naming the players if they took turns, to a new file, and says
 * where. An earlier transcript is never overwritten: if the name is taken, `-2`, `-3`, … is added
 * and the message says why.
 */
export async function saveTranscript(run: Run, path: string | undefined, players: readonly string[] = []): Promise<string> {
  const wanted = path ?? `${run.scenario.id}-transcript-${new Date().toISOString().slice(0, 10)}.md`;
  const { dir, name, ext } = parse(wanted);
  const turns = players.length > 0 ? { preface: [takingTurnsSentence(players)], coachAt: (step: number) => turnOf(players, step)! } : {};
  const text = transcriptMarkdown(run, { date: new Date(), ...turns });
  for (let n = 1; ; n++) {
    const target = n === 1 ? wanted : join(dir, `${name}-${n}${ext}`);
    try {
      await writeFile(target, text, { flag: 'wx' });
      return n === 1 ? displayPath(target) : `${displayPath(target)} (${displayPath(wanted)} already exists)`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** `coach play`: the Ink screen in a terminal, plain lines otherwise; with `players`, they take turns as the coach. */
export async function playCommand(arg: string, options: { transcript?: string; players?: string[] }): Promise<number> {
  let loaded;
  try {
    loaded = await loadScenarioArg(arg);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return error.exitCode;
  }
  const players = options.players ?? [];
  return isInteractive() ? playOnScreen(loaded.scenario, loaded.machine, options.transcript, players) : playPlain(loaded.scenario, loaded.machine, options.transcript, players);
}

async function playOnScreen(scenario: Scenario, machine: ScenarioMachine, transcriptPath: string | undefined, players: readonly string[]): Promise<number> {
  const [{ render }, { createElement }, { default: PlayApp }] = await Promise.all([import('ink'), import('react'), import('./play/PlayApp.tsx')]);
  let interrupted = false;
  const app = render(
    createElement(PlayApp, {
      scenario,
      machine,
      players,
      autoSave: transcriptPath !== undefined,
      color: useColor(process.stdout),
      saveTranscript: (run: Run) => saveTranscript(run, transcriptPath, players),
      onInterrupt: () => {
        interrupted = true;
      },
    }),
    // Ctrl+C is the app's to handle, so that it can leave with the exit code for an interruption.
    { interactive: Boolean(process.stdout.isTTY), exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return interrupted ? exitCodes.interrupted : exitCodes.ok;
}

/** The scriptable mode: plain text out, one choice number per line in. */
async function playPlain(scenario: Scenario, machine: ScenarioMachine, transcriptPath: string | undefined, players: readonly string[]): Promise<number> {
  const write = (text: string) => say(text);
  const width = terminalWidth();
  write(toPlain(briefLines(scenario, width)));
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
      say(`coach: input ended at node \`${currentNode(run).id}\` before an ending; send one choice number per line\n`, process.stderr);
      return exitCodes.problem;
    }
    step++;
    const answer = next.value.trim();
    const count = offeredChoices(run).length;
    if (!/^\d+$/.test(answer) || Number(answer) < 1 || Number(answer) > count) {
      say(`coach: line ${step}: \`${answer}\` is not a choice here; send a number from 1 to ${count}\n`, process.stderr);
      return exitCodes.problem;
    }
    run = chooseNumber(run, Number(answer));
  }
  write(toPlain(debriefLines(run, width)));
  if (transcriptPath !== undefined) write(`\nTranscript saved to ${await saveTranscript(run, transcriptPath, players)}\n`);
  return exitCodes.ok;
}
