/**
 * The debrief of a finished run: outcome, the ending's debrief, the MITI-style summary with its
 * notes, then each step with the option the debrief points to. The player shows it at an ending
 * and the run history shows it again for a past run: one rendering of the engine's one model.
 */
import { useId, type ReactNode, type Ref } from 'react';
import type { Debrief } from '../engine/debrief.ts';
import { ownWordsSentence, ownWordsSummary, type OwnReply } from '../engine/own-words.ts';
import { summaryNotes, summaryRows } from '../engine/score.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import DebriefStep from './DebriefStep.tsx';
import Html from './Html.tsx';
import { lastShown } from './long-list.ts';
import SummaryTable from './SummaryTable.tsx';

export interface RunDebriefProps {
  readonly debrief: Debrief;
  readonly html: RenderedMarkdown;
  /** The heading, e.g. `Debrief`. */
  readonly title: string;
  /** The heading's level; the sections inside are one level below. */
  readonly level: 2 | 3 | 4;
  /** Given the heading, so focus can move to it. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
  /** Shown first, e.g. that the run could not be saved. */
  readonly notice?: ReactNode;
  /** Shown last, e.g. download and play-again buttons. */
  readonly children?: ReactNode;
  /** Replies written in own words, one per choice: summarised under "In your own words". */
  readonly ownWords?: readonly (OwnReply | null | undefined)[];
}

export default function RunDebrief({ debrief, html, title, level, headingRef, notice, children, ownWords = [] }: RunDebriefProps) {
  const headingId = useId();
  const Heading = `h${level}` as const;
  const Sub = `h${level + 1}` as 'h3' | 'h4' | 'h5';
  const { ending } = debrief;
  const { shown, hidden } = lastShown(debrief.steps);
  return (
    <section className="card debrief" aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} ref={headingRef}>{title}</Heading>
      {notice}
      <p>
        <strong>Outcome: </strong>
        <span className={`outcome-${ending.outcome}`}>{ending.outcome}</span>
      </p>
      {debrief.text.map((part, i) => <Html key={i} markdown={part} html={html} as="div" />)}
      <Sub>Summary of your coded choices</Sub>
      <SummaryTable rows={debrief.rows} notes={debrief.notes} column="Your choices" caption="Your choices against the MITI 4.2.1 fair and good thresholds" />
      <OwnWordsSummary replies={ownWords} Sub={Sub} />
      <Sub>Step by step</Sub>
      {hidden > 0 && <p className="meta">The first {hidden.toLocaleString()} steps are not shown here. The transcript download has every step.</p>}
      <ol className="debrief-steps" start={hidden + 1}>
        {shown.map((step, i) => <DebriefStep key={hidden + i} picked={step.picked} suggestion={step.suggestion} html={html} />)}
      </ol>
      {children}
    </section>
  );
}

/** "In your own words": what the trainee wrote, as the coder read it, against the same thresholds; nothing if they wrote nothing. */
function OwnWordsSummary({ replies, Sub }: { replies: readonly (OwnReply | null | undefined)[]; Sub: 'h3' | 'h4' | 'h5' }) {
  const written = replies.filter((reply): reply is OwnReply => Boolean(reply));
  if (written.length === 0) return null;
  const summary = ownWordsSummary(written);
  return (
    <>
      <Sub>In your own words</Sub>
      <p>{ownWordsSentence(summary)}</p>
      <SummaryTable rows={summaryRows(summary)} notes={summaryNotes(summary)} column="Your words" caption="What you wrote, as the coder read it, against the MITI 4.2.1 fair and good thresholds" />
    </>
  );
}
