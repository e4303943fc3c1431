/**
 * What `coach play` does. In a terminal it draws the Ink screen; otherwise (stdin or stdout is not a
 * terminal, or CI is set) it prints plain lines and reads one choice number per line (with
 * `--own-words`, a line with the reply before each), never waiting for keys, so it can be scripted.
 * Ink and React load only for the screen, and the coder only for `--own-words`.
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
import type { PlayOptions } from './commands/play.ts';
import { exitCodes } from './exit-codes.ts';
import { loadReplyCoder, personAt, type CodedReply, type OwnWords, type ReplyCoder } from './own-words.ts';
import { briefLines, choiceLines, debriefLines, ownReplyLines, replyPromptLines, toPlain, transcriptLines, turnLines } from './run-text.ts';
import { CommandError, loadScenarioArg } from './scenario-arg.ts';
import { isInteractive, say, terminalWidth, useColor } from './terminal.ts';

/**
 * Writes the run's transcript, naming the players if they took turns and with any replies written
 * in own words, to a new file, and says where. An earlier transcript is never overwritten: if the
 * name is taken, `-2`, `-3`, … is added and the message says why.
 */
export async function saveTranscript(run: Run, path: string | undefined, players: readonly string[] = [], ownWords: OwnWords = []): Promise<string> {
  const wanted = path ?? `${run.scenario.id}-transcript-${new Date().toISOString().slice(0, 10)}.md`;
  const { dir, name, ext } = parse(wanted);
  const turns = players.length > 0 ? { preface: [takingTurnsSentence(players)], coachAt: (step: number) => turnOf(players, step)! } : {};
  const text = transcriptMarkdown(run, { date: new Date(), ...turns, ...(ownWords.length > 0 ? { ownWords } : {}) });
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

/**
 * `coach play`: the Ink screen in a terminal, plain lines otherwise; with `players`, they take turns
 * as the coach; with `ownWords`, a reply is written and coded before the options at each step.
 */
export async function playCommand(arg: string, options: PlayOptions): Promise<number> {
  let loaded;
  try {
    loaded = await loadScenarioArg(arg);
  } catch (error) {
    if (!(error instanceof CommandError)) throw error;
    say(`coach: ${error.message}\n`, process.stderr);
    return error.exitCode;
  }
  const players = options.players ?? [];
  const codeReply = options.ownWords ? await loadReplyCoder() : undefined;
  return isInteractive()
    ? playOnScreen(loaded.scenario, loaded.machine, options.transcript, players, codeReply)
    : playPlain(loaded.scenario, loaded.machine, options.transcript, players, codeReply);
}

async function playOnScreen(scenario: Scenario, machine: ScenarioMachine, transcriptPath: string | undefined, players: readonly string[], codeReply: ReplyCoder | undefined): Promise<number> {
  const [{ render }, { createElement }, { default: PlayApp }] = await Promise.all([import('ink'), import('react'), import('./play/PlayApp.tsx')]);
  let interrupted = false;
  const app = render(
    createElement(PlayApp, {
      scenario,
      machine,
      players,
      autoSave: transcriptPath !== undefined,
      color: useColor(process.stdout),
      ...(codeReply ? { codeReply } : {}),
      saveTranscript: (run: Run, ownWords?: OwnWords) => saveTranscript(run, transcriptPath, players, ownWords),
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

/** The scriptable mode: plain text out, one choice number per line in (with own words, a reply line before each). */
async function playPlain(scenario: Scenario, machine: ScenarioMachine, transcriptPath: string | undefined, players: readonly string[], codeReply: ReplyCoder | undefined): Promise<number> {
  const write = (text: string) => say(text);
  const width = terminalWidth();
  write(toPlain(briefLines(scenario, width)));
  if (scenario.meta.content_notes.length > 0) write('(Content notes shown; going on.)\n');
  write('\n');
  let run = startRun(scenario, machine);
  let shown = 0;
  const replies: (CodedReply | null)[] = [];
  // Each reply was shown as it was written, so the transcript only says the choice after it was chosen.
  const showNew = () => {
    const entries = transcript(run);
    write(toPlain(transcriptLines(entries, players, shown, { replies, shown: true })));
    shown = entries.length;
  };
  const lines = createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();
  const perLine = codeReply ? 'with --own-words, send a line with your reply (or an empty line, or skip), then a line with a choice number, for each step' : 'send one choice number per line';
  let lineNumber = 0;
  /** The next line of input, or undefined (having said so) if it ended before an ending. */
  const nextLine = async () => {
    const next = await lines.next();
    if (next.done) {
      say(`coach: input ended at node \`${currentNode(run).id}\` before an ending; ${perLine}\n`, process.stderr);
      return undefined;
    }
    lineNumber++;
    return next.value;
  };
  for (;;) {
    showNew();
    if (endingOf(run)) break;
    const step = picks(run).length;
    write(toPlain(turnLines(players, step)));
    let reply: CodedReply | null = null;
    if (codeReply) {
      write(toPlain(replyPromptLines(personAt(run))));
      const text = await nextLine();
      if (text === undefined) return exitCodes.problem;
      reply = codeReply(run, text);
      write(toPlain(ownReplyLines(reply, turnOf(players, step), true)));
    }
    const offered = offeredChoices(run);
    write(toPlain(choiceLines(offered, reply?.closest)));
    const line = await nextLine();
    if (line === undefined) return exitCodes.problem;
    const answer = line.trim();
    if (!/^\d+$/.test(answer) || Number(answer) < 1 || Number(answer) > offered.length) {
      say(`coach: line ${lineNumber}: \`${answer}\` is not a choice here; send a number from 1 to ${offered.length}${codeReply ? ' (with --own-words, each step takes a line with your reply, then a line with a choice number)' : ''}\n`, process.stderr);
      return exitCodes.problem;
    }
    replies.push(reply);
    run = chooseNumber(run, Number(answer));
  }
  const ownWords = codeReply ? replies : [];
  write(toPlain(debriefLines(run, width, ownWords)));
  if (transcriptPath !== undefined) write(`\nTranscript saved to ${await saveTranscript(run, transcriptPath, players, ownWords)}\n`);
  return exitCodes.ok;
}
