/**
 * The practice screen of `coach play`, in Ink. Finished lines go into <Static> and stay above; only
 * the live part (the choices, a prompt, the status line) is redrawn. Every step goes through the
 * engine's stepping API, so a run here is the same as on the site.
 */
import { Box, Static, Text, useApp, useInput, useStdout } from 'ink';
import { useState } from 'react';
import { canUndo, choose, endingOf, offeredChoices, picks, restart, startRun, transcript, undo, type Run } from '../../src/engine/run.ts';
import type { ScenarioMachine } from '../../src/engine/compile.ts';
import type { Scenario } from '../../src/engine/types.ts';
import { visibleControls } from '../../src/node/terminal-text.ts';
import { turnOf } from '../../src/rooms/turns.ts';
import { briefLines, debriefLines, entryLines, transcriptLines, type LineKind, type TextLine } from '../run-text.ts';

export interface PlayAppProps {
  readonly scenario: Scenario;
  readonly machine: ScenarioMachine;
  /** Saves the transcript of a run and says where; called at an ending (with --transcript) or on `s`. */
  readonly saveTranscript: (run: Run) => Promise<string>;
  /** Whether to save automatically at every ending (`--transcript FILE`). */
  readonly autoSave: boolean;
  /** Colours and emphasis, unless NO_COLOR is set. */
  readonly color: boolean;
  /** People taking turns as the coach, in order (`--players`); empty when one person plays. */
  readonly players?: readonly string[];
  /** Called when the trainee presses Ctrl+C, just before the app exits. */
  readonly onInterrupt?: () => void;
}

type Mode = 'brief' | 'choosing' | 'feedback' | 'ended' | 'confirm-restart' | 'confirm-quit';

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

export default function PlayApp({ scenario, machine, saveTranscript, autoSave, color, players = [], onInterrupt }: PlayAppProps) {
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

  const append = (...lines: TextLine[]) => setLog((current) => [...current, ...lines]);
  const offered = offeredChoices(run);

  /** Shows every entry not yet shown; at an ending, the debrief too. */
  function showRest(next: Run) {
    const entries = transcript(next);
    append(...transcriptLines(entries, players, shown));
    setShown(entries.length);
    if (endingOf(next)) {
      append(...debriefLines(next, width));
      setMode('ended');
      if (autoSave) void saveTranscript(next).then((where) => setMessage(`Transcript saved to ${where}`));
    } else {
      setSelected(0);
      setMode('choosing');
    }
  }

  function pick(index: number) {
    const next = choose(run, index);
    const entries = transcript(next);
    append(...transcriptLines(entries.slice(0, shown + 1), players, shown));
    setShown(shown + 1);
    setRun(next);
    setMode('feedback');
  }

  function startOver(from: Run, note: string) {
    const fresh = restart(from);
    append({ kind: 'meta', text: note }, { kind: 'blank', text: '' });
    setRun(fresh);
    setMessage('');
    const entries = transcript(fresh);
    append(...transcriptLines(entries, players));
    setShown(entries.length);
    setSelected(0);
    setMode('choosing');
  }

  function confirm(kind: 'confirm-restart' | 'confirm-quit') {
    setPreviousMode(mode);
    setMode(kind);
  }

  useInput((input, key) => {
    if (key.ctrl && input === 'c') {
      onInterrupt?.();
      return exit();
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
        if (input === 's') return void saveTranscript(run).then((where) => setMessage(`Transcript saved to ${where}`));
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

  function takeBack() {
    const last = picks(run).at(-1);
    const previous = undo(run);
    const lastLines = transcript(previous).findLast((entry) => entry.kind === 'lines');
    append({ kind: 'meta', text: `— Took back: “${last?.choice.says ?? ''}” Choose again. —` }, ...(lastLines ? entryLines(lastLines) : []));
    setRun(previous);
    setShown(transcript(previous).length);
    setSelected(0);
    setMessage('');
    setMode('choosing');
  }

  const ending = endingOf(run);
  const turn = turnOf(players, picks(run).length);
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
      {mode === 'choosing' && (
        <Box flexDirection="column">
          <Text bold={color}>{turn ? `${turn}'s turn. ` : ''}What do you say?</Text>
          {offered.map((option, i) => (
            <Text key={option.index} {...(color && i === selected ? { color: 'cyan', bold: true } : {})}>
              {i === selected ? '›' : ' '} {option.number}. “{visibleControls(option.choice.says)}”
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
        {ending && mode === 'ended' ? ` · ended (${ending.outcome})` : ''} · ? keys
      </Text>
    </Box>
  );
}
