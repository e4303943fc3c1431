/**
 * One past run's transcript laid out for paper, on its own: the scenario, when it was played, the
 * persona, the conversation and the debrief. It is drawn into the page's body only while printing,
 * and global.css then leaves everything else off the paper (`html.printing-sheet`), so "Print"
 * beside a run prints that run and nothing more, from the browser's own dialog (or as a PDF).
 */
import { createPortal } from 'react-dom';
import type { Debrief } from '../engine/debrief.ts';
import { transcript, type Run } from '../engine/run.ts';
import { personaText } from '../engine/transcript-text.ts';
import type { FinishedRun } from '../progress/schema.ts';
import { runDate } from '../site/labels.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import Conversation from './Conversation.tsx';
import Html from './Html.tsx';
import RunDebrief from './RunDebrief.tsx';

export interface TranscriptPrintSheetProps {
  readonly stored: FinishedRun;
  /** The run replayed from its stored choices. */
  readonly run: Run;
  readonly debrief: Debrief;
  readonly html: RenderedMarkdown;
}

/** The class on `<html>` while a sheet is printing: global.css prints the sheet alone. */
export const printingSheetClass = 'printing-sheet';

export default function TranscriptPrintSheet({ stored, run, debrief, html }: TranscriptPrintSheetProps) {
  const { meta, introduction } = run.scenario;
  const players = stored.group?.players ?? [];
  return createPortal(
    <div className="print-sheet">
      <p className="record-site">Recovery Coach Practice: transcript</p>
      <h1>{meta.title}</h1>
      <p>
        Practised on {runDate(stored.endedAt)}
        {stored.group ? `, as a group${players.length > 0 ? ` (${players.join(', ')})` : ''}` : ''}.
      </p>
      <h2>Persona</h2>
      <ul className="sheet-persona">
        {personaText(meta.persona).map((line) => <li key={line}>{line}</li>)}
      </ul>
      {introduction && <Html markdown={introduction} html={html} as="div" />}
      <h2>The conversation</h2>
      <Conversation entries={transcript(run)} html={html} label="The conversation" ownWords={stored.ownWords} />
      <RunDebrief debrief={debrief} html={html} title="Debrief" level={2} ownWords={stored.ownWords} />
    </div>,
    document.body,
  );
}
