/**
 * The practice screen of `coach play`, in Ink. Finished lines go into <Static> and stay above; only
 * the live part (the choices, a prompt, the status line) is redrawn. Every step goes through the
 * engine's stepping API, so a run here is the same as on the site. With own words, each step first
 * takes a typed reply, which the coder codes, before the options.
 */
import { Box, Static, Text, useApp, useInput, usePaste, useStdout } from 'ink';
import { useState } from 'react';
import { canUndo, choose, endingOf, offeredChoices, picks, restart, startRun, transcript, undo, type Run } from '../../src/engine/run.ts';
import type { ScenarioMachine } from '../../src/engine/compile.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { visibleControls } from '../../src/node/terminal-text.ts';
import { turnOf } from '../../src/rooms/turns.ts';
import { personAt, type CodedReply, type OwnWords, type ReplyCoder } from '../own-words.ts';
import { briefLines, debriefLines, entryLines, optionText, ownReplyLines, replyPromptLines, transcriptLines, type LineKind, type TextLine } from '../run-text.ts';

export interface PlayAppProps {
  readonly scenario: Scenario;
  readonly machine: ScenarioMachine;
  /** Saves the transcript of a run (with the replies written in own words) and says where; called at an ending (with --transcript) or on `s`. */
  readonly saveTranscript: (run: Run, ownWords?: OwnWords) => Promise<string>;
  /** Whether to save automatically at every ending (`--transcript FILE`). */
  readonly autoSave: boolean;
  /** Colours and emphasis, unless NO_COLOR is set. */
  readonly color: boolean;
  /** People taking turns as the coach, in order (`--players`); empty when one person plays. */
  readonly players?: readonly string[];
  /** Called when the trainee presses Ctrl+C, just before the app exits. */
  readonly onInterrupt?: () => void;
  /** Codes a typed reply (`--own-words`); without it, the options come at once. */
  readonly codeReply?: ReplyCoder;
}

type Mode = 'brief' | 'writing' | 'choosing' | 'feedback' | 'ended' | 'confirm-restart' | 'confirm-quit';

const styles: Record<LineKind, { color?: string; bold?: boolean; dimColor?: boolean; italic?: boolean }> = {
  title: { bold: true },
  heading: { bold: true },
  speech: {},
  narration: { dimColor: true, italic: true },
  coach: { color: 'cyan' },
  feedback: { color: 'green' },
  text: {},
  meta: { dimColor: true },
  blank: {},
};

const keysHelp = '↑/↓ move · Enter or 1–9 choose · u undo · r restart · q quit · ? keys';

/** Control characters (a pasted line break, a tab) in a typed reply become spaces. */
const typed = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');

