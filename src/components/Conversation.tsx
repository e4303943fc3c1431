/** A run's conversation as a list: what the persona and narrator said, and each choice with its code and feedback. */
import { readAs, type OwnReply } from '../engine/own-words.ts';
import type { TranscriptEntry } from '../engine/run.ts';
import type { RenderedMarkdown } from '../site/render-scenario.ts';
import Html from './Html.tsx';
import { lastShown } from './long-list.ts';

export interface ConversationProps {
  readonly entries: readonly TranscriptEntry[];
  readonly html: RenderedMarkdown;
  /** The list's accessible name. */
  readonly label: string;
  /** Given the last choice's feedback, so the player can move focus to it. */
  readonly lastFeedbackRef?: (element: HTMLElement | null) => void;
  /** Replies written in own words, one per choice (null where none was). */
  readonly ownWords?: readonly (OwnReply | null | undefined)[];
}

/** The conversation of a run, the same in the player and in the run history. */
export default function Conversation({ entries, html, label, lastFeedbackRef, ownWords = [] }: ConversationProps) {
  const { shown, hidden } = lastShown(entries);
  const lastChoice = shown.findLastIndex((entry) => entry.kind === 'choice');
  // The step of each choice, counted over the whole run, so a long run's hidden start is allowed for.
  const stepOf = new Map<number, number>();
  entries.forEach((entry, index) => entry.kind === 'choice' && stepOf.set(index, stepOf.size));
  return (
    <>
      {hidden > 0 && <p className="meta">This conversation is long: the first {hidden.toLocaleString()} parts are not shown here. The transcript download has all of it.</p>}
      <ol className="dialogue" aria-label={label}>
        {shown.map((entry, i) => {
          const key = hidden + i;
          if (entry.kind === 'lines') {
            return entry.lines.map((line, j) => (
              <li key={`${key}-${j}`} className={line.speaker ? 'speech' : 'narration'}>
                {line.speaker && <span className="speaker">{line.speaker}</span>}
                <Html markdown={line.markdown} html={html} />
              </li>
            ));
          }
          if (entry.kind === 'choice') {
            const written = ownWords[stepOf.get(key) ?? -1];
            return (
              <li key={key} className="coach-line">
                {written && (
                  <div className="own-words-said">
                    <p><span className="speaker">You wrote</span> “{written.text.trim()}”</p>
                    <p className="meta">{readAs(written)} Then you chose:</p>
                  </div>
                )}
                <span className="speaker">You</span>
                <span>“{entry.choice.says}”</span>
                <div className="feedback" tabIndex={-1} ref={i === lastChoice ? lastFeedbackRef : undefined}>
                  <p className="feedback-code">{entry.choice.code.name}</p>
                  <Html markdown={entry.choice.feedback} html={html} as="div" />
                </div>
              </li>
            );
          }
          return null;
        })}
      </ol>
    </>
  );
}
