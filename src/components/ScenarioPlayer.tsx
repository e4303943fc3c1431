/**
 * The scenario player: a React island over the engine's stepping API, so a scenario plays exactly
 * as it does in the terminal. The run is saved on this device after every step and can be resumed
 * after a reload; the debrief matches the terminal's; new lines are announced politely to screen
 * readers and focus follows the conversation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { compileScenario } from '../engine/compile.ts';
import { canUndo, choiceIndices, choose, endingOf, offeredChoices, replay, restart, RunError, startRun, transcript, undo, type Run, type TranscriptEntry } from '../engine/run.ts';
import { debriefOf } from '../engine/debrief.ts';
import { transcriptMarkdown } from '../engine/transcript-markdown.ts';
import type { Scenario } from '../engine/types.ts';
import { finishedRunOf } from '../progress/finished-run.ts';
import { loadProgress, updateProgress } from '../progress/store.ts';
import { downloadFile } from '../site/download.ts';
import type { RenderedMarkdown } from '../site/scenario-catalog.ts';
import DebriefStep from './DebriefStep.tsx';
import Html from './Html.tsx';
import SummaryTable from './SummaryTable.tsx';

export interface ScenarioPlayerProps {
  readonly scenario: Scenario;
  /** Every piece of the scenario's Markdown, rendered to HTML at build time. */
  readonly html: RenderedMarkdown;
}

type Stage = { kind: 'resume-offer'; saved: Run } | { kind: 'brief' } | { kind: 'playing' };