export default function PlayApp({ scenario, machine, saveTranscript, autoSave, color, players = [], onInterrupt, codeReply }: PlayAppProps) {
  const { exit } = useApp();
  // Ink wraps text to the terminal itself; only the summary table needs the width, to stay a table.
  const width = (useStdout().stdout as NodeJS.WriteStream).columns || 80;
  const [run, setRun] = useState<Run>(() => startRun(scenario, machine));
  const [log, setLog] = useState<TextLine[]>(() => briefLines(scenario, Infinity));
  const [shown, setShown] = useState(0);
  const [mode, setMode] = useState<Mode>('brief');
  const [selected, setSelected] = useState(0);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState('');
  const [previousMode, setPreviousMode] = useState<Mode>('choosing');
  /** The replies written, one per choice picked (null where the step was skipped); only with own words. */
  const [replies, setReplies] = useState<(CodedReply | null)[]>([]);
  /** The reply written at this step, before an option is picked. */
  const [reply, setReply] = useState<CodedReply | null>(null);
  const [draft, setDraft] = useState('');

  const append = (...lines: TextLine[]) => setLog((current) => [...current, ...lines]);
  const offered = offeredChoices(run);
  // Each reply is shown as it is written, so the transcript only says the choice after it was chosen.
  const ownWords = (written: OwnWords) => ({ replies: written, shown: true });
  /** At a new step: a reply to write first with own words, else the options. */
  const stepMode: Mode = codeReply ? 'writing' : 'choosing';

  function newStep() {
    setSelected(0);
    setReply(null);
    setDraft('');
    setMode(stepMode);
  }

  /** Shows every entry not yet shown; at an ending, the debrief too. */
  function showRest(next: Run) {
    const entries = transcript(next);
    append(...transcriptLines(entries, players, shown, ownWords(replies)));
    setShown(entries.length);
    if (endingOf(next)) {
      append(...debriefLines(next, width, codeReply ? replies : []));
      setMode('ended');
      if (autoSave) void saveTranscript(next, replies).then((where) => setMessage(`Transcript saved to ${where}`));
    } else newStep();
  }

  /** Codes the reply typed (or skips to the options), shows how it reads, then the options. */
  function send() {
    if (!codeReply) return;
    const written = codeReply(run, draft);
    append(...replyPromptLines(personAt(run)), ...ownReplyLines(written, turnOf(players, picks(run).length), true));
    setReply(written);
    setDraft('');
    setSelected(0);
    setMode('choosing');
  }

  function pick(index: number) {
    const next = choose(run, index);
    const entries = transcript(next);
    const written = codeReply ? [...replies, reply] : replies;
    append(...transcriptLines(entries.slice(0, shown + 1), players, shown, ownWords(written)));
    setReplies(written);
    setReply(null);
    setShown(shown + 1);
    setRun(next);
    setMode('feedback');
  }

  function startOver(from: Run, note: string) {
    const fresh = restart(from);
    append({ kind: 'meta', text: note }, { kind: 'blank', text: '' });
    setRun(fresh);
    setMessage('');
    setReplies([]);
    const entries = transcript(fresh);
    append(...transcriptLines(entries, players));
    setShown(entries.length);
    newStep();
  }

  function confirm(kind: 'confirm-restart' | 'confirm-quit') {
    setPreviousMode(mode);
    setMode(kind);
  }

  // A paste arrives whole (bracketed paste), line breaks and all: one reply, on one line.
  usePaste((text) => setDraft((current) => current + typed(text)), { isActive: mode === 'writing' });

  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt?.();
      return exit();
    }
    // While writing, every key but Enter, Backspace and Ctrl+C is part of the reply: `?`, `u` and digits included.
    if (mode === 'writing') {
      if (key.return) return send();
      if (key.backspace || key.delete) return setDraft((current) => [...current].slice(0, -1).join(''));
      if (input && !key.ctrl && !key.meta && !key.escape && !key.tab) setDraft((current) => current + typed(input));
      return;
    }
    if (input === '?') return setHelp((open) => !open);
    switch (mode) {
      case 'brief':
        if (key.return) {
          append({ kind: 'blank', text: '' });
          showRest(run);
        } else if (input === 'q') exit();
        return;
      case 'feedback':
        if (input === 'u' && canUndo(run)) return takeBack();
        if (input === 'q') return confirm('confirm-quit');
        return showRest(run);
      case 'choosing': {
        if (key.upArrow) return setSelected((i) => (i + offered.length - 1) % offered.length);
        if (key.downArrow) return setSelected((i) => (i + 1) % offered.length);
        if (key.return && offered[selected]) return pick(offered[selected]!.index);
        const number = Number(input);
        if (Number.isInteger(number) && number >= 1 && number <= offered.length) return pick(offered[number - 1]!.index);
        if (input === 'u') return canUndo(run) ? takeBack() : setMessage('Nothing to undo yet.');
        if (input === 'r') return confirm('confirm-restart');
        if (input === 'q') return confirm('confirm-quit');
        return;
      }
      case 'ended':
        if (input === 'p') return startOver(run, '— Playing again —');
        if (input === 's') return void saveTranscript(run, replies).then((where) => setMessage(`Transcript saved to ${where}`));
        if (input === 'u') return takeBack();
        if (input === 'q') return exit();
        return;
      case 'confirm-restart':
        if (input === 'y') return startOver(run, '— Restarted from the beginning —');
        return setMode(previousMode);
      case 'confirm-quit':
        if (input === 'y') return exit();
        return setMode(previousMode);
    }
  });

  /** Takes back the last choice, and with own words the reply written before it: that step is written and chosen again. */
  function takeBack() {
    const last = picks(run).at(-1);
    const previous = undo(run);
    const lastLines = transcript(previous).findLast((entry) => entry.kind === 'lines');
    const written = replies.at(-1);
    const took = written ? `what you wrote, “${written.text}”, and “${last?.choice.says ?? ''}” Write again.` : `“${last?.choice.says ?? ''}” ${codeReply ? 'Write again.' : 'Choose again.'}`;
    append({ kind: 'meta', text: `— Took back: ${took} —` }, ...(lastLines ? entryLines(lastLines) : []));
    setRun(previous);
    setReplies(replies.slice(0, -1));
    setShown(transcript(previous).length);
    setMessage('');
    newStep();
  }

  const ending = endingOf(run);
  const turn = turnOf(players, picks(run).length);
  const whoseTurn = turn ? `${turn}'s turn. ` : '';
  return (
    <Box flexDirection="column">
      <Static items={log.map((line, i) => ({ ...line, key: i }))}>
        {(line) => (
          <Text key={line.key} {...(color ? styles[line.kind] : {})}>
            {line.text || ' '}
          </Text>
        )}
      </Static>
      {mode === 'brief' && <Text>{scenario.meta.content_notes.length > 0 ? 'Press Enter to acknowledge the content notes and start.' : 'Press Enter to start.'}</Text>}
      {mode === 'writing' && (
        <Box flexDirection="column">
          <Text bold={color}>
            {whoseTurn}What would you say to {visibleControls(personAt(run))}?
          </Text>
          <Text>
            › {draft}
            {/* Ink hides the terminal's cursor: draw one, in reverse video where colour is allowed. */}
            {color ? <Text inverse> </Text> : '_'}
          </Text>
          <Text dimColor={color}>Enter sends · Enter on its own, or skip, goes straight to the options</Text>
        </Box>
      )}
      {mode === 'choosing' && (
        <Box flexDirection="column">
          <Text bold={color}>{whoseTurn}What do you say?</Text>
          {offered.map((option, i) => (
            <Text key={option.index} {...(color && i === selected ? { color: 'cyan', bold: true } : {})}>
              {i === selected ? '›' : ' '} {optionText(option, reply?.closest)}
            </Text>
          ))}
        </Box>
      )}
      {mode === 'feedback' && <Text dimColor={color}>Press any key to go on (u to take it back).</Text>}
      {mode === 'ended' && <Text>p play again · s save the transcript · u undo the last choice · q quit</Text>}
      {mode === 'confirm-restart' && <Text>Restart from the beginning? (y/n)</Text>}
      {mode === 'confirm-quit' && <Text>Quit? This run is not saved. (y/n)</Text>}
      {help && (
        <Box borderStyle="round" flexDirection="column" paddingX={1}>
          <Text>{keysHelp}</Text>
          <Text>At the ending: p play again · s save the transcript</Text>
        </Box>
      )}
      {message !== '' && <Text>{message}</Text>}
      <Text dimColor={color}>
        {visibleControls(scenario.meta.title)} · {picks(run).length} {picks(run).length === 1 ? 'choice' : 'choices'} so far{turn && !ending ? ` · ${turn}'s turn` : ''}
        {/* The outcome only once the debrief is on screen: saying it sooner gives the ending away. */}
        {ending && mode === 'ended' ? ` · ended (${ending.outcome})` : ''}
        {/* While writing, `?` is part of the reply. */}
        {mode === 'writing' ? ' · Ctrl+C quits' : ' · ? keys'}
      </Text>
    </Box>
  );
}
