/**
 * The runs of one scenario the reader has finished on this device, newest first, each with its
 * outcome and figures; any of them opens to show its conversation and debrief again, replayed
 * from the stored choices, to save as plain text or Markdown or to print on its own. My progress
 * links here, to a run by its anchor.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { debriefOf } from '../engine/debrief.ts';
import type { ScenarioMachine } from '../engine/compile.ts';
import { endingOf, replay, RunError, transcript, type Run } from '../engine/run.ts';
import { transcriptMarkdown } from '../engine/transcript-markdown.ts';
import { transcriptText } from '../engine/transcript-text.ts';
import type { Scenario } from '../engine/types.ts';
import type { FinishedRun } from '../progress/schema.ts';
import { useProgress } from '../progress/use-progress.ts';
import { downloadFile } from '../site/download.ts';
import { plainFromRendered } from '../site/html-text.ts';
import { runAnchor, runDate, runFigures } from '../site/labels.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import Conversation from './Conversation.tsx';
import RunDebrief from './RunDebrief.tsx';
import TranscriptPrintSheet, { printingSheetClass } from './TranscriptPrintSheet.tsx';

export interface RunHistoryProps {
  readonly scenario: Scenario;
  readonly machine: ScenarioMachine;
  readonly html: RenderedMarkdown;
}

/** A stored run replayed, or undefined if the scenario no longer leads its choices to the same ending. */
function replayed(scenario: Scenario, machine: ScenarioMachine, run: FinishedRun): Run | undefined {
  try {
    const again = replay(scenario, run.choices, machine);
    return endingOf(again)?.id === run.ending ? again : undefined;
  } catch (error) {
    if (error instanceof RunError) return undefined;
    throw error;
  }
}

function PastRun({ run, scenario, machine, html, openAtFirst }: RunHistoryProps & { run: FinishedRun; openAtFirst: boolean }) {
  const [open, setOpen] = useState(openAtFirst);
  const [printing, setPrinting] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const detailsId = useId();
  // Replayed only when opened: a history can hold many runs.
  const again = useMemo(() => (open ? replayed(scenario, machine, run) : undefined), [open, scenario, machine, run]);
  const debrief = again && debriefOf(again);
  const fileName = (extension: string) => `${scenario.id}-transcript-${run.endedAt.slice(0, 10)}.${extension}`;

  /**
   * Prints this run alone: the sheet is drawn into the page first (synchronously, so it is there
   * when the dialog lays out the page), and taken away once the dialog closes.
   */
  function print() {
    flushSync(() => setPrinting(true));
    const root = document.documentElement;
    root.classList.add(printingSheetClass);
    addEventListener(
      'afterprint',
      () => {
        root.classList.remove(printingSheetClass);
        setPrinting(false);
      },
      { once: true },
    );
    window.print();
  }
  // Arriving from My progress: open this run and bring it into view.
  useEffect(() => {
    if (!openAtFirst) return;
    setOpen(true);
    heading.current?.focus();
  }, [openAtFirst]);

  return (
    <li id={runAnchor(run.endedAt)} className="card past-run">
      <h3 ref={heading} tabIndex={-1}>
        {runDate(run.endedAt)}: <span className={`outcome-${run.outcome}`}>{run.outcome}</span>
      </h3>
      <p className="meta">{runFigures(run.summary)}</p>
      <button type="button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
        {open ? 'Hide the conversation and debrief' : 'Show the conversation and debrief'}
      </button>
      <div id={detailsId}>
        {open && !debrief && <p>This scenario has changed since this run, so its conversation and debrief cannot be shown again. The figures above are as they were.</p>}
        {open && again && debrief && (
          <>
            <h4>The conversation</h4>
            <Conversation entries={transcript(again)} html={html} label={`The conversation on ${runDate(run.endedAt)}`} ownWords={run.ownWords} />
            <RunDebrief debrief={debrief} html={html} title={`Debrief of the run on ${runDate(run.endedAt)}`} level={4} ownWords={run.ownWords}>
              <div className="actions">
                {/* Plain text first: it opens anywhere, where many trainees cannot open a .md file. */}
                <button type="button" onClick={() => downloadFile(fileName('txt'), transcriptText(again, { plain: plainFromRendered(html), practised: runDate(run.endedAt), ...(run.ownWords ? { ownWords: run.ownWords } : {}) }), 'text/plain;charset=utf-8')}>
                  Save as text
                </button>
                <button type="button" onClick={print}>Print this transcript</button>
                <button type="button" onClick={() => downloadFile(fileName('md'), transcriptMarkdown(again, { date: new Date(run.endedAt), ...(run.ownWords ? { ownWords: run.ownWords } : {}) }), 'text/markdown')}>
                  Download this transcript (Markdown)
                </button>
              </div>
            </RunDebrief>
            {printing && <TranscriptPrintSheet stored={run} run={again} debrief={debrief} html={html} />}
          </>
        )}
      </div>
    </li>
  );
}

/** The past runs of a scenario; nothing until the reader has finished one. */
export default function RunHistory({ scenario, machine, html }: RunHistoryProps) {
  const { progress, loaded } = useProgress();
  const [linked, setLinked] = useState('');
  useEffect(() => setLinked(decodeURIComponent(location.hash.slice(1))), []);
  const runs = progress.runs.filter((run) => run.scenarioId === scenario.id).reverse();
  if (!loaded || runs.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="run-history">
      <h2 id="history-title">Your past runs of this scenario</h2>
      <ol className="past-runs">
        {runs.map((run) => (
          <PastRun key={run.endedAt} run={run} scenario={scenario} machine={machine} html={html} openAtFirst={linked === runAnchor(run.endedAt)} />
        ))}
      </ol>
    </section>
  );
}