/** Text for the live region: what the persona and narrator said since the last choice. */
function spokenText(entries: readonly TranscriptEntry[]): string {
  return entries
    .flatMap((entry) => (entry.kind === 'lines' ? entry.lines.map((line) => (line.speaker ? `${line.speaker}: ${line.markdown}` : line.markdown)) : entry.kind === 'ending' ? [`The scenario has ended. Outcome: ${entry.ending.outcome}.`] : []))
    .join(' ')
    .replace(/[*_`]/g, '');
}

export default function ScenarioPlayer({ scenario, html }: ScenarioPlayerProps) {
  const machine = useMemo(() => compileScenario(scenario), [scenario]);
  const [run, setRun] = useState<Run>(() => startRun(scenario, machine));
  const [stage, setStage] = useState<Stage>({ kind: 'brief' });
  const [notice, setNotice] = useState<string | undefined>();
  const [confirmingRestart, setConfirmingRestart] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Controls stay disabled until the island has hydrated and read any saved run.
  const [ready, setReady] = useState(false);
  const focusTarget = useRef<HTMLElement | null>(null);
  const shouldFocus = useRef(false);
  const savedEnding = useRef(false);
  const { meta } = scenario;

  // On arrival: offer to resume a run in progress, if it still fits the scenario.
  useEffect(() => {
    const loaded = loadProgress();
    const saved = loaded.progress.inProgress[scenario.id];
    const notices = loaded.notice ? [loaded.notice] : [];
    if (saved && saved.choices.length > 0) {
      try {
        setStage({ kind: 'resume-offer', saved: replay(scenario, saved.choices, machine) });
      } catch (error) {
        if (!(error instanceof RunError)) throw error;
        notices.push('This scenario has changed since you last played it, so your run starts from the beginning.');
        updateProgress((progress) => {
          const { [scenario.id]: _dropped, ...rest } = progress.inProgress;
          return { ...progress, inProgress: rest };
        });
      }
    }
    if (notices.length > 0) setNotice(notices.join(' '));
    setReady(true);
  }, [scenario, machine]);

  useEffect(() => {
    if (shouldFocus.current && focusTarget.current) {
      focusTarget.current.focus();
      shouldFocus.current = false;
    }
  });

  const ending = endingOf(run);

  function save(next: Run) {
    const finished = endingOf(next);
    updateProgress((progress) => {
      const { [scenario.id]: _previous, ...others } = progress.inProgress;
      if (!finished) {
        return { ...progress, inProgress: { ...others, [scenario.id]: { choices: choiceIndices(next), acknowledged: true, updatedAt: new Date().toISOString() } } };
      }
      return { ...progress, inProgress: others, runs: savedEnding.current ? progress.runs : [...progress.runs, finishedRunOf(next)!] };
    });
    savedEnding.current = Boolean(finished);
  }

  function step(next: Run, announce: boolean) {
    const before = transcript(run).length;
    setRun(next);
    save(next);
    shouldFocus.current = true;
    if (announce) setAnnouncement(spokenText(transcript(next).slice(before)));
  }

  function begin(from: Run) {
    savedEnding.current = Boolean(endingOf(from));
    setRun(from);
    setStage({ kind: 'playing' });
    setAnnouncement(spokenText(transcript(from)));
    shouldFocus.current = true;
  }

  const entries = transcript(run);
  const lastChoiceIndex = entries.findLastIndex((entry) => entry.kind === 'choice');

  if (stage.kind === 'resume-offer') {
    return (
      <section className="card" aria-labelledby="resume-title">
        {notice && <p className="notice" role="status">{notice}</p>}
        <h2 id="resume-title">Welcome back</h2>
        <p>You have a run of this scenario in progress ({stage.saved.stops.length - 1} {stage.saved.stops.length === 2 ? 'choice' : 'choices'} so far).</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => begin(stage.saved)}>Resume where you left off</button>
          <button type="button" onClick={() => { setStage({ kind: 'brief' }); }}>Start again</button>
        </div>
      </section>
    );
  }

  if (stage.kind === 'brief') {
    return (
      <section className="card" aria-labelledby="start-title">
        {notice && <p className="notice" role="status">{notice}</p>}
        <h2 id="start-title">Before you start</h2>
        {meta.content_notes.length > 0 ? (
          <>
            <p>This scenario includes:</p>
            <ul>{meta.content_notes.map((note) => <li key={note}>{note}</li>)}</ul>
            <p>You can take a break at any point; your place is kept on this device.</p>
          </>
        ) : (
          <p>You can take a break at any point; your place is kept on this device.</p>
        )}
        <div className="actions">
          <button type="button" className="primary" disabled={!ready} onClick={() => begin(startRun(scenario, machine))}>
            {meta.content_notes.length > 0 ? 'I have read the content notes. Start' : 'Start the scenario'}
          </button>
        </div>
      </section>
    );
  }

  const offered = offeredChoices(run);
  const debrief = debriefOf(run);

  return (
    <section aria-labelledby="conversation-title" className="player">
      {notice && <p className="notice" role="status">{notice}</p>}
      <h2 id="conversation-title">Conversation</h2>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{announcement}</div>
      <ol className="dialogue" aria-label="Conversation so far">
        {entries.map((entry, i) => {
          if (entry.kind === 'lines') {
            return entry.lines.map((line, j) => (
              <li key={`${i}-${j}`} className={line.speaker ? 'speech' : 'narration'}>
                {line.speaker && <span className="speaker">{line.speaker}</span>}
                <Html markdown={line.markdown} html={html} />
              </li>
            ));
          }
          if (entry.kind === 'choice') {
            const isLast = i === lastChoiceIndex && !ending;
            return (
              <li key={i} className="coach-line">
                <span className="speaker">You</span>
                <span>“{entry.choice.says}”</span>
                <div className="feedback" tabIndex={-1} ref={isLast ? (element) => { focusTarget.current = element; } : undefined}>
                  <h3>{entry.choice.code.name}</h3>
                  <Html markdown={entry.choice.feedback} html={html} as="div" />
                </div>
              </li>
            );
          }
          return null;
        })}
      </ol>

      {!ending && (
        <section aria-labelledby="choices-title">
          <h3 id="choices-title" tabIndex={-1} ref={lastChoiceIndex === -1 ? (element) => { focusTarget.current = element; } : undefined}>What do you say?</h3>
          <ol className="choice-list">
            {offered.map((option) => (
              <li key={option.index}>
                <button type="button" onClick={() => step(choose(run, option.index), true)}>
                  <span aria-hidden="true">{option.number}.</span> “{option.choice.says}”
                </button>
              </li>
            ))}
          </ol>
        </section>
      )}

      {ending && (
        <section className="card debrief" aria-labelledby="debrief-title">
          <h2 id="debrief-title" tabIndex={-1} ref={(element) => { focusTarget.current = element; }}>Debrief</h2>
          <p>
            <strong>Outcome: </strong>
            <span className={`outcome-${ending.outcome}`}>{ending.outcome}</span>
          </p>
          {ending.debrief && <Html markdown={ending.debrief} html={html} as="div" />}
          <h3>Summary of your coded choices</h3>
          {debrief && <SummaryTable rows={debrief.rows} notes={debrief.notes} column="Your choices" caption="Your choices against the MITI 4.2.1 fair and good thresholds" />}
          <h3>Step by step</h3>
          <ol className="debrief-steps">
            {debrief?.steps.map((step, i) => <DebriefStep key={i} picked={step.picked} suggestion={step.suggestion} html={html} />)}
          </ol>
          <div className="actions">
            <button type="button" className="primary" onClick={() => downloadFile(`${scenario.id}-transcript.md`, transcriptMarkdown(run, { date: new Date() }), 'text/markdown')}>Download the transcript</button>
            <button type="button" onClick={() => window.print()}>Print</button>
            <button type="button" onClick={() => { savedEnding.current = false; step(restart(run), false); }}>Play again</button>
          </div>
        </section>
      )}

      <div className="actions no-print" role="group" aria-label="Run controls">
        <button type="button" onClick={() => { savedEnding.current = false; step(undo(run), false); }} disabled={!canUndo(run)}>Undo last choice</button>
        {confirmingRestart ? (
          <span role="group" aria-label="Confirm restart">
            Restart from the beginning?{' '}
            <button type="button" onClick={() => { setConfirmingRestart(false); savedEnding.current = false; step(restart(run), false); }}>Yes, restart</button>{' '}
            <button type="button" onClick={() => setConfirmingRestart(false)}>No, keep going</button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirmingRestart(true)} disabled={!canUndo(run)}>Restart</button>
        )}
        <a className="button" href={`/break?from=${encodeURIComponent(scenario.id)}`}>Take a break</a>
      </div>
    </section>
  );
}
