/**
 * Typed replies on the shared screen: during the pause, how many are in (never whose, nor their
 * words); once the facilitator shows them, each reply without a name and with the code the coder
 * gives it against the person's last line, in the room's shuffled order. On one screen, with no
 * phones, the facilitator types the replies said aloud here.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import type { Line } from '../engine/types.ts';
import { codeReplies, type CodedReply, type ReplyCoder, type ShownReply } from '../rooms/replies.ts';
import { maxReplyLength } from '../rooms/limits.ts';

/** "1 reply", "3 replies". */
const repliesCount = (n: number): string => `${n} ${n === 1 ? 'reply' : 'replies'}`;

/** A code as a screen says it: `none` is what MITI gives no code. */
const codeWords = (code: CodedReply['code']) => (code === undefined ? undefined : code === 'none' ? 'No MITI code' : code);

/** Sends Enter as the form's submit, and keeps Shift+Enter (and Enter while composing) as a new line. */
export function enterSends(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  event.currentTarget.form?.requestSubmit();
}

/** Typed replies with their codes, as a list, without names; `pending` stands in for a code not there yet. */
export function ReplyList({ replies, pending = 'coding…' }: { replies: readonly CodedReply[]; pending?: string }) {
  return (
    <ul className="typed-replies">
      {replies.map((reply, i) => (
        <li key={i}>
          <span className="reply-text">“{reply.text}”</span> {reply.code ? <span className="code-name">{codeWords(reply.code)}</span> : <span className="meta">{pending}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A step's replies coded against the person's last line; the codes follow once the coder has loaded. */
export function CodedReplyList({ replies, lines, person, coder, coderFailed }: { replies: readonly ShownReply[]; lines: readonly Line[]; person: string; coder: ReplyCoder | undefined; coderFailed: boolean }) {
  const coded = useMemo(() => codeReplies(replies, lines, person, coder), [replies, lines, person, coder]);
  return (
    <>
      <ReplyList replies={coded} pending={coderFailed ? 'not coded' : 'coding…'} />
      {coderFailed && <p className="meta">The coder could not be loaded, so these replies are shown without codes.</p>}
    </>
  );
}

export interface PauseRepliesProps {
  readonly replies: readonly ShownReply[];
  readonly shown: boolean;
  readonly lines: readonly Line[];
  readonly person: string;
  readonly coder: ReplyCoder | undefined;
  readonly coderFailed: boolean;
  /** Where focus goes when the replies are shown. */
  readonly focusHere?: (element: HTMLElement | null) => void;
  /** On one screen: adds a reply typed by the facilitator. */
  readonly onType?: (text: string) => void;
  /** Who said the reply typed on one screen, for the box's label. */
  readonly typedFor?: string;
  /** True when phones type the replies. */
  readonly phones: boolean;
}

/** The pause's typed replies: the count while they come in, then the replies themselves. */
export function PauseReplies({ replies, shown, lines, person, coder, coderFailed, focusHere, onType, typedFor, phones }: PauseRepliesProps) {
  return (
    <section className="pause-replies" aria-labelledby="pause-replies-title">
      <h4 id="pause-replies-title" tabIndex={-1} ref={shown ? focusHere : undefined}>
        {shown ? `The replies, without names (${replies.length})` : 'Typed replies'}
      </h4>
      {!shown && onType && <ScreenReplyBox onType={onType} typedFor={typedFor} />}
      {!shown && phones && <p className="meta">Type your reply on your phone. Replies show here without names, all together, when the facilitator shows them.</p>}
      <p className="replies-in" aria-live="polite" aria-atomic="true">
        {shown ? 'Replies shown' : replies.length === 0 ? 'No replies yet' : `${repliesCount(replies.length)} in`}
      </p>
      {shown && <CodedReplyList replies={replies} lines={lines} person={person} coder={coder} coderFailed={coderFailed} />}
    </section>
  );
}

/** On one screen: the facilitator types a reply someone said aloud; Enter adds it. */
function ScreenReplyBox({ onType, typedFor }: { onType: (text: string) => void; typedFor: string | undefined }) {
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  function add(event: SubmitEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    onType(text);
    setText('');
    box.current?.focus();
  }
  return (
    <form className="reply-form" onSubmit={add}>
      <label htmlFor="screen-reply">{typedFor ? `${typedFor}'s reply, typed here` : 'A reply said aloud, typed here'}</label>
      <textarea
        id="screen-reply"
        ref={box}
        rows={3}
        maxLength={maxReplyLength}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={enterSends}
        aria-describedby="screen-reply-hint"
      />
      <p id="screen-reply-hint" className="meta">Enter adds it; Shift+Enter starts a new line. Replies show without names, with their codes, when you show them.</p>
      <div className="actions">
        <button type="submit" disabled={text.trim() === ''}>Add the reply</button>
      </div>
    </form>
  );
}
